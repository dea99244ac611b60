package org.telestation.devices.ble.gatt;

import java.util.Objects;

import org.telestation.devices.ieee11073.MderNumber;

/**
 * Blood Pressure Measurement 0x2A35 (Indicate, CCCD 0x0002), standards.md §1.4. Optional fields are null when
 * their flag is clear. Flag bits 5–7 are reserved and ignored; bytes after the last announced field are ignored.
 *
 * @param unit                 mmHg or kPa for the three pressures (flags b0)
 * @param timeStamp            device-local time (flags b1), may be "unknown" field by field
 * @param pulseRate            beats per minute (flags b2)
 * @param userId               0–254, 255 = unknown user (flags b3)
 * @param status               measurement status (flags b4)
 */
public record BloodPressureMeasurement(PressureUnit unit, MderNumber systolic, MderNumber diastolic,
                                       MderNumber meanArterialPressure, GattDateTime timeStamp, MderNumber pulseRate,
                                       Integer userId, BloodPressureStatus status) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.BLOOD_PRESSURE_MEASUREMENT;

    public BloodPressureMeasurement {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(systolic, "systolic");
        Objects.requireNonNull(diastolic, "diastolic");
        Objects.requireNonNull(meanArterialPressure, "meanArterialPressure");
    }

    public static BloodPressureMeasurement decode(byte[] value) throws MalformedValueException {
        return decode(value, "Blood Pressure Measurement");
    }

    /** The layout shared with Intermediate Cuff Pressure 0x2A36. */
    static BloodPressureMeasurement decode(byte[] value, String what) throws MalformedValueException {
        GattReader r = GattReader.of(value, what);
        int flags = r.u8("flags");
        PressureUnit unit = (flags & 0x01) != 0 ? PressureUnit.KPA : PressureUnit.MMHG;
        MderNumber sys = r.sfloat("systolic");
        MderNumber dia = r.sfloat("diastolic");
        MderNumber map = r.sfloat("mean arterial pressure");
        GattDateTime ts = (flags & 0x02) != 0 ? r.dateTime("time stamp") : null;
        MderNumber pulse = (flags & 0x04) != 0 ? r.sfloat("pulse rate") : null;
        Integer user = (flags & 0x08) != 0 ? r.u8("user id") : null;
        BloodPressureStatus status = (flags & 0x10) != 0 ? new BloodPressureStatus(r.u16("measurement status")) : null;
        return new BloodPressureMeasurement(unit, sys, dia, map, ts, pulse, user, status);
    }

    public int flags() {
        return (unit == PressureUnit.KPA ? 0x01 : 0) | (timeStamp != null ? 0x02 : 0) | (pulseRate != null ? 0x04 : 0)
                | (userId != null ? 0x08 : 0) | (status != null ? 0x10 : 0);
    }

    public byte[] encode() {
        GattWriter w = new GattWriter().u8(flags()).sfloat(systolic).sfloat(diastolic).sfloat(meanArterialPressure);
        if (timeStamp != null) w.dateTime(timeStamp);
        if (pulseRate != null) w.sfloat(pulseRate);
        if (userId != null) w.u8(userId);
        if (status != null) w.u16(status.raw());
        return w.toByteArray();
    }
}
