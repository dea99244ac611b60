package org.telestation.devices.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HeartSoundSimulatorTest {
    private static final int RATE = 4000;

    @Test
    void produces_two_sounds_per_beat_at_the_set_rate_with_the_weissler_systole() {
        short[] s = Pcm16.toShorts(new HeartSoundSimulator(RATE, 72, false, 1).next(RATE * 10));
        List<Double> onsets = onsets(s);
        // 72/min over 10 s: 12 beats, S1 and S2 each (S2 of the 12th beat at 10.0 s + 0.345 s is outside)
        assertThat(onsets).hasSizeBetween(23, 24);
        double systole = HeartSoundSimulator.s1ToS2Seconds(72);
        assertThat(systole).isBetween(0.33, 0.36);
        for (int i = 0; i + 2 < onsets.size(); i += 2) {
            assertThat(onsets.get(i + 1) - onsets.get(i)).as("S1→S2").isCloseTo(systole, org.assertj.core.data.Offset.offset(0.03));
            assertThat(onsets.get(i + 2) - onsets.get(i)).as("beat period").isCloseTo(60.0 / 72, org.assertj.core.data.Offset.offset(0.03));
        }
    }

    @Test
    void faster_heart_has_shorter_systole_and_more_beats() {
        assertThat(HeartSoundSimulator.s1ToS2Seconds(120)).isLessThan(HeartSoundSimulator.s1ToS2Seconds(60));
        short[] s = Pcm16.toShorts(new HeartSoundSimulator(RATE, 120, false, 1).next(RATE * 10));
        assertThat(onsets(s)).hasSizeBetween(39, 40);
    }

    @Test
    void s1_is_low_pitched_and_s2_higher() {
        short[] s = Pcm16.toShorts(new HeartSoundSimulator(RATE, 60, false, 1).next(RATE * 2));
        double sys = HeartSoundSimulator.s1ToS2Seconds(60);
        int s1From = 0, s1To = (int) (0.09 * RATE);
        int s2From = (int) (sys * RATE), s2To = (int) ((sys + 0.06) * RATE);
        assertThat(goertzel(s, s1From, s1To, 45)).isGreaterThan(5 * goertzel(s, s1From, s1To, 150));
        assertThat(goertzel(s, s2From, s2To, 80)).isGreaterThan(goertzel(s, s2From, s2To, 45));
    }

    @Test
    void murmur_fills_systole_and_leaves_diastole_quiet() {
        short[] plain = Pcm16.toShorts(new HeartSoundSimulator(RATE, 60, false, 3).next(RATE * 3));
        short[] murmur = Pcm16.toShorts(new HeartSoundSimulator(RATE, 60, true, 3).next(RATE * 3));
        double sys = HeartSoundSimulator.s1ToS2Seconds(60);
        int midSystoleFrom = (int) ((1 + sys / 2 - 0.05) * RATE), midSystoleTo = (int) ((1 + sys / 2 + 0.05) * RATE);
        int diastoleFrom = (int) ((1 + sys + 0.2) * RATE), diastoleTo = (int) ((1 + sys + 0.3) * RATE);
        assertThat(rms(murmur, midSystoleFrom, midSystoleTo)).isGreaterThan(10 * rms(plain, midSystoleFrom, midSystoleTo));
        assertThat(rms(murmur, diastoleFrom, diastoleTo)).isLessThan(2 * rms(plain, diastoleFrom, diastoleTo));
        // murmur energy lies in its 100–600 Hz band, above the heart-sound tones
        assertThat(goertzel(murmur, midSystoleFrom, midSystoleTo, 200))
                .isGreaterThan(goertzel(murmur, midSystoleFrom, midSystoleTo, 1500));
    }

    @Test
    void same_seed_same_sound_and_wav_output_reads_back() throws Exception {
        byte[] a = new HeartSoundSimulator(8000, 80, true, 42).next(8000);
        byte[] b = new HeartSoundSimulator(8000, 80, true, 42).next(8000);
        assertThat(a).isEqualTo(b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new HeartSoundSimulator(8000, 80, true, 42).writeWav(out, 1.0);
        WavAudio wav = WavReader.read(out.toByteArray());
        assertThat(wav.sampleRateHz()).isEqualTo(8000);
        assertThat(wav.pcm16le()).isEqualTo(a);
    }

    /** Onsets of sound events: the 10 ms RMS envelope crossing 20 % of its peak, with an 80 ms refractory time. */
    static List<Double> onsets(short[] s) {
        int win = RATE / 100;
        double[] env = new double[s.length / win];
        double max = 0;
        for (int i = 0; i < env.length; i++) {
            env[i] = rms(s, i * win, (i + 1) * win);
            max = Math.max(max, env[i]);
        }
        List<Double> out = new ArrayList<>();
        double last = -1;
        for (int i = 1; i < env.length; i++) {
            double t = i * win / (double) RATE;
            if (env[i] >= 0.2 * max && env[i - 1] < 0.2 * max && t - last > 0.08) {
                out.add(t);
                last = t;
            }
        }
        return out;
    }

    static double rms(short[] s, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double) s[i] * s[i];
        return Math.sqrt(sum / (to - from));
    }

    /** Magnitude of one frequency over a window (Goertzel). */
    static double goertzel(short[] s, int from, int to, double freq) {
        double w = 2 * Math.PI * freq / RATE, c = 2 * Math.cos(w), s1 = 0, s2 = 0;
        for (int i = from; i < to; i++) {
            double v = s[i] + c * s1 - s2;
            s2 = s1;
            s1 = v;
        }
        return Math.sqrt(s1 * s1 + s2 * s2 - c * s1 * s2);
    }
}
