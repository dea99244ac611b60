package org.telestation.devices.retinograph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the importer reads and puts files. The work folders live outside the inbox so that the retinograph's own
 * software never sees (or sweeps) them, but on the same file system so moves are atomic renames.
 */
public record ImportFolders(Path inbox, Path processed, Path quarantine, Path duplicates, Path hashIndex) {
    /** {@code work/processed}, {@code work/quarantine}, {@code work/duplicates}, {@code work/imported.sha256}. */
    public static ImportFolders of(Path inbox, Path work) {
        return new ImportFolders(inbox, work.resolve("processed"), work.resolve("quarantine"),
                work.resolve("duplicates"), work.resolve("imported.sha256"));
    }

    void create() throws IOException {
        Files.createDirectories(inbox);
        Files.createDirectories(processed);
        Files.createDirectories(quarantine);
        Files.createDirectories(duplicates);
    }
}
