package org.telestation.devices.ecg.analysis;

/** Second-order Butterworth sections (bilinear transform, RBJ cookbook, Q = 1/√2), applied forward in place. */
final class Biquad {
    private final double b0, b1, b2, a1, a2;

    private Biquad(double b0, double b1, double b2, double a0, double a1, double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    static Biquad lowPass(double cutoffHz, double sampleRateHz) {
        double w = 2 * Math.PI * cutoffHz / sampleRateHz;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / Math.sqrt(2);
        return new Biquad((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    static Biquad highPass(double cutoffHz, double sampleRateHz) {
        double w = 2 * Math.PI * cutoffHz / sampleRateHz;
        double cos = Math.cos(w);
        double alpha = Math.sin(w) / Math.sqrt(2);
        return new Biquad((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
    }

    void apply(double[] x) {
        double x1 = x.length > 0 ? x[0] : 0, x2 = x1, y1 = 0, y2 = 0;
        boolean highPass = b0 + b1 + b2 < 1e-9;
        if (!highPass) {
            y1 = x1;
            y2 = x1;
        }
        for (int i = 0; i < x.length; i++) {
            double x0 = x[i];
            double y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = x0;
            y2 = y1;
            y1 = y0;
            x[i] = y0;
        }
    }
}
