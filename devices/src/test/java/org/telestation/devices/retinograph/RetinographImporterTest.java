package org.telestation.devices.retinograph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.retinograph.ImportOutcome.Kind;

/** Runs against a real temporary folder; time is a clock the test moves. */
class RetinographImporterTest {
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static final DeviceIdentity RETINOGRAPH =
            new DeviceIdentity(DeviceKind.RETINOGRAPH, "Sim", "Fundus", "R-1", "folder:inbox");
    private static final RetinographImporter.Settings SETTINGS = new RetinographImporter.Settings(
            Duration.ofSeconds(2), Duration.ofSeconds(30), 5_000_000, Duration.ofMillis(100));

    @TempDir Path tmp;
    private ImportFolders folders;
    private final MovableClock clock = new MovableClock();
    private final List<ImportedImage> received = new CopyOnWriteArrayList<>();
    private final FundusSimulator sim = new FundusSimulator(160, 5);

    @BeforeEach
    void setUp() {
        folders = ImportFolders.of(tmp.resolve("inbox"), tmp.resolve("work"));
    }

    private RetinographImporter importer(RetinographImporter.Listener listener) throws Exception {
        return new RetinographImporter(folders, ImageDecoders.standard(), RETINOGRAPH, listener, clock, SETTINGS);
    }

