package org.telestation.devices.ble.gatt;

import java.util.Objects;

import org.telestation.devices.ieee11073.MderNumber;

/**
 * PLX Spot-check Measurement 0x2A5E (Indicate, CCCD 0x0002), standards.md §1.5. Optional fields are null when
 * their flag is clear; {@code deviceClockNotSet} is flag b4.
 *
 * @param measurementStatus     uint16, see {@link PlxMeasurementStatus}
 * @param deviceAndSensorStatus uint24, see {@link PlxDeviceSensorStatus}
 * @param pulseAmplitudeIndex   PAI in %
 */
public record PlxSpotCheckMeasurement(MderNumber spo2, MderNumber pulseRate, GattDateTime timestamp,
                                      Integer measurementStatus, Integer deviceAndSensorStatus,
                                      MderNumber pulseAmplitudeIndex, boolean deviceClockNotSet) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.PLX_SPOT_CHECK_MEASUREMENT;

    public PlxSpotCheckMeasurement {
        Objects.requireNonNull(spo2, "spo2");
        Objects.requireNonNull(pulseRate, "pulseRate");
    }

    public static PlxSpotCheckMeasurement decode(byte[] value) throws MalformedValueException {
        GattReader r = GattReader.of(value, "PLX Spot-check Measurement");
        int flags = r.u8("flags");
        MderNumber spo2 = r.sfloat("SpO2");
        MderNumber pr = r.sfloat("pulse rate");
        GattDateTime ts = (flags & 0x01) != 0 ? r.dateTime("timestamp") : null;
        Integer status = (flags & 0x02) != 0 ? r.u16("measurement status") : null;
        Integer sensor = (flags & 0x04) != 0 ? r.u24("device and sensor status") : null;
        MderNumber pai = (flags & 0x08) != 0 ? r.sfloat("pulse amplitude index") : null;
        return new PlxSpotCheckMeasurement(spo2, pr, ts, status, sensor, pai, (flags & 0x10) != 0);
    }

    public int flags() {
        return (timestamp != null ? 0x01 : 0) | (measurementStatus != null ? 0x02 : 0)
                | (deviceAndSensorStatus != null ? 0x04 : 0) | (pulseAmplitudeIndex != null ? 0x08 : 0)
                | (deviceClockNotSet ? 0x10 : 0);
    }

    public byte[] encode() {
        GattWriter w = new GattWriter().u8(flags()).sfloat(spo2).sfloat(pulseRate);
        if (timestamp != null) w.dateTime(timestamp);
        if (measurementStatus != null) w.u16(measurementStatus);
        if (deviceAndSensorStatus != null) w.u24(deviceAndSensorStatus);
        if (pulseAmplitudeIndex != null) w.sfloat(pulseAmplitudeIndex);
        return w.toByteArray();
    }
}
