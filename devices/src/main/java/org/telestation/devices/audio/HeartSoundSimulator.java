package org.telestation.devices.audio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;

import org.telestation.devices.cli.CliOptions;

/**
 * Synthesises a phonocardiogram as a chest-piece microphone would pick it up, sample by sample and
 * deterministically for a given seed.
 * <ul>
 *   <li><b>S1</b> (mitral then tricuspid closure, 20 ms apart): two Hann-windowed tones at 45 and 60 Hz lasting
 *       90 and 70 ms — S1 energy sits at 10–140 Hz;</li>
 *   <li><b>S2</b> (aortic then pulmonary closure, physiological split of 30 ms): windowed tones at 80 and 70 Hz
 *       lasting 60 and 50 ms — S2 is shorter and higher-pitched than S1;</li>
 *   <li>the S1→S2 interval follows Weissler's electromechanical systole, QS2 ≈ 546 − 2.1·HR ms, less ~50 ms from
 *       Q to S1: about 345 ms at 72/min, shortening as the rate rises, while diastole shortens more;</li>
 *   <li>an optional <b>systolic ejection murmur</b>: noise band-passed around 200 Hz (murmurs: 100–600 Hz) under a
 *       crescendo–decrescendo envelope filling the interval between the end of S1 and the start of S2;</li>
 *   <li>a little broadband noise floor (skin contact, room), far below the heart sounds.</li>
 * </ul>
 * The output is mono PCM16 at the chosen rate.
 */
public final class HeartSoundSimulator {
    public static final int MIN_RATE = 1_000;
    private static final double FULL_SCALE = 32767 * 0.6;

    private final int sampleRateHz;
    private final double beatPeriod;
    private final double systole;
    private final boolean murmur;
    private final SplittableRandom random;
    private long sampleIndex;
    // band-pass biquad state for the murmur noise
    private final double b0, b2, a1, a2;
    private double x1, x2, y1, y2;

    /**
     * @param sampleRateHz output rate (≥ 1000 Hz so the murmur band fits below Nyquist)
     * @param heartRate    beats per minute, 30–200
     * @param murmur       add a systolic ejection murmur
     * @param seed         noise seed: the same seed gives the same sound
     */
    public HeartSoundSimulator(int sampleRateHz, double heartRate, boolean murmur, long seed) {
        if (sampleRateHz < MIN_RATE) throw new IllegalArgumentException("sample rate below " + MIN_RATE + " Hz");
        if (!(heartRate >= 30 && heartRate <= 200)) throw new IllegalArgumentException("heart rate must be 30–200/min");
        this.sampleRateHz = sampleRateHz;
        this.beatPeriod = 60.0 / heartRate;
        this.systole = s1ToS2Seconds(heartRate);
        this.murmur = murmur;
        this.random = new SplittableRandom(seed);
        // RBJ cookbook band-pass (constant 0 dB peak gain), centre 200 Hz, Q 0.8
        double w0 = 2 * Math.PI * 200 / sampleRateHz;
        double alpha = Math.sin(w0) / (2 * 0.8);
        double a0 = 1 + alpha;
        this.b0 = alpha / a0;
        this.b2 = -alpha / a0;
        this.a1 = -2 * Math.cos(w0) / a0;
        this.a2 = (1 - alpha) / a0;
    }

    /** Interval from S1 onset to S2 onset, in seconds (Weissler QS2 less the Q–S1 delay). */
    public static double s1ToS2Seconds(double heartRate) {
        return (546 - 2.1 * heartRate - 50) / 1000.0;
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    public double systoleSeconds() {
        return systole;
    }

    /** The next {@code frames} samples as mono PCM16 little-endian. */
    public byte[] next(int frames) {
        byte[] out = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            double t = sampleIndex++ / (double) sampleRateHz;
            double v = sampleAt(t);
            long s = Math.round(Math.max(-1, Math.min(1, v)) * FULL_SCALE);
            Pcm16.put(out, i, (short) s);
        }
        return out;
    }

    private double sampleAt(double t) {
        double tb = t % beatPeriod;
        double v = 0;
        v += burst(tb, 0.000, 0.090, 45, 1.00);   // M1
        v += burst(tb, 0.020, 0.070, 60, 0.60);   // T1
        v += burst(tb, systole, 0.060, 80, 0.80);          // A2
        v += burst(tb, systole + 0.030, 0.050, 70, 0.45);  // P2
        double noise = random.nextDouble() * 2 - 1;
        if (murmur) {
            double band = bandPass(noise);
            double start = 0.100, end = systole - 0.020;
            if (tb > start && tb < end) {
                double x = (tb - start) / (end - start);
                double diamond = x < 0.5 ? 2 * x : 2 * (1 - x); // crescendo–decrescendo
                v += 0.9 * diamond * band;
            }
        }
        return v + 0.004 * noise;
    }

    private static double burst(double t, double onset, double duration, double freq, double amp) {
        double u = t - onset;
        if (u < 0 || u >= duration) return 0;
        double w = Math.sin(Math.PI * u / duration);
        return amp * w * w * Math.sin(2 * Math.PI * freq * u);
    }

    private double bandPass(double x) {
        double y = b0 * x + b2 * x2 - a1 * y1 - a2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        return y;
    }

    /** Writes {@code seconds} of heart sounds as a mono WAV. */
    public void writeWav(OutputStream out, double seconds) throws IOException {
        out.write(WavWriter.toBytes(sampleRateHz, 1, next((int) Math.round(seconds * sampleRateHz))));
    }

    /**
     * {@code java -cp devices/target/classes org.telestation.devices.audio.HeartSoundSimulator
     * --out heart.wav [--rate 4000] [--hr 72] [--seconds 10] [--murmur] [--seed 1]}
     */
    public static void main(String[] args) throws IOException {
        CliOptions o = CliOptions.parse(args, Set.of("out", "rate", "hr", "seconds", "seed"), Set.of("murmur"));
        if (o.help()) {
            System.out.println("""
                    Heart-sound (phonocardiogram) simulator: writes a mono PCM16 WAV with S1/S2 and an optional
                    systolic ejection murmur.
                    usage: HeartSoundSimulator --out FILE.wav [--rate HZ (4000)] [--hr BPM (72)]
                                               [--seconds S (10)] [--murmur] [--seed N (1)]""");
            return;
        }
        Path out = o.requiredPath("out");
        int rate = o.integer("rate", 4000);
        double hr = o.decimal("hr", 72), seconds = o.decimal("seconds", 10);
        boolean withMurmur = o.flag("murmur");
        long seed = o.integer("seed", 1);
        HeartSoundSimulator sim = new HeartSoundSimulator(rate, hr, withMurmur, seed);
        try (OutputStream os = Files.newOutputStream(out)) {
            sim.writeWav(os, seconds);
        }
        System.out.printf("wrote %s: %.1f s at %d Hz, %.0f/min, S1-S2 %.0f ms%s%n", out, seconds, rate, hr,
                sim.systoleSeconds() * 1000, withMurmur ? ", systolic murmur" : "");
    }
}
