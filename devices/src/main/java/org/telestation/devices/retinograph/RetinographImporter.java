package org.telestation.devices.retinograph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.ImageFrame;
import org.telestation.devices.retinograph.ImportOutcome.Kind;

/**
 * Imports the images a retinograph exports into a folder.
 * <ol>
 *   <li><b>Complete files only.</b> A file is taken once its size and modification time have not changed for the
 *       quiet period (writers that copy slowly over a share), and temporary names ({@code .part}, {@code .tmp},
 *       leading dot or tilde) are ignored until renamed. A file that still decodes as cut short is given more time
 *       (the incomplete grace) before it is quarantined.</li>
 *   <li><b>Format by content.</b> The decoder is chosen by magic bytes ({@link ImageDecoders}), never by extension.</li>
 *   <li><b>Laterality</b> from the file name ({@link Laterality#fromFileName}) or the image's metadata; when both
 *       speak and disagree the file is quarantined: a wrong eye is worse than no image.</li>
 *   <li><b>Dedupe</b> by SHA-256 of the bytes, remembered in an append-only index file across restarts; a duplicate
 *       is moved to the duplicates folder, not handed over again.</li>
 *   <li><b>Nothing is lost.</b> Files are only ever moved (atomic rename within one file system), never deleted.
 *       A bad file goes to quarantine with {@code <name>.reason.txt} beside it. If the listener throws, the file
 *       stays in the inbox and is retried. Order: hand over, record the hash, move aside — a crash in between
 *       hands the same image over again with the same SHA-256, which the outbox dedupes.</li>
 * </ol>
 * Logs carry content hashes and reasons, never file names: exported names often contain the patient's name.
 * <p>
 * {@link #pollOnce()} does one deterministic pass (tests drive it with a controllable clock); {@link #start()} runs
 * passes on a thread, woken early by a {@link WatchService} and rescanning periodically anyway (covers events lost
 * to overflow and files already present at start).
 */
