package org.telestation.devices.ecg.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.EcgLead;

/**
 * Heart rate, RR, PR, QRS, QT and QTc (Bazett, Fridericia) of a resting 12-lead ECG.
 *
 * <p>Method (documented in docs/devices/ecg.md):
 * <ol>
 *   <li>Lead selection: flat leads (peak-to-peak under 100 µV: lead off) and saturated leads (over 5 % of the
 *       samples at the ADC rail) are left out.</li>
 *   <li>Beats: {@link PanTompkinsDetector} on all selected leads; RR from the fiducial points.</li>
 *   <li>Median beat per lead, sample by sample over the beats, aligned on the fiducial points.</li>
 *   <li>QRS onset and offset: spatial velocity (root of the summed squared first derivatives of all selected
 *       leads' median beats); walking out from the fiducial point, the first sample below
 *       {@value #QRS_THRESHOLD} × its QRS maximum (above the floor of the beat) for {@value #QUIET_MS} ms
 *       marks the boundary. Slow baseline wander hardly changes a derivative, so this runs on the raw beats.</li>
 *   <li>Baseline removal: the straight lines joining each beat's isoelectric (PR-segment) level are subtracted,
 *       and the median beats are formed again.</li>
 *   <li>T end: tangent method on the median beats smoothed over 20 ms: in each lead whose T amplitude is at least
 *       half the largest, the tangent at the steepest point after the T peak meets the isoelectric level (mean of
 *       the 20–8 ms before QRS onset); the median over those leads.</li>
 *   <li>P onset: the same tangent method on the rising side of P (peak searched 350–30 ms before QRS onset), if
 *       the largest P is at least 30 µV; else PR is NaN.</li>
 * </ol>
 * Mains interference is expected to be removed by the electrocardiograph's own notch filter, as resting ECG
 * devices do: strong 50 Hz left in the signal lengthens the measured QRS.
 */
public final class EcgIntervalAnalyzer {
    static final double QRS_THRESHOLD = 0.02;
    static final double QUIET_MS = 12;

    private EcgIntervalAnalyzer() {}

