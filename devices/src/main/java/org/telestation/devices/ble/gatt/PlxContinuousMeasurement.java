package org.telestation.devices.ble.gatt;

import java.util.Objects;

import org.telestation.devices.ieee11073.MderNumber;

/**
 * PLX Continuous Measurement 0x2A5F (Notify, CCCD 0x0001), standards.md §1.5. The Normal pair is always present;
 * Fast and Slow pairs and the status fields are null when their flag is clear.
 */
public record PlxContinuousMeasurement(MderNumber spo2, MderNumber pulseRate, MderNumber spo2Fast,
                                       MderNumber pulseRateFast, MderNumber spo2Slow, MderNumber pulseRateSlow,
                                       Integer measurementStatus, Integer deviceAndSensorStatus,
                                       MderNumber pulseAmplitudeIndex) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.PLX_CONTINUOUS_MEASUREMENT;

    public PlxContinuousMeasurement {
        Objects.requireNonNull(spo2, "spo2");
        Objects.requireNonNull(pulseRate, "pulseRate");
        if ((spo2Fast == null) != (pulseRateFast == null) || (spo2Slow == null) != (pulseRateSlow == null)) {
            throw new IllegalArgumentException("Fast and Slow SpO2/PR come in pairs");
        }
    }

    /** Only the Normal pair. */
    public static PlxContinuousMeasurement of(MderNumber spo2, MderNumber pulseRate) {
        return new PlxContinuousMeasurement(spo2, pulseRate, null, null, null, null, null, null, null);
    }

    public static PlxContinuousMeasurement decode(byte[] value) throws MalformedValueException {
        GattReader r = GattReader.of(value, "PLX Continuous Measurement");
        int flags = r.u8("flags");
        MderNumber spo2 = r.sfloat("SpO2");
        MderNumber pr = r.sfloat("pulse rate");
        MderNumber spo2Fast = null, prFast = null, spo2Slow = null, prSlow = null;
        if ((flags & 0x01) != 0) {
            spo2Fast = r.sfloat("SpO2 fast");
            prFast = r.sfloat("pulse rate fast");
        }
        if ((flags & 0x02) != 0) {
            spo2Slow = r.sfloat("SpO2 slow");
            prSlow = r.sfloat("pulse rate slow");
        }
        Integer status = (flags & 0x04) != 0 ? r.u16("measurement status") : null;
        Integer sensor = (flags & 0x08) != 0 ? r.u24("device and sensor status") : null;
        MderNumber pai = (flags & 0x10) != 0 ? r.sfloat("pulse amplitude index") : null;
        return new PlxContinuousMeasurement(spo2, pr, spo2Fast, prFast, spo2Slow, prSlow, status, sensor, pai);
    }

    public int flags() {
        return (spo2Fast != null ? 0x01 : 0) | (spo2Slow != null ? 0x02 : 0) | (measurementStatus != null ? 0x04 : 0)
                | (deviceAndSensorStatus != null ? 0x08 : 0) | (pulseAmplitudeIndex != null ? 0x10 : 0);
    }

    public byte[] encode() {
        GattWriter w = new GattWriter().u8(flags()).sfloat(spo2).sfloat(pulseRate);
        if (spo2Fast != null) w.sfloat(spo2Fast).sfloat(pulseRateFast);
        if (spo2Slow != null) w.sfloat(spo2Slow).sfloat(pulseRateSlow);
        if (measurementStatus != null) w.u16(measurementStatus);
        if (deviceAndSensorStatus != null) w.u24(deviceAndSensorStatus);
        if (pulseAmplitudeIndex != null) w.sfloat(pulseAmplitudeIndex);
        return w.toByteArray();
    }
}
