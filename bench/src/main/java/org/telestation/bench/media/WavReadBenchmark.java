package org.telestation.bench.media;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.telestation.devices.audio.HeartSoundSimulator;
import org.telestation.devices.audio.WavAudio;
import org.telestation.devices.audio.WavFormatException;
import org.telestation.devices.audio.WavReader;
import org.telestation.devices.audio.WavWriter;

/**
 * WAV reading of a 10-second stethoscope recording. One operation reads 10 s of sound, so
 * × real time = ops/s × 10 and MB/s = ops/s × file size (4 kHz mono: 80,044 B; 48 kHz stereo: 1,920,044 B).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WavReadBenchmark {
    static final int SECONDS = 10;

    /** "rate:channels" */
    @Param({"4000:1", "48000:2"})
    public String format;

    private byte[] wav;

    @Setup
    public void setUp() {
        int rate = Integer.parseInt(format.split(":")[0]), channels = Integer.parseInt(format.split(":")[1]);
        byte[] mono = new HeartSoundSimulator(rate, 72, true, 1).next(rate * SECONDS);
        byte[] pcm = new byte[mono.length * channels];
        for (int i = 0; i < mono.length / 2; i++) {
            for (int c = 0; c < channels; c++) {
                pcm[(i * channels + c) * 2] = mono[2 * i];
                pcm[(i * channels + c) * 2 + 1] = mono[2 * i + 1];
            }
        }
        wav = WavWriter.toBytes(rate, channels, pcm);
    }

    @Benchmark
    public WavAudio read10s() throws WavFormatException {
        return WavReader.read(wav);
    }
}
