package org.telestation.station.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.telestation.devices.audio.HeartSoundSimulator;
import org.telestation.devices.audio.SimulatedAudioSource;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.devices.video.VideoMode;
import org.telestation.station.link.ControlMessage;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxItem;

/**
 * The publisher with real WebRTC (webrtc-java's native library) against a Java receiving peer in the same JVM,
 * signalling passed hand to hand as the server would relay it. ICE runs over this machine's non-loopback interface
 * (docs/decisions/0007-webrtc-loopback.md).
 */
class ClinicalMediaTest {
    @TempDir Path dir;

    @Test
    void viewerReceivesTheOtoscopeVideoAndTheStethoscopeAudioAndASnapshotGoesToTheOutbox() throws Exception {
        assertThat(ClinicalMediaPublisher.hasNonLoopbackInterface()).as("this test needs a network interface other "
                + "than loopback (docs/decisions/0007-webrtc-loopback.md)").isTrue();
        Clock clock = Clock.systemUTC();
        VideoMode mode = new VideoMode(640, 480, 15);
        var viewerRef = new java.util.concurrent.atomic.AtomicReference<ProbeViewer>();
        var publisherRef = new java.util.concurrent.atomic.AtomicReference<ClinicalMediaPublisher>();
        try (Outbox outbox = new Outbox(dir.resolve("outbox.db"), clock, 1000, 0);
             ClinicalMediaPublisher publisher = new ClinicalMediaPublisher(
                     new OtoscopeSimulator(mode, 1920, 1440, clock, true, 7, -1),
                     new SimulatedAudioSource(new HeartSoundSimulator(48_000, 72, false, 7), clock, true), outbox,
                     json -> viewerRef.get().onSignal(ControlMessage.parse(json).orElseThrow()),
                     IceAddressFamilies.IPV4_ONLY);
             ProbeViewer viewer = new ProbeViewer("s-1",
                     json -> publisherRef.get().onSignal(ControlMessage.parse(json).orElseThrow()))) {
            viewerRef.set(viewer);
            publisherRef.set(publisher);
            publisher.onSignal(ControlMessage.parse("{\"type\":\"media-request\",\"session\":\"s-1\",\"iceServers\":[]}")
                    .orElseThrow());

            await(Duration.ofSeconds(60), "decoded video and audio at the viewer",
                    () -> viewer.videoFrames() >= 10 && viewer.audioFrames() >= 48_000);
            assertThat(publisher.connectionState("s-1")).isEqualTo("CONNECTED");
            assertThat(viewer.width()).isEqualTo(640);
            assertThat(viewer.height()).isEqualTo(480);
            assertThat(viewer.audioSampleRate()).isPositive();
            assertThat(publisher.videoFramesPushed()).isGreaterThanOrEqualTo(viewer.videoFrames());

            // No gain control, no speech high-pass: over whole heart cycles the doctor hears the chest piece's level.
            // Automatic gain control would move it by several dB (it targets a speech level), noise suppression would
            // cut the quiet diastole, and Opus's VOIP mode took 3.7 dB off this heart sound (OpusClinicalParameters).
            viewer.resetAudioLevel();
            await(Duration.ofSeconds(60), "10 s of decoded audio", () -> viewer.audioFrames() >= 48_000 * 12L);
            double received = viewer.audioRms();
            double sent = heartSoundRms(7, 48_000 * 20);
            double differenceDb = 20 * Math.log10(received / sent);
            assertThat(differenceDb).as("received vs sent heart sound level, dB (sent RMS %.0f)", sent)
                    .isBetween(-1.0, 1.0);

            OutboxItem still = publisher.snapshot();
            assertThat(still.kind()).isEqualTo("IMAGE");
            assertThat(outbox.pendingCount()).isEqualTo(1);

            publisher.onSignal(ControlMessage.parse("{\"type\":\"hangup\",\"session\":\"s-1\"}").orElseThrow());
            await(Duration.ofSeconds(10), "session closed", () -> publisher.sessionCount() == 0);
        }
    }

