package org.telestation.devices.ble.gatt;

/**
 * Blood Pressure Feature 0x2A49 (Read), standards.md §1.4: which status bits the cuff can report at all, so a clear
 * bit in a measurement is only meaningful when the feature is supported.
 */
public record BloodPressureFeature(int raw) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.BLOOD_PRESSURE_FEATURE;

    public BloodPressureFeature {
        raw &= 0xFFFF;
    }

    public static BloodPressureFeature decode(byte[] value) throws MalformedValueException {
        return new BloodPressureFeature(GattReader.of(value, "Blood Pressure Feature").u16("features"));
    }

    public byte[] encode() {
        return new GattWriter().u16(raw).toByteArray();
    }

    public boolean bodyMovementDetection() { return (raw & 0x01) != 0; }
    public boolean cuffFitDetection() { return (raw & 0x02) != 0; }
    public boolean irregularPulseDetection() { return (raw & 0x04) != 0; }
    public boolean pulseRateRangeDetection() { return (raw & 0x08) != 0; }
    public boolean measurementPositionDetection() { return (raw & 0x10) != 0; }
    public boolean multipleBonds() { return (raw & 0x20) != 0; }
}
