package org.telestation.devices.ble.gatt;

/**
 * Blood Pressure Measurement Status (uint16, standards.md §1.4): b0 body movement, b1 cuff too loose, b2 irregular
 * pulse, b3–b4 pulse-rate range, b5 improper measurement position, b6–15 reserved (kept, ignored).
 */
public record BloodPressureStatus(int raw) {

    public enum PulseRateRange { WITHIN_RANGE, EXCEEDS_UPPER_LIMIT, BELOW_LOWER_LIMIT, RESERVED }

    public BloodPressureStatus {
        raw &= 0xFFFF;
    }

    public static BloodPressureStatus of(boolean bodyMovement, boolean cuffTooLoose, boolean irregularPulse,
                                         PulseRateRange range, boolean improperPosition) {
        return new BloodPressureStatus((bodyMovement ? 1 : 0) | (cuffTooLoose ? 2 : 0) | (irregularPulse ? 4 : 0)
                | range.ordinal() << 3 | (improperPosition ? 0x20 : 0));
    }

    public boolean bodyMovement() { return (raw & 0x01) != 0; }
    public boolean cuffTooLoose() { return (raw & 0x02) != 0; }
    public boolean irregularPulse() { return (raw & 0x04) != 0; }
    public PulseRateRange pulseRateRange() { return PulseRateRange.values()[(raw >> 3) & 0x3]; }
    public boolean improperMeasurementPosition() { return (raw & 0x20) != 0; }
}
