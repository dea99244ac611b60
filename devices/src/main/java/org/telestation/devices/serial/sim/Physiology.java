package org.telestation.devices.serial.sim;

import java.util.Random;

/**
 * A plausible patient: SpO2 and pulse rate wander slowly around their set values, and the pleth is a PPG pulse
 * at the current heart rate: a steep systolic upstroke, a rounded peak, a dicrotic notch and wave, and a diastolic
 * decay (the sum of two Gaussian waves per beat is a common PPG model).
 */
public final class Physiology {

    private static final double SYSTOLIC_CENTRE = 0.18;
    private static final double SYSTOLIC_WIDTH = 0.07;
    private static final double DICROTIC_CENTRE = 0.46;
    private static final double DICROTIC_WIDTH = 0.09;
    private static final double DICROTIC_HEIGHT = 0.38;
    private static final double PEAK = 1.0 + DICROTIC_HEIGHT * Math.exp(-sq((SYSTOLIC_CENTRE - DICROTIC_CENTRE) / DICROTIC_WIDTH) / 2);

    private final Random random;
    private final int targetSpo2;
    private final int targetPulseRate;
    private double spo2;
    private double pulseRate;
    private double beatPhase;

    public Physiology(int targetSpo2, int targetPulseRate, long seed) {
        this.random = new Random(seed);
        this.targetSpo2 = targetSpo2;
        this.targetPulseRate = targetPulseRate;
        this.spo2 = targetSpo2;
        this.pulseRate = targetPulseRate;
    }

    /** Moves time on by {@code seconds}; returns the pleth level at the new instant, 0..1. */
    public double advance(double seconds) {
        // Ornstein-Uhlenbeck drift: slow wander, pulled back to the set values (time constant ~10 s).
        double pull = Math.min(1.0, seconds / 10.0);
        spo2 += (targetSpo2 - spo2) * pull + random.nextGaussian() * 0.6 * Math.sqrt(seconds);
        pulseRate += (targetPulseRate - pulseRate) * pull + random.nextGaussian() * 2.0 * Math.sqrt(seconds);
        spo2 = Math.max(50, Math.min(100, spo2));
        pulseRate = Math.max(20, Math.min(300, pulseRate));
        beatPhase = (beatPhase + seconds * pulseRate / 60.0) % 1.0;
        return plethAt(beatPhase);
    }

    public int spo2() {
        return (int) Math.round(spo2);
    }

    public int pulseRate() {
        return (int) Math.round(pulseRate);
    }

    /** Perfusion index in %, 0.5..10, following the pulse amplitude loosely. */
    public double perfusionIndex() {
        return Math.round((3.0 + (pulseRate - targetPulseRate) * 0.02) * 100) / 100.0;
    }

    /** PPG shape over one beat, phase 0..1 → 0..1. */
    static double plethAt(double phase) {
        double systolic = Math.exp(-sq((phase - SYSTOLIC_CENTRE) / SYSTOLIC_WIDTH) / 2);
        double dicrotic = DICROTIC_HEIGHT * Math.exp(-sq((phase - DICROTIC_CENTRE) / DICROTIC_WIDTH) / 2);
        // The wave of the previous beat decays into this one (diastolic run-off).
        double runoff = DICROTIC_HEIGHT * Math.exp(-sq((phase + 1 - DICROTIC_CENTRE) / DICROTIC_WIDTH) / 2);
        return Math.min(1.0, (systolic + dicrotic + runoff) / PEAK);
    }

    private static double sq(double x) {
        return x * x;
    }
}
