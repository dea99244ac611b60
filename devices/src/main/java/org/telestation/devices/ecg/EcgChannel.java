package org.telestation.devices.ecg;

import java.util.Objects;

/**
 * One lead of a recording: integer samples as the device stored them, and how to turn them into microvolts.
 *
 * <p>Samples are kept as {@code int} because some formats (HL7 aECG digits, reconstructed SCP-ECG differences) can
 * exceed int16; most recordings fit int16 and convert to {@code WaveformChunk} without loss.
 *
 * @param lead             the standard lead, or null for a channel that is not one of the twelve
 * @param label            the label the source gave (or the lead's clinical name)
 * @param samples          digital samples
 * @param microvoltsPerUnit physical value of one sample step, in µV
 * @param offsetMicrovolts physical value of sample 0, in µV
 */
public record EcgChannel(EcgLead lead, String label, int[] samples, double microvoltsPerUnit, double offsetMicrovolts) {
    public EcgChannel {
        Objects.requireNonNull(samples, "samples");
        if (label == null) label = lead != null ? lead.label() : "?";
        if (!(microvoltsPerUnit > 0) || Double.isInfinite(microvoltsPerUnit)) {
            throw new IllegalArgumentException("scale must be positive and finite");
        }
        if (!Double.isFinite(offsetMicrovolts)) throw new IllegalArgumentException("offset must be finite");
    }

    public static EcgChannel of(EcgLead lead, int[] samples, double microvoltsPerUnit) {
        return new EcgChannel(lead, lead.label(), samples, microvoltsPerUnit, 0);
    }

    public int length() {
        return samples.length;
    }

    public double microvolts(int index) {
        return samples[index] * microvoltsPerUnit + offsetMicrovolts;
    }

    /** All samples in µV. */
    public double[] toMicrovolts() {
        double[] out = new double[samples.length];
        for (int i = 0; i < out.length; i++) out[i] = samples[i] * microvoltsPerUnit + offsetMicrovolts;
        return out;
    }

    /**
     * This channel if its samples fit int16, else a copy re-quantised with the smallest power-of-two step that fits
     * (the scale grows by the same factor, so physical values stay right within one new step).
     */
    public EcgChannel toInt16Range() {
        if (fitsInt16()) return this;
        long max = 0;
        for (int s : samples) max = Math.max(max, Math.abs((long) s));
        int shift = 0;
        while ((max >> shift) > Short.MAX_VALUE) shift++;
        int[] out = new int[samples.length];
        for (int i = 0; i < out.length; i++) out[i] = samples[i] >> shift;
        return new EcgChannel(lead, label, out, microvoltsPerUnit * (1L << shift), offsetMicrovolts);
    }

    /** True when every sample fits a signed 16-bit integer. */
    public boolean fitsInt16() {
        for (int s : samples) if (s < Short.MIN_VALUE || s > Short.MAX_VALUE) return false;
        return true;
    }
}