    /** Two passes the quiet period apart: the first sees the file, the second takes it. */
    private List<ImportOutcome> settle(RetinographImporter imp) throws Exception {
        imp.pollOnce();
        clock.advance(Duration.ofSeconds(3));
        return imp.pollOnce();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void imports_a_stable_jpeg_with_laterality_from_its_name_and_moves_it_aside() throws Exception {
        RetinographImporter imp = importer(received::add);
        byte[] bytes = sim.jpeg("R", Set.of(FundusSimulator.Lesion.EXUDATES), 1);
        FundusSimulator.drop(folders.inbox(), "DUPONT_OD_1.jpg", bytes, false, 0);

        assertThat(imp.pollOnce()).isEmpty(); // just seen: not yet known to be complete
        clock.advance(Duration.ofSeconds(1));
        assertThat(imp.pollOnce()).isEmpty(); // quiet for 1 s only
        clock.advance(Duration.ofSeconds(2));
        List<ImportOutcome> out = imp.pollOnce();

        assertThat(out).extracting(ImportOutcome::kind).containsExactly(Kind.IMPORTED);
        assertThat(received).hasSize(1);
        ImportedImage img = received.get(0);
        assertThat(img.frame().laterality()).isEqualTo("R");
        assertThat(img.frame().format()).isEqualTo("image/jpeg");
        assertThat(img.frame().width()).isEqualTo(160);
        assertThat(img.frame().data()).isEqualTo(bytes);
        assertThat(img.sha256()).isEqualTo(RetinographImporter.sha256(bytes));
        assertThat(files(folders.inbox())).isEmpty();
        assertThat(files(folders.processed())).singleElement()
                .satisfies(p -> assertThat(p.toString()).endsWith("2026-11-22/DUPONT_OD_1.jpg"));
        assertThat(Files.readString(folders.hashIndex())).startsWith(img.sha256());
    }

    @Test
    void same_content_again_is_a_duplicate_even_after_a_restart() throws Exception {
        byte[] bytes = sim.png("L", Set.of(), 1);
        RetinographImporter first = importer(received::add);
        FundusSimulator.drop(folders.inbox(), "a_OG.png", bytes, false, 0);
        assertThat(settle(first)).extracting(ImportOutcome::kind).containsExactly(Kind.IMPORTED);

        RetinographImporter restarted = importer(received::add);
        FundusSimulator.drop(folders.inbox(), "a_OG.png", bytes, false, 0); // same name and content
        assertThat(settle(restarted)).extracting(ImportOutcome::kind).containsExactly(Kind.DUPLICATE);
        assertThat(received).hasSize(1);
        assertThat(files(folders.duplicates())).extracting(p -> p.getFileName().toString()).containsExactly("a_OG.png");
        assertThat(received.get(0).frame().laterality()).isEqualTo("L");
    }

    @Test
    void garbage_is_quarantined_with_a_reason_and_never_deleted() throws Exception {
        RetinographImporter imp = importer(received::add);
        byte[] junk = FundusSimulator.garbage(9);
        Files.write(folders.inbox().resolve("IMG_OD.jpg"), junk);
        List<ImportOutcome> out = settle(imp);
        assertThat(out).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.QUARANTINED);
            assertThat(o.detail()).contains("not a recognised image format");
        });
        assertThat(Files.readAllBytes(folders.quarantine().resolve("IMG_OD.jpg"))).isEqualTo(junk);
        assertThat(Files.readString(folders.quarantine().resolve("IMG_OD.jpg.reason.txt")))
                .contains("not a recognised image format");
        assertThat(received).isEmpty();
    }

    @Test
    void truncated_file_waits_for_the_grace_period_then_goes_to_quarantine() throws Exception {
        RetinographImporter imp = importer(received::add);
        byte[] whole = sim.jpeg("R", Set.of(), 2);
        Files.write(folders.inbox().resolve("cut_OD.jpg"), Arrays.copyOf(whole, whole.length / 2));
        assertThat(settle(imp)).extracting(ImportOutcome::kind).containsExactly(Kind.DEFERRED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(imp.pollOnce()).extracting(ImportOutcome::kind).containsExactly(Kind.DEFERRED);
        clock.advance(Duration.ofSeconds(30));
        assertThat(imp.pollOnce()).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.QUARANTINED);
            assertThat(o.detail()).contains("JPEG ends");
        });
    }

    @Test
    void a_file_still_growing_is_not_read_and_temporary_names_are_ignored() throws Exception {
        RetinographImporter imp = importer(received::add);
        byte[] whole = sim.jpeg("L", Set.of(), 3);
        Path file = folders.inbox().resolve("slow_OG.jpg");
        Files.write(file, Arrays.copyOf(whole, 1000));
        Files.write(folders.inbox().resolve("next_OD.jpg.part"), whole);
        imp.pollOnce();
        clock.advance(Duration.ofSeconds(1));
        Files.write(file, whole); // it grew
        clock.advance(Duration.ofSeconds(2));
        assertThat(imp.pollOnce()).isEmpty(); // changed since last seen: the quiet period starts again
        clock.advance(Duration.ofSeconds(3));
        assertThat(imp.pollOnce()).extracting(ImportOutcome::kind).containsExactly(Kind.IMPORTED);
        assertThat(received).singleElement().satisfies(i -> assertThat(i.frame().data()).isEqualTo(whole));
        assertThat(folders.inbox().resolve("next_OD.jpg.part")).exists();
    }

    @Test
    void laterality_conflict_between_name_and_metadata_is_quarantined() throws Exception {
        RetinographImporter imp = importer(received::add);
        Files.write(folders.inbox().resolve("x_OG.jpg"), sim.jpeg("R", Set.of(), 1)); // comment says R
        assertThat(settle(imp)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.QUARANTINED);
            assertThat(o.detail()).contains("laterality conflict");
        });
    }

    @Test
    void metadata_laterality_is_used_when_the_name_says_nothing() throws Exception {
        RetinographImporter imp = importer(received::add);
        Files.write(folders.inbox().resolve("IMG_0001.png"), sim.png("L", Set.of(), 1));
        settle(imp);
        assertThat(received).singleElement().satisfies(i -> assertThat(i.frame().laterality()).isEqualTo("L"));
    }

    @Test
    void listener_failure_leaves_the_file_in_the_inbox_for_a_retry() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        RetinographImporter imp = importer(img -> {
            if (down.get()) throw new IllegalStateException("outbox full");
            received.add(img);
        });
        Files.write(folders.inbox().resolve("r_OD.jpg"), sim.jpeg("R", Set.of(), 1));
        assertThat(settle(imp)).extracting(ImportOutcome::kind).containsExactly(Kind.DEFERRED);
        assertThat(folders.inbox().resolve("r_OD.jpg")).exists();
        down.set(false);
        clock.advance(Duration.ofSeconds(3));
        assertThat(imp.pollOnce()).extracting(ImportOutcome::kind).containsExactly(Kind.IMPORTED);
        assertThat(received).hasSize(1);
    }

    @Test
    void an_image_the_listener_refuses_for_good_is_quarantined_not_retried() throws Exception {
        RetinographImporter imp = importer(img -> {
            throw new RetinographImporter.Refused("refused by the outbox: too large");
        });
        Files.write(folders.inbox().resolve("r_OD.jpg"), sim.jpeg("R", Set.of(), 1));
        assertThat(settle(imp)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(Kind.QUARANTINED);
            assertThat(o.detail()).isEqualTo("refused by the outbox: too large");
        });
        assertThat(folders.inbox().resolve("r_OD.jpg")).doesNotExist();
        assertThat(Files.readString(folders.quarantine().resolve("r_OD.jpg.reason.txt")))
                .contains("refused by the outbox: too large");
        clock.advance(Duration.ofSeconds(3));
        assertThat(imp.pollOnce()).isEmpty();
    }

    @Test
    void pluggable_decoder_is_used_and_a_crashing_decoder_loses_nothing() throws Exception {
        ImageDecoder fakeDicom = new ImageDecoder() {
            @Override public String mediaType() { return "application/dicom"; }
            @Override public boolean recognises(byte[] d) { return ImageDecoders.isDicom(d); }
            @Override public DecodedImage decode(byte[] d) {
                if (d[140] == 1) throw new ArrayIndexOutOfBoundsException("decoder bug");
                return new DecodedImage(mediaType(), 2000, 2000, "L");
            }
        };
        // Only the plugged decoder: the standard set has a real DICOM decoder that would refuse these stub files.
        RetinographImporter imp = new RetinographImporter(folders, new ImageDecoders().register(fakeDicom),
                RETINOGRAPH, received::add, clock, SETTINGS);
        byte[] dcm = new byte[300];
        System.arraycopy("DICM".getBytes(), 0, dcm, 128, 4);
        byte[] buggy = dcm.clone();
        buggy[140] = 1;
        Files.write(folders.inbox().resolve("study1.dcm"), dcm);
        Files.write(folders.inbox().resolve("study2.dcm"), buggy);
        List<ImportOutcome> out = settle(imp);
        assertThat(out).extracting(ImportOutcome::fileName, ImportOutcome::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("study1.dcm", Kind.IMPORTED),
                org.assertj.core.groups.Tuple.tuple("study2.dcm", Kind.QUARANTINED));
        assertThat(received.get(0).frame().format()).isEqualTo("application/dicom");
        assertThat(received.get(0).frame().laterality()).isEqualTo("L");
        assertThat(folders.quarantine().resolve("study2.dcm")).exists();
    }

    @Test
    void background_watcher_imports_what_the_simulator_drops() throws Exception {
        RetinographImporter.Settings fast = new RetinographImporter.Settings(Duration.ofMillis(300),
                Duration.ofSeconds(5), 5_000_000, Duration.ofMillis(200));
        try (RetinographImporter imp = new RetinographImporter(folders, ImageDecoders.standard(), RETINOGRAPH,
                received::add, Clock.systemUTC(), fast)) {
            imp.start();
            FundusSimulator.drop(folders.inbox(), "w_OD_1.jpg", sim.jpeg("R", Set.of(), 1), false, 0);
            FundusSimulator.drop(folders.inbox(), "w_OG_2.png", sim.png("L", Set.of(), 2), true, 20);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < 2 && System.nanoTime() < deadline) Thread.sleep(50);
        }
        assertThat(received).extracting(i -> i.frame().laterality()).containsExactlyInAnyOrder("R", "L");
        assertThat(files(folders.inbox())).isEmpty();
    }
}
