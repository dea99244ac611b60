package org.telestation.station.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telestation.devices.audio.WavAudio;
import org.telestation.devices.audio.WavReader;
import org.telestation.devices.ecg.AecgWriter;
import org.telestation.devices.ecg.DicomEcgReader;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgWriter;
import org.telestation.devices.ecg.WfdbWriter;
import org.telestation.devices.ecg.sim.EcgSimulator;
import org.telestation.devices.video.OtoscopeSimulator;

/**
 * The devices the nurse triggers or whose files are imported: what reaches the outbox (through the sink) is the
 * real format, read back with the {@code devices} readers.
 */
class CaptureSourcesTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir Path dir;

    @Test
    void ecgFilesInEverySupportedFormatAreImportedAsDicomAndGarbageIsQuarantined() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("ecg-inbox"));
        EcgRecording rec = EcgSimulator.generate(EcgSimulator.Config.standard()).recording();
        Files.write(inbox.resolve("a.dcm"), DicomEcgWriter.write(rec, ZoneOffset.UTC));
        Files.write(inbox.resolve("b.scp"), ScpEcgWriter.write(rec));
        Files.write(inbox.resolve("c.xml"), AecgWriter.write(rec, ZoneOffset.UTC));
        WfdbWriter.write(rec, "d", 16, ZoneOffset.UTC).writeTo(inbox);
        Files.write(inbox.resolve("e.dcm"), new byte[] {1, 2, 3, 4, 5});

        try (EcgSource source = new EcgSource("folder:" + inbox, inbox, false, Duration.ofSeconds(10),
                Clock.systemUTC())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            assertThat(source.actions()).as("an import-only ECG has no button").isEmpty();
            RecordingSink.await(WAIT, "four ECG items", () -> sink.items.size() == 4
                    && Files.exists(inbox.resolve("quarantine/e.dcm")));
            for (CapturedItem item : sink.items) {
                assertThat(item.kind()).isEqualTo("ECG");
                assertThat(item.contentType()).isEqualTo("application/dicom");
                EcgRecording back = DicomEcgReader.read(item.payload());
                assertThat(back.channels()).hasSize(12);
                assertThat(back.lead(EcgLead.II).samples()).as("samples kept exactly")
                        .isEqualTo(rec.lead(EcgLead.II).samples());
            }
            assertThat(Files.readString(inbox.resolve("quarantine/e.dcm.reason.txt"))).startsWith("not a readable ECG");
            try (Stream<Path> processed = Files.walk(inbox.resolve("processed"))) {
                assertThat(processed.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("a.dcm", "b.scp", "c.xml", "d.hea", "d.dat");
            }
            try (Stream<Path> left = Files.list(inbox)) {
                assertThat(left.filter(Files::isRegularFile)).as("nothing left in the inbox").isEmpty();
            }
        }
    }

    @Test
    void ecgSimulatorStreamsLeadTwoLiveThenStoresTheWholeRecording() throws Exception {
        try (EcgSource source = new EcgSource("sim:ecg", null, true, Duration.ofSeconds(2), Clock.systemUTC())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            assertThat(source.actions()).extracting(DeviceAction::label).containsExactly("ECG 12 dérivations (2 s)");
            assertThat(source.perform(EcgSource.RECORD_ACTION)).startsWith("Enregistrement de l'ECG en cours");
            assertThatThrownBy(() -> source.perform(EcgSource.RECORD_ACTION)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Une capture est déjà en cours sur cet appareil");
            RecordingSink.await(WAIT, "the recording stored", () -> sink.items.size() == 1);

            assertThat(sink.waveforms).allSatisfy(w -> {
                assertThat(w.channel()).isEqualTo("II");
                assertThat(w.sampleRateHz()).isEqualTo(500.0);
                assertThat(w.unit()).isEqualTo("mV");
            });
            assertThat(sink.waveforms.stream().mapToInt(w -> w.samples().length).sum()).isEqualTo(1000);
            assertThat(sink.waveforms.get(0).samples()).hasSize(20); // 40 ms at 500 Hz
            EcgRecording stored = DicomEcgReader.read(sink.items.get(0).payload());
            assertThat(stored.channels()).hasSize(12);
            assertThat(stored.sampleCount()).isEqualTo(1000);
            short[] live = new short[1000];
            int at = 0;
            for (var w : sink.waveforms) for (short s : w.samples()) live[at++] = s;
            assertThat(stored.lead(EcgLead.II).samples()[500]).as("the live lead II is the stored one")
                    .isEqualTo(live[500]);
            assertThat(sink.lastStatus().diagnostic()).isEqualTo("Simulateur — dernier ECG enregistré");
        }
    }

    /** An ECG import folder holding one DICOM export, {@code a.dcm}. */
    Path ecgInboxWithOneExport() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("ecg-inbox"));
        EcgRecording rec = EcgSimulator.generate(EcgSimulator.Config.standard()).recording();
        Files.write(inbox.resolve("a.dcm"), DicomEcgWriter.write(rec, ZoneOffset.UTC));
        return inbox;
    }

    static EcgSource folderSource(Path inbox) {
        return new EcgSource("folder:" + inbox, inbox, false, Duration.ofSeconds(10), Clock.systemUTC());
    }

    @Test
    void aFullOutboxIsShownAndTheEcgFileStaysForAnotherTry() throws Exception {
        Path inbox = ecgInboxWithOneExport();
        try (EcgSource source = folderSource(inbox)) {
            RecordingSink sink = new RecordingSink();
            sink.acceptItems = false;
            source.start(sink);
            RecordingSink.await(WAIT, "refusal shown", () -> sink.lastStatus().state() == DeviceStatus.State.ERROR);
            assertThat(sink.lastStatus().diagnostic()).contains("file d'envoi est pleine");
            assertThat(inbox.resolve("a.dcm")).exists();
            sink.acceptItems = true;
            RecordingSink.await(WAIT, "imported once there is room", () -> sink.items.size() == 1);
        }
    }

    @Test
    void anEcgTooLargeForTheOutboxIsQuarantinedNotTriedAgain() throws Exception {
        Path inbox = ecgInboxWithOneExport();
        try (EcgSource source = folderSource(inbox)) {
            RecordingSink sink = new RecordingSink();
            sink.refusal = new DeviceSink.Refusal("trop volumineuse pour être envoyée (40 Mo, 32 Mo au plus)", true);
            source.start(sink);
            RecordingSink.await(WAIT, "file quarantined", () -> Files.exists(inbox.resolve("quarantine/a.dcm")));
            assertThat(inbox.resolve("a.dcm")).doesNotExist();
            assertThat(Files.readString(inbox.resolve("quarantine/a.dcm.reason.txt")))
                    .contains("trop volumineuse pour être envoyée");
            assertThat(sink.lastStatus().diagnostic())
                    .isEqualTo("Capture non enregistrée : trop volumineuse pour être envoyée (40 Mo, 32 Mo au plus)");
            assertThat(sink.items).isEmpty();
        }
    }

    @Test
    void stethoscopeRecordsUnprocessedPcmAsWav() throws Exception {
        try (StethoscopeSource source = StethoscopeSource.simulated(false, Duration.ofSeconds(1), Clock.systemUTC())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            assertThat(sink.lastStatus().diagnostic()).isEqualTo("Simulateur");
            source.perform(StethoscopeSource.RECORD_ACTION);
            RecordingSink.await(WAIT, "the clip stored", () -> sink.items.size() == 1);
            CapturedItem clip = sink.items.get(0);
            assertThat(clip.kind()).isEqualTo("AUDIO");
            assertThat(clip.contentType()).isEqualTo("audio/wav");
            WavAudio wav = WavReader.read(clip.payload());
            assertThat(wav.sampleRateHz()).isEqualTo(4000);
            assertThat(wav.channels()).isEqualTo(1);
            assertThat(wav.frameCount()).isEqualTo(4000);
            assertThat(wav.truncated()).isFalse();
        }
    }

    @Test
    void otoscopeSnapshotIsAFullResolutionJpeg() throws Exception {
        OtoscopeSimulator camera = new OtoscopeSimulator(new org.telestation.devices.video.VideoMode(320, 240, 30),
                640, 480, Clock.systemUTC(), false, 1, -1);
        try (OtoscopeSource source = new OtoscopeSource(camera, true, Clock.systemUTC())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            source.perform(OtoscopeSource.SNAPSHOT_ACTION);
            RecordingSink.await(WAIT, "the still stored", () -> sink.items.size() == 1);
            CapturedItem still = sink.items.get(0);
            assertThat(still.kind()).isEqualTo("IMAGE");
            assertThat(still.contentType()).isEqualTo("image/jpeg");
            assertThat(still.payload()).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
            assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(still.payload())).getWidth())
                    .isEqualTo(640);
            assertThatThrownBy(() -> source.perform("zoom")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void retinographImagesCarryTheirEyeInTheContentType() throws Exception {
        Path inbox = dir.resolve("retino");
        try (RetinographSource source = new RetinographSource(inbox, dir.resolve("retino-work"), true,
                Clock.systemUTC())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            source.perform(RetinographSource.RIGHT_EYE_ACTION);
            RecordingSink.await(WAIT, "right eye imported", () -> sink.items.size() == 1);
            source.perform(RetinographSource.LEFT_EYE_ACTION);
            RecordingSink.await(WAIT, "left eye imported", () -> sink.items.size() == 2);
            assertThat(sink.items).extracting(CapturedItem::contentType)
                    .containsExactly("image/jpeg; laterality=R", "image/jpeg; laterality=L");
            assertThat(sink.items).extracting(CapturedItem::kind).containsOnly("IMAGE");
            // The importer hands the image over first and moves the file aside right after: wait for the move.
            RecordingSink.await(WAIT, "both files moved out of the inbox", () -> filesIn(inbox).isEmpty());
            assertThat(filesIn(inbox)).as("moved to processed").isEqualTo(List.of());
        }
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