public final class RetinographImporter implements AutoCloseable {
    /** Receives each new image; must persist it durably (e.g. into the outbox) before returning. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @throws Refused    the image will never be accepted (too large for the station's outbox): quarantined
         * @throws Exception  anything else: the file stays and is tried again (a full outbox)
         */
        void imported(ImportedImage image) throws Exception;
    }

    /** A {@link Listener}'s final no: trying the same file again cannot help, so it goes to quarantine. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    /**
     * @param quietPeriod     how long size and mtime must stay unchanged before a file is read
     * @param incompleteGrace how long a file that decodes as truncated may stay unchanged before quarantine
     * @param maxFileBytes    larger files are quarantined unread
     * @param rescanInterval  the longest wait between passes of the background thread
     */
    public record Settings(Duration quietPeriod, Duration incompleteGrace, long maxFileBytes, Duration rescanInterval) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(2), Duration.ofSeconds(60), 100L * 1024 * 1024, Duration.ofSeconds(1));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RetinographImporter.class);

    private final ImportFolders folders;
    private final ImageDecoders decoders;
    private final DeviceIdentity retinograph;
    private final Listener listener;
    private final Clock clock;
    private final Settings settings;
    private final Map<Path, Seen> seen = new HashMap<>();
    private final Set<String> importedHashes = new HashSet<>();
    private volatile Thread worker;
    private volatile WatchService watch;

    private record Seen(long size, Instant modified, Instant since) {
    }

    public RetinographImporter(ImportFolders folders, ImageDecoders decoders, DeviceIdentity retinograph,
                               Listener listener, Clock clock, Settings settings) throws IOException {
        this.folders = Objects.requireNonNull(folders);
        this.decoders = Objects.requireNonNull(decoders);
        this.retinograph = Objects.requireNonNull(retinograph);
        this.listener = Objects.requireNonNull(listener);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
        folders.create();
        if (Files.exists(folders.hashIndex())) {
            for (String line : Files.readAllLines(folders.hashIndex(), StandardCharsets.US_ASCII)) {
                if (line.length() >= 64) importedHashes.add(line.substring(0, 64));
            }
        }
    }

    /** One pass over the inbox. Not thread-safe with itself: the background thread or a caller, not both. */
    public synchronized List<ImportOutcome> pollOnce() throws IOException {
        Instant now = clock.instant();
        List<ImportOutcome> outcomes = new ArrayList<>();
        Set<Path> present = new HashSet<>();
        List<Path> listing = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folders.inbox())) {
            dir.forEach(listing::add); // list first: files are moved out during the pass
        }
        for (Path file : listing) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException gone) {
                continue; // renamed or removed between listing and stat
            }
            if (!attrs.isRegularFile() || ignored(file.getFileName().toString())) continue;
            present.add(file);
            Instant modified = attrs.lastModifiedTime().toInstant();
            Seen before = seen.get(file);
            if (before == null || before.size() != attrs.size() || !before.modified().equals(modified)) {
                seen.put(file, new Seen(attrs.size(), modified, now));
                continue;
            }
            if (Duration.between(before.since(), now).compareTo(settings.quietPeriod()) < 0) continue;
            ImportOutcome outcome = importFile(file, attrs, before, now);
            outcomes.add(outcome);
            if (outcome.kind() != Kind.DEFERRED) seen.remove(file);
        }
        seen.keySet().retainAll(present);
        return outcomes;
    }

    static boolean ignored(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(".") || n.startsWith("~") || n.endsWith(".part") || n.endsWith(".tmp")
                || n.endsWith(".partial") || n.endsWith(".crdownload") || n.endsWith(".reason.txt");
    }

    private ImportOutcome importFile(Path file, BasicFileAttributes attrs, Seen seenState, Instant now)
            throws IOException {
        String name = file.getFileName().toString();
        if (attrs.size() > settings.maxFileBytes()) {
            return quarantine(file, "file too large: " + attrs.size() + " bytes (limit " + settings.maxFileBytes() + ")");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(settings.maxFileBytes() + 1, Integer.MAX_VALUE - 16));
        }
        if (bytes.length != attrs.size()) {
            seen.put(file, new Seen(bytes.length, Instant.EPOCH, now)); // it changed under us: wait again
            return new ImportOutcome(name, Kind.DEFERRED, "file changed while being read");
        }
        String sha256 = sha256(bytes);
        if (importedHashes.contains(sha256)) {
            moveUnique(file, folders.duplicates(), name);
            LOG.info("Retinograph image {} already imported: moved to duplicates", shortHash(sha256));
            return new ImportOutcome(name, Kind.DUPLICATE, sha256);
        }
        DecodedImage decoded;
        try {
            decoded = decoders.decode(bytes);
        } catch (ImageDecodeException e) {
            if (e.incomplete() && Duration.between(seenState.since(), now).compareTo(settings.incompleteGrace()) < 0) {
                return new ImportOutcome(name, Kind.DEFERRED, "incomplete, waiting: " + e.getMessage());
            }
            return quarantine(file, e.getMessage());
        } catch (RuntimeException e) { // a plugged-in decoder with a bug must not lose the file
            return quarantine(file, "decoder failed: " + e);
        }
        String fromName = Laterality.fromFileName(name);
        String fromMeta = decoded.laterality();
        if (fromName != null && fromMeta != null && !fromName.equals(fromMeta)) {
            return quarantine(file, "laterality conflict: file name says " + fromName + ", image metadata says " + fromMeta);
        }
        String laterality = fromName != null ? fromName : fromMeta;
        ImageFrame frame = new ImageFrame(retinograph, attrs.lastModifiedTime().toInstant(), decoded.width(),
                decoded.height(), decoded.mediaType(), bytes, true, laterality);
        try {
            listener.imported(new ImportedImage(sha256, name, frame));
        } catch (Refused e) {
            return quarantine(file, e.getMessage());
        } catch (Exception e) {
            LOG.warn("Retinograph image {} not accepted downstream, will retry: {}", shortHash(sha256), e.toString());
            seen.put(file, new Seen(attrs.size(), attrs.lastModifiedTime().toInstant(), now));
            return new ImportOutcome(name, Kind.DEFERRED, "listener failed: " + e.getMessage());
        }
        Files.writeString(folders.hashIndex(), sha256 + "  " + decoded.mediaType() + System.lineSeparator(),
                StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        importedHashes.add(sha256);
        Path day = folders.processed().resolve(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        Files.createDirectories(day);
        moveUnique(file, day, name);
        LOG.info("Retinograph image {} imported ({}, {}x{}, laterality {})", shortHash(sha256), decoded.mediaType(),
                decoded.width(), decoded.height(), laterality == null ? "unknown" : laterality);
        return new ImportOutcome(name, Kind.IMPORTED, sha256);
    }

    private ImportOutcome quarantine(Path file, String reason) throws IOException {
        String name = file.getFileName().toString();
        Path moved = moveUnique(file, folders.quarantine(), name);
        Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"),
                "file: " + name + "\nquarantined: " + clock.instant() + "\nreason: " + reason + "\n",
                StandardCharsets.UTF_8);
        LOG.warn("Retinograph file quarantined: {}", reason);
        return new ImportOutcome(name, Kind.QUARANTINED, reason);
    }

    /** Moves into {@code dir} under {@code name}, or {@code name-1.ext}, {@code name-2.ext}… if taken. */
    private static Path moveUnique(Path file, Path dir, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 0; ; i++) {
            Path target = dir.resolve(i == 0 ? name : stem + "-" + i + ext);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(target.resolveSibling(target.getFileName() + ".reason.txt"))) continue;
            try {
                return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                // someone took the name between the check and the move: try the next one
            }
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static String shortHash(String sha256) {
        return sha256.substring(0, 12);
    }

    /** Starts watching in a daemon thread; {@link #close()} stops it. */
    public synchronized void start() throws IOException {
        if (worker != null) throw new IllegalStateException("already started");
        WatchService ws = folders.inbox().getFileSystem().newWatchService();
        folders.inbox().register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        watch = ws;
        Thread t = new Thread(this::run, "retinograph-import");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pollOnce();
                WatchKey key = watch.poll(settings.rescanInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents(); // the content of events does not matter: the next pass rescans
                    key.reset();
                }
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Retinograph import pass failed, retrying: {}", e.toString());
                try {
                    Thread.sleep(settings.rescanInterval().toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                watch.close();
                t.join(5_000);
            } catch (IOException | InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
