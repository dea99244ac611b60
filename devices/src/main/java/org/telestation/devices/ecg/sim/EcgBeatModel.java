package org.telestation.devices.ecg.sim;

import org.telestation.devices.ecg.EcgLead;

/**
 * One heart beat as a sum of Gaussian waves (P, Q, R, S, T) — the ECGSYN idea (McSharry et al. 2003) without the
 * oscillator: each wave has a time, a width and an amplitude per independent lead (I, II, V1–V6). The four other
 * limb leads follow Einthoven and Goldberger: III = II − I, aVR = −(I + II)/2, aVL = I − II/2, aVF = II − I/2.
 *
 * <p>Times are relative to the QRS onset. The model's intervals are defined the way a reader measures them with
 * the tangent method: a wave "starts" or "ends" where the tangent at its steepest point meets the baseline, which
 * for a Gaussian of width σ is 2σ from its centre. So:
 * <ul>
 *   <li>P onset = −PR: the P wave is centred at −PR + 2σP;</li>
 *   <li>QRS = [0, QRSd]: the QRS boundaries are where the first and last deflections leave the baseline,
 *       taken as 3σ from the Q and S centres (1 % of their amplitude): Q at 3σQ, S at QRSd − 3σS;</li>
 *   <li>T end = QT: the falling side of an asymmetric T has width σT and its centre is at QT − 2σT.</li>
 * </ul>
 */
public final class EcgBeatModel {
    /** Amplitudes in µV for I, II, V1…V6 (a normal adult resting ECG, typical textbook values). */
    private static final double[][] AMPLITUDES = {
            // P     Q      R      S      T
            {80, -60, 700, -100, 200},     // I
            {150, -80, 1100, -200, 300},   // II
            {60, 0, 250, -1000, 50},       // V1
            {80, 0, 600, -1400, 350},      // V2
            {80, -30, 900, -900, 450},     // V3
            {80, -60, 1400, -500, 450},    // V4
            {70, -100, 1300, -250, 350},   // V5
            {60, -100, 1000, -150, 250},   // V6
    };

    private final double[] centre = new double[5];
    private final double[] sigma = new double[5];
    private final double tRiseSigma;
    private final double pOnsetMs;
    private final double tEndMs;

    /** @param prMs PR interval, @param qrsMs QRS duration, @param qtMs QT interval, all in ms */
    public EcgBeatModel(double prMs, double qrsMs, double qtMs) {
        if (!(prMs >= 80 && prMs <= 400 && qrsMs >= 50 && qrsMs <= 200 && qtMs >= qrsMs + 120 && qtMs <= 700)) {
            throw new IllegalArgumentException("intervals out of the model's range");
        }
        sigma[0] = Math.min(22, (prMs - 40) / 5);
        centre[0] = -prMs + 2 * sigma[0];
        sigma[1] = 0.07 * qrsMs;
        centre[1] = 3 * sigma[1];
        sigma[2] = 0.10 * qrsMs;
        centre[2] = 0.5 * qrsMs;
        sigma[3] = 0.07 * qrsMs;
        centre[3] = qrsMs - 3 * sigma[3];
        sigma[4] = 40 * qtMs / 400;
        centre[4] = qtMs - 2 * sigma[4];
        tRiseSigma = Math.min(1.6 * sigma[4], (centre[4] - qrsMs) / 2.5);
        pOnsetMs = -prMs;
        tEndMs = qtMs;
    }

    /** Earliest time (ms, relative to QRS onset) where the beat differs from zero by more than a rounding error. */
    public double startMs() {
        return pOnsetMs - 2 * sigma[0];
    }

    public double endMs() {
        return tEndMs + 3 * sigma[4];
    }

    /** Time of the R peak relative to the QRS onset, ms. */
    public double rPeakMs() {
        return centre[2];
    }

    /** Values of the eight independent leads (I, II, V1…V6) at time t ms after the QRS onset, µV, added to out. */
    public void addIndependent(double tMs, double gain, double[] out) {
        for (int w = 0; w < 5; w++) {
            double s = w == 4 && tMs < centre[4] ? tRiseSigma : sigma[w];
            double z = (tMs - centre[w]) / s;
            if (z * z > 40) continue;
            double g = Math.exp(-0.5 * z * z) * gain;
            for (int lead = 0; lead < 8; lead++) out[lead] += AMPLITUDES[lead][w] * g;
        }
    }

    /** The twelve standard leads from the eight independent ones, in {@link EcgLead} order. */
    public static void project(double[] independent, double[] twelve) {
        double i = independent[0];
        double ii = independent[1];
        twelve[EcgLead.I.ordinal()] = i;
        twelve[EcgLead.II.ordinal()] = ii;
        twelve[EcgLead.III.ordinal()] = ii - i;
        twelve[EcgLead.AVR.ordinal()] = -(i + ii) / 2;
        twelve[EcgLead.AVL.ordinal()] = i - ii / 2;
        twelve[EcgLead.AVF.ordinal()] = ii - i / 2;
        for (int v = 0; v < 6; v++) twelve[EcgLead.V1.ordinal() + v] = independent[2 + v];
    }
}