    public static EcgIntervals analyze(EcgRecording recording) {
        double fs = recording.sampleRateHz();
        List<EcgLead> used = new ArrayList<>();
        List<double[]> signals = new ArrayList<>();
        int n = Integer.MAX_VALUE;
        for (EcgChannel c : recording.channels()) {
            if (c.length() < fs || !usable(c)) continue;
            n = Math.min(n, c.length());
        }
        for (EcgChannel c : recording.channels()) {
            if (c.length() < fs || !usable(c)) continue;
            signals.add(Arrays.copyOf(c.toMicrovolts(), n));
            used.add(c.lead());
        }
        if (signals.isEmpty()) return empty(new int[0], used);
        double[][] leads = signals.toArray(new double[0][]);
        int[] fiducials = PanTompkinsDetector.detect(leads, fs);
        if (fiducials.length < 2) return empty(fiducials, used);
        double[] rr = new double[fiducials.length - 1];
        for (int i = 0; i < rr.length; i++) rr[i] = (fiducials[i + 1] - fiducials[i]) * 1000 / fs;
        double meanRr = Arrays.stream(rr).average().orElse(Double.NaN);
        double medianRr = median(rr.clone());
        int pre = (int) Math.round(Math.min(0.40, 0.5 * medianRr / 1000) * fs);
        int post = (int) Math.round(Math.min(0.70, Math.max(0.30, 0.9 * medianRr / 1000)) * fs);
        double[][] beats = medianBeats(leads, fiducials, pre, post);
        if (beats == null) return empty(fiducials, used);

        int len = pre + post + 1;
        double[] velocity = new double[len];
        for (double[] mb : beats) {
            for (int k = 1; k + 1 < len; k++) {
                double d = (mb[k + 1] - mb[k - 1]) / 2;
                velocity[k] += d * d;
            }
        }
        for (int k = 0; k < len; k++) velocity[k] = Math.sqrt(velocity[k]);
        int window = (int) (0.06 * fs);
        int peakAt = pre;
        for (int k = Math.max(1, pre - window); k <= Math.min(len - 2, pre + window); k++) {
            if (velocity[k] > velocity[peakAt]) peakAt = k;
        }
        double floor = percentile(velocity.clone(), 0.2);
        double threshold = floor + QRS_THRESHOLD * (velocity[peakAt] - floor);
        // Walk out from the velocity peak; short quiet stretches inside the QRS (the R apex) do not end it.
        int gap = Math.max(2, (int) Math.round(QUIET_MS * fs / 1000));
        int on = lastActive(velocity, threshold, peakAt, -1, gap);
        int off = lastActive(velocity, threshold, peakAt, +1, gap);
        double qrsOn = on - 0.5;  // the boundary lies between the last quiet and the first active sample
        double qrsOff = off + 0.5;

        // Baseline: a line through each beat's PR-segment level (8–20 ms before QRS onset), subtracted.
        subtractPrBaseline(leads, fiducials, on - pre, fs);
        beats = medianBeats(leads, fiducials, pre, post);
        double[][] smooth = new double[beats.length][];
        double[] iso = new double[beats.length];
        int smoothing = Math.max(1, (int) Math.round(0.020 * fs)); // one 50 Hz period: cancels residual mains
        for (int l = 0; l < beats.length; l++) {
            smooth[l] = PanTompkinsDetector.movingAverage(beats[l], smoothing, true);
            int from = Math.max(0, on - (int) (0.020 * fs));
            int to = Math.max(from + 1, on - (int) (0.008 * fs));
            double s = 0;
            for (int k = from; k < to; k++) s += smooth[l][k];
            iso[l] = s / (to - from);
        }
        int tFrom = off + (int) (0.06 * fs);
        int tTo = Math.min(len - 3, pre + (int) (0.7 * medianRr / 1000 * fs));
        double tEnd = tangentBoundary(smooth, iso, tFrom, tTo, false, 0);
        int pFrom = Math.max(2, on - (int) (0.35 * fs));
        int pTo = on - (int) (0.03 * fs);
        double pOn = tangentBoundary(smooth, iso, pFrom, pTo, true, 30);

        double qrs = (qrsOff - qrsOn) * 1000 / fs;
        double qt = (tEnd - qrsOn) * 1000 / fs;
        double pr = (qrsOn - pOn) * 1000 / fs;
        double rrSeconds = meanRr / 1000;
        return new EcgIntervals(fiducials.length, 60_000 / meanRr, meanRr, pr, qrs, qt, qt / Math.sqrt(rrSeconds),
                qt / Math.cbrt(rrSeconds), fiducials, used);
    }

    /**
     * Tangent method over the leads whose wave (largest |x − iso| in [from, to]) is at least half the largest; the
     * median of their boundaries (in samples). Onset: steepest point before the peak; end: after it.
     */
    private static double tangentBoundary(double[][] beats, double[] iso, int from, int to, boolean onset,
                                          double minAmplitude) {
        if (to - from < 4) return Double.NaN;
        int leads = beats.length;
        int[] peakAt = new int[leads];
        double[] amplitude = new double[leads];
        double largest = 0;
        for (int l = 0; l < leads; l++) {
            for (int k = from; k <= to; k++) {
                double a = beats[l][k] - iso[l];
                if (Math.abs(a) > Math.abs(amplitude[l])) {
                    amplitude[l] = a;
                    peakAt[l] = k;
                }
            }
            largest = Math.max(largest, Math.abs(amplitude[l]));
        }
        if (largest < Math.max(minAmplitude, 1e-9)) return Double.NaN;
        List<Double> bounds = new ArrayList<>();
        for (int l = 0; l < leads; l++) {
            if (Math.abs(amplitude[l]) < 0.5 * largest) continue;
            double sign = Math.signum(amplitude[l]);
            double[] x = beats[l];
            int a = onset ? Math.max(2, peakAt[l] - (peakAt[l] - from)) : peakAt[l];
            int b = onset ? peakAt[l] : Math.min(x.length - 3, to + (to - from) / 2);
            int steepest = -1;
            double best = 0;
            for (int k = a; k <= b; k++) {
                double slope = (x[k + 1] - x[k - 1]) / 2;
                double toward = onset ? sign * slope : -sign * slope;
                if (toward > best) {
                    best = toward;
                    steepest = k;
                }
            }
            if (steepest < 0) continue;
            double slope = (x[steepest + 1] - x[steepest - 1]) / 2;
            bounds.add(steepest - (x[steepest] - iso[l]) / slope);
        }
        if (bounds.isEmpty()) return Double.NaN;
        double[] v = bounds.stream().mapToDouble(Double::doubleValue).toArray();
        return median(v);
    }

