package org.telestation.station.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
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
                     json -> viewerRef.get().onSignal(ControlMessage.parse(json).orElseThrow()));
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

            OutboxItem still = publisher.snapshot();
            assertThat(still.kind()).isEqualTo("IMAGE");
            assertThat(outbox.pendingCount()).isEqualTo(1);

            publisher.onSignal(ControlMessage.parse("{\"type\":\"hangup\",\"session\":\"s-1\"}").orElseThrow());
            await(Duration.ofSeconds(10), "session closed", () -> publisher.sessionCount() == 0);
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

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(50);
        }
    }
}
