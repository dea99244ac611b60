package org.telestation.bench.webrtc;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.telestation.devices.model.ImageFrame;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.devices.video.VideoMode;
import org.telestation.station.media.I420Frames;

/**
 * The publisher's per-frame work on the Java side: copy a camera's packed I420 frame into a native WebRTC buffer and
 * push it into the {@code CustomVideoSource} (no peer attached, so the encoder is not measured: encoding CPU is in
 * bench/webrtc-publisher-cpu.sh). Real time is 15 frames/s, so the ratio to real time is score ÷ 15.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VideoPushBenchmark {
    @Param({"640x480", "1280x720"})
    public String size;
    private ImageFrame frame;
    private CustomVideoSource source;
    private HeadlessAudioDeviceModule audioDevices;
    private PeerConnectionFactory factory;

    @Setup
    public void setUp() throws Exception {
        String[] wh = size.split("x");
        VideoMode mode = new VideoMode(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 15);
        try (OtoscopeSimulator camera = new OtoscopeSimulator(mode, 64, 48, Clock.systemUTC(), false, 1, -1)) {
            frame = camera.nextFrame();
        }
        // The factory loads webrtc-java's native library (as the publisher does) and owns the threads.
        audioDevices = new HeadlessAudioDeviceModule();
        factory = new PeerConnectionFactory(audioDevices);
        source = new CustomVideoSource();
    }

    @Benchmark
    public long copyAndPush() {
        VideoFrame f = I420Frames.toVideoFrame(frame, System.nanoTime());
        try {
            source.pushFrame(f);
        } finally {
            f.release();
        }
        return f.timestampNs;
    }

    @Benchmark
    public long copyOnly() {
        VideoFrame f = I420Frames.toVideoFrame(frame, 0);
        long t = f.timestampNs + f.buffer.getWidth();
        f.release();
        return t;
    }

    @TearDown
    public void tearDown() {
        source.dispose();
        factory.dispose();
        audioDevices.dispose();
    }
}
