package org.telestation.bench.station;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.telestation.station.link.LiveBatch;
import org.telestation.station.link.LiveFrameCodec;
import org.telestation.station.link.MalformedFrameException;

/**
 * The live frame codec on a busy 40 ms frame: 12 ECG leads at 500 Hz (20 samples each), pleth at 100 Hz
 * (4 samples) and two spot values. Real time is 25 frames/s per station, so the ratio to real time is
 * score ÷ 25 (target ≥ 1,000×).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiveFrameCodecBenchmark {
    private static final String[] LEADS = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    private LiveBatch batch;
    private byte[] frame;

    @Setup
    public void setUp() {
        List<LiveBatch.Entry> entries = new ArrayList<>();
        for (String lead : LEADS) {
            short[] samples = new short[20];
            for (int i = 0; i < samples.length; i++) samples[i] = (short) (Math.sin(i / 3.0) * 800);
            entries.add(new LiveBatch.Waveform("ecg_12_lead:SIM-1", lead, 500f, 1_700_000_000_000L, 0.001f, 0f, "mV",
                    samples));
        }
        entries.add(new LiveBatch.Waveform("pulse_oximeter:SIM-1", "PLETH", 100f, 1_700_000_000_000L, 0.001f, 0f, "1",
                new short[] {100, 500, 900, 400}));
        entries.add(new LiveBatch.Spot("pulse_oximeter:SIM-1", "OXYGEN_SATURATION", 97, LiveBatch.Spot.NO_TIME,
                1_700_000_000_000L, 0));
        entries.add(new LiveBatch.Spot("pulse_oximeter:SIM-1", "PULSE_RATE", 72, LiveBatch.Spot.NO_TIME,
                1_700_000_000_000L, 0));
        batch = new LiveBatch(1_700_000_000_040L, 12, entries);
        frame = LiveFrameCodec.encode(batch);
    }

    @Benchmark
    public byte[] encode() {
        return LiveFrameCodec.encode(batch);
    }

    @Benchmark
    public LiveBatch decode() throws MalformedFrameException {
        return LiveFrameCodec.decode(frame);
    }
}
