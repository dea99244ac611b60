package org.telestation.station.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A folder a device exports files into (ECG files): lists the regular files whose size and modification time have
 * not changed for the quiet period (a copy in progress is left alone), ignoring temporary names; then moves each
 * handled file to {@code processed/YYYY-MM-DD/} or {@code quarantine/} (with a {@code .reason.txt}). Files are
 * only moved, never deleted. File names may hold patient names: callers must not log them.
 */
final class FolderInbox {
    private final Path folder;
    private final Duration quiet;
    private final Clock clock;
    private final Map<Path, Seen> seen = new HashMap<>();

    private record Seen(long size, Instant modified, Instant since) {
    }

    FolderInbox(Path folder, Duration quiet, Clock clock) throws IOException {
        this.folder = folder;
        this.quiet = quiet;
        this.clock = clock;
        Files.createDirectories(folder);
    }

    Path folder() {
        return folder;
    }

    /** Files that have stayed unchanged for the quiet period, oldest listing order. */
    List<Path> stableFiles() throws IOException {
        Instant now = clock.instant();
        List<Path> stable = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path file : dir) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || name.startsWith("~") || name.endsWith(".part") || name.endsWith(".tmp")) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (IOException gone) {
                    continue;
                }
                if (!a.isRegularFile()) continue;
                present.add(file);
                Seen s = seen.get(file);
                Instant modified = a.lastModifiedTime().toInstant();
                if (s == null || s.size() != a.size() || !s.modified().equals(modified)) {
                    seen.put(file, new Seen(a.size(), modified, now));
                } else if (!now.isBefore(s.since().plus(quiet))) {
                    stable.add(file);
                }
            }
        }
        seen.keySet().retainAll(present);
        return stable;
    }

    void processed(Path file) throws IOException {
        Path dir = folder.resolve("processed").resolve(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString());
        moveInto(dir, file);
    }

    void quarantine(Path file, String reason) throws IOException {
        Path dir = folder.resolve("quarantine");
        Path moved = moveInto(dir, file);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason + "\n");
    }

    private Path moveInto(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(file.getFileName());
        for (int n = 1; Files.exists(target); n++) target = dir.resolve(n + "-" + file.getFileName());
        seen.remove(file);
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }
}