    private static int lastActive(double[] velocity, double threshold, int from, int direction, int gap) {
        int k = from;
        int last = from;
        int quiet = 0;
        while (k + direction >= 1 && k + direction <= velocity.length - 2 && quiet < gap) {
            k += direction;
            if (velocity[k] >= threshold) {
                last = k;
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return last;
    }

    private static double[][] medianBeats(double[][] leads, int[] fiducials, int pre, int post) {
        int n = leads[0].length;
        List<Integer> usable = new ArrayList<>();
        for (int f : fiducials) if (f - pre >= 0 && f + post < n) usable.add(f);
        if (usable.isEmpty()) return null;
        int len = pre + post + 1;
        double[][] out = new double[leads.length][len];
        double[] column = new double[usable.size()];
        for (int l = 0; l < leads.length; l++) {
            for (int k = 0; k < len; k++) {
                for (int b = 0; b < column.length; b++) column[b] = leads[l][usable.get(b) - pre + k];
                out[l][k] = median(column);
            }
        }
        return out;
    }

    /**
     * Subtracts, lead by lead, the straight lines joining the isoelectric levels of consecutive beats (the mean of
     * 20–8 ms before each QRS onset): slow wander goes, the beat's own shape stays untouched.
     */
    static void subtractPrBaseline(double[][] leads, int[] fiducials, int onsetFromFiducial, double fs) {
        int n = leads[0].length;
        int from = onsetFromFiducial - (int) Math.round(0.020 * fs);
        int to = Math.max(from + 1, onsetFromFiducial - (int) Math.round(0.008 * fs));
        int[] knotAt = new int[fiducials.length];
        int knots = 0;
        for (int f : fiducials) if (f + from >= 0 && f + to <= n) knotAt[knots++] = f + (from + to) / 2;
        if (knots == 0) return;
        for (double[] x : leads) {
            double[] level = new double[knots];
            for (int k = 0; k < knots; k++) {
                int centre = knotAt[k] - (from + to) / 2;
                double sum = 0;
                for (int i = centre + from; i < centre + to; i++) sum += x[i];
                level[k] = sum / (to - from);
            }
            int k = 0;
            for (int i = 0; i < n; i++) {
                while (k + 1 < knots && knotAt[k + 1] <= i) k++;
                double b;
                if (i <= knotAt[0]) b = level[0];
                else if (k + 1 >= knots) b = level[knots - 1];
                else b = level[k] + (level[k + 1] - level[k]) * (i - knotAt[k]) / (double) (knotAt[k + 1] - knotAt[k]);
                x[i] -= b;
            }
        }
    }

    private static boolean usable(EcgChannel c) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int s : c.samples()) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        if ((max - min) * c.microvoltsPerUnit() < 100) return false;
        int atRail = 0;
        for (int s : c.samples()) if (s == max || s == min) atRail++;
        return atRail < 0.05 * c.length();
    }

    static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double percentile(double[] v, double p) {
        Arrays.sort(v);
        return v[(int) Math.min(v.length - 1, Math.floor(p * v.length))];
    }

    private static EcgIntervals empty(int[] fiducials, List<EcgLead> used) {
        double nan = Double.NaN;
        return new EcgIntervals(fiducials.length, nan, nan, nan, nan, nan, nan, nan, fiducials, used);
    }
}
