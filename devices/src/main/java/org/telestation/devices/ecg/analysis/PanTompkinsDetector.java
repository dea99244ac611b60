package org.telestation.devices.ecg.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * QRS detection after Pan and Tompkins (IEEE Trans. Biomed. Eng. 32(3), 1985), generalised to any sample rate and
 * to several leads:
 * <ol>
 *   <li>band-pass 5–15 Hz (two Butterworth biquads) of every lead;</li>
 *   <li>five-point derivative, squared, summed over the leads;</li>
 *   <li>moving-window integration over 150 ms;</li>
 *   <li>peaks of the integrated signal classified with the adaptive thresholds SPKI/NPKI (THR1 = NPKI +
 *       0.25 (SPKI − NPKI)), a 200 ms refractory period, T-wave rejection within 360 ms (a candidate whose maximal
 *       slope is under half the previous QRS's is noise), and search-back at THR1/2 when no beat came for 1.66 ×
 *       the mean RR.</li>
 * </ol>
 * The fiducial point of each beat is the maximum of the slope energy smoothed over 80 ms (centred) near the
 * detection: a single, stable point near the middle of the QRS, used to align beats and to measure RR.
 */
public final class PanTompkinsDetector {
    private PanTompkinsDetector() {}

    /** @param leads signals in µV (any baseline), all of the same length; @return fiducial sample indices */
    public static int[] detect(double[][] leads, double fs) {
        int n = leads[0].length;
        double[] energy = new double[n];
        for (double[] lead : leads) {
            double[] x = lead.clone();
            Biquad.highPass(5, fs).apply(x);
            Biquad.lowPass(15, fs).apply(x);
            for (int i = 4; i < n; i++) {
                double d = (2 * x[i] + x[i - 1] - x[i - 3] - 2 * x[i - 4]) * fs / 8;
                energy[i] += d * d;
            }
        }
        double[] mwi = movingAverage(energy, (int) Math.round(0.150 * fs), false);
        double[] centred = movingAverage(energy, (int) Math.round(0.080 * fs), true);
        List<Integer> beats = classify(mwi, energy, fs);
        int[] out = new int[beats.size()];
        int count = 0;
        for (int p : beats) {
            int from = Math.max(0, p - (int) (0.30 * fs));
            int to = Math.min(n - 1, p + (int) (0.05 * fs));
            int best = from;
            for (int i = from; i <= to; i++) if (centred[i] > centred[best]) best = i;
            if (count == 0 || best - out[count - 1] > 0.2 * fs) out[count++] = best;
        }
        return Arrays.copyOf(out, count);
    }

    static double[] movingAverage(double[] x, int window, boolean centred) {
        int w = Math.max(1, window);
        double[] out = new double[x.length];
        double sum = 0;
        int shift = centred ? w / 2 : 0;
        for (int i = 0; i < x.length + shift; i++) {
            if (i < x.length) sum += x[i];
            if (i - w >= 0 && i - w < x.length) sum -= x[i - w];
            int j = i - shift;
            if (j >= 0 && j < x.length) out[j] = sum / w;
        }
        return out;
    }

    private static List<Integer> classify(double[] mwi, double[] energy, double fs) {
        int n = mwi.length;
        int learn = (int) Math.min(n, 2 * fs);
        double max = 0;
        double mean = 0;
        for (int i = 0; i < learn; i++) {
            max = Math.max(max, mwi[i]);
            mean += mwi[i] / learn;
        }
        double spki = 0.25 * max;
        double npki = 0.5 * mean;
        List<Integer> beats = new ArrayList<>();
        List<Integer> candidates = new ArrayList<>();
        double meanRr = 0;
        double lastSlope = 0;
        int refractory = (int) (0.2 * fs);
        int tWindow = (int) (0.36 * fs);
        for (int i = 1; i + 1 < n; i++) {
            if (!(mwi[i] > mwi[i - 1] && mwi[i] >= mwi[i + 1])) continue;
            candidates.add(i);
            double thr1 = npki + 0.25 * (spki - npki);
            int last = beats.isEmpty() ? -n : beats.get(beats.size() - 1);
            if (i - last < refractory) continue;
            double slope = maxSlope(energy, i, (int) (0.15 * fs));
            boolean qrs = mwi[i] > thr1;
            if (qrs && i - last < tWindow && slope < 0.5 * lastSlope) qrs = false;
            if (qrs) {
                if (!beats.isEmpty()) {
                    double rr = i - last;
                    meanRr = meanRr == 0 ? rr : 0.875 * meanRr + 0.125 * rr;
                }
                beats.add(i);
                lastSlope = slope;
                spki = 0.125 * mwi[i] + 0.875 * spki;
            } else {
                npki = 0.125 * mwi[i] + 0.875 * npki;
            }
            // Search back: a beat missed between the last two detections.
            if (meanRr > 0 && beats.size() >= 2 && qrs) {
                int prev = beats.get(beats.size() - 2);
                if (i - prev > 1.66 * meanRr) {
                    int best = -1;
                    for (int c : candidates) {
                        if (c - prev > refractory && i - c > refractory && mwi[c] > 0.5 * thr1
                                && (best < 0 || mwi[c] > mwi[best])) {
                            best = c;
                        }
                    }
                    if (best >= 0) {
                        beats.add(beats.size() - 1, best);
                        spki = 0.25 * mwi[best] + 0.75 * spki;
                    }
                }
            }
            if (qrs) candidates.clear();
        }
        return beats;
    }

    private static double maxSlope(double[] energy, int end, int window) {
        double m = 0;
        for (int i = Math.max(0, end - window); i <= end; i++) m = Math.max(m, energy[i]);
        return Math.sqrt(m);
    }
}