    /**
     * Heart sounds live at 20–150 Hz. Without {@link OpusClinicalParameters} libwebrtc encodes mono Opus in VOIP mode,
     * whose high-pass filter took 4.8 dB off a 50 Hz tone on this machine; with it, low tones arrive at their level.
     */
    @ParameterizedTest
    @ValueSource(doubles = {30, 50, 100, 440})
    void lowFrequenciesOfTheStethoscopeArriveAtTheirLevel(double hz) throws Exception {
        var viewerRef = new java.util.concurrent.atomic.AtomicReference<ProbeViewer>();
        var publisherRef = new java.util.concurrent.atomic.AtomicReference<ClinicalMediaPublisher>();
        try (ClinicalMediaPublisher publisher = new ClinicalMediaPublisher(null, new SineSource(hz, 10_000), null,
                json -> viewerRef.get().onSignal(ControlMessage.parse(json).orElseThrow()), IceAddressFamilies.IPV4_ONLY);
             ProbeViewer viewer = new ProbeViewer("tone",
                     json -> publisherRef.get().onSignal(ControlMessage.parse(json).orElseThrow()))) {
            viewerRef.set(viewer);
            publisherRef.set(publisher);
            publisher.onSignal(ControlMessage.parse("{\"type\":\"media-request\",\"session\":\"tone\"}").orElseThrow());
            await(Duration.ofSeconds(60), "1 s of audio", () -> viewer.audioFrames() >= 48_000);
            viewer.resetAudioLevel();
            long from = viewer.audioFrames();
            await(Duration.ofSeconds(60), "3 s more audio", () -> viewer.audioFrames() >= from + 3 * 48_000);
            double differenceDb = 20 * Math.log10(viewer.audioRms() / (10_000 / Math.sqrt(2)));
            assertThat(differenceDb).as("%s Hz tone: received vs sent level, dB", hz).isBetween(-0.5, 0.5);
        }
    }

    /** A steady tone from a stethoscope-like source, paced in real time. */
    static final class SineSource implements org.telestation.devices.audio.AudioSource {
        private final double hz;
        private final double amplitude;
        private final long start = System.nanoTime();
        private long n;

        SineSource(double hz, double amplitude) {
            this.hz = hz;
            this.amplitude = amplitude;
        }

        @Override
        public org.telestation.devices.model.DeviceIdentity device() {
            return new org.telestation.devices.model.DeviceIdentity(org.telestation.devices.model.DeviceKind.STETHOSCOPE,
                    "Telestation", "tone", "TONE-1", "sim:tone");
        }

        @Override
        public org.telestation.devices.audio.AudioCaptureFormat format() {
            return new org.telestation.devices.audio.AudioCaptureFormat(48_000, 1, false);
        }

        @Override
        public org.telestation.devices.model.AudioChunk read(int frames) {
            long wait = start + (n + frames) * 1_000_000_000L / 48_000 - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            byte[] pcm = new byte[frames * 2];
            for (int i = 0; i < frames; i++) {
                short v = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * (n + i) / 48_000));
                pcm[2 * i] = (byte) v;
                pcm[2 * i + 1] = (byte) (v >> 8);
            }
            n += frames;
            return new org.telestation.devices.model.AudioChunk(device(), 48_000, 1, java.time.Instant.now(), pcm);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void stethoscopeAudioProcessingIsConfiguredOff() {
        assertThat(UnprocessedAudio.isOff(UnprocessedAudio.config())).isTrue();
        assertThat(UnprocessedAudio.isOff(UnprocessedAudio.options())).isTrue();
        try (ClinicalMediaPublisher publisher = new ClinicalMediaPublisher(null, null, null, json -> { })) {
            assertThat(UnprocessedAudio.isOff(publisher.audioProcessingConfig())).isTrue();
        }
        // Each stage, switched on alone, is seen as processing.
        var echo = UnprocessedAudio.config();
        echo.echoCanceller.enabled = true;
        var noise = UnprocessedAudio.config();
        noise.noiseSuppression.enabled = true;
        var gain = UnprocessedAudio.config();
        gain.gainControl.enabled = true;
        var highPass = UnprocessedAudio.config();
        highPass.highPassFilter.enabled = true;
        assertThat(java.util.List.of(echo, noise, gain, highPass)).noneMatch(UnprocessedAudio::isOff);
    }

    /** RMS of the simulator's output over {@code frames} frames (a whole number of beats barely matters at 20 s). */
    private static double heartSoundRms(long seed, int frames) {
        byte[] pcm = new HeartSoundSimulator(48_000, 72, false, seed).next(frames);
        double sum = 0;
        for (int i = 0; i < frames; i++) {
            short v = (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8));
            sum += (double) v * v;
        }
        return Math.sqrt(sum / frames);
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
