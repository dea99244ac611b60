package org.telestation.devices.ble.gatt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Heart Rate Measurement 0x2A37 (Notify, CCCD 0x0001), standards.md §1.7: flags (b0 uint16 format, b1–b2 sensor
 * contact, b3 energy expended, b4 RR intervals), heart rate, optional energy (kJ), then one or more RR intervals
 * (uint16, 1/1024 s, oldest first) filling the rest of the value. An odd trailing byte is ignored.
 *
 * @param rrIntervals raw RR intervals in 1/1024 s; empty when flag b4 is clear
 */
public record HeartRateMeasurement(int heartRate, boolean uint16Format, SensorContact sensorContact,
                                   Integer energyExpendedKj, List<Integer> rrIntervals) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.HEART_RATE_MEASUREMENT;

    public enum SensorContact { NOT_SUPPORTED, NOT_DETECTED, DETECTED }

    public HeartRateMeasurement {
        Objects.requireNonNull(sensorContact, "sensorContact");
        rrIntervals = rrIntervals == null ? List.of() : List.copyOf(rrIntervals);
        if (heartRate < 0 || heartRate > (uint16Format ? 0xFFFF : 0xFF)) {
            throw new IllegalArgumentException("heart rate does not fit its format: " + heartRate);
        }
    }

    public static HeartRateMeasurement decode(byte[] value) throws MalformedValueException {
        GattReader r = GattReader.of(value, "Heart Rate Measurement");
        int flags = r.u8("flags");
        boolean wide = (flags & 0x01) != 0;
        int hr = wide ? r.u16("heart rate") : r.u8("heart rate");
        SensorContact contact = switch ((flags >> 1) & 0x3) {
            case 2 -> SensorContact.NOT_DETECTED;
            case 3 -> SensorContact.DETECTED;
            default -> SensorContact.NOT_SUPPORTED;
        };
        Integer energy = (flags & 0x08) != 0 ? r.u16("energy expended") : null;
        List<Integer> rr = new ArrayList<>();
        if ((flags & 0x10) != 0) {
            rr.add(r.u16("RR interval")); // the flag promises at least one
            while (r.remaining() >= 2) rr.add(r.u16("RR interval"));
        }
        return new HeartRateMeasurement(hr, wide, contact, energy, rr);
    }

    public int flags() {
        int contact = switch (sensorContact) {
            case NOT_SUPPORTED -> 0;
            case NOT_DETECTED -> 2;
            case DETECTED -> 3;
        };
        return (uint16Format ? 0x01 : 0) | contact << 1 | (energyExpendedKj != null ? 0x08 : 0)
                | (rrIntervals.isEmpty() ? 0 : 0x10);
    }

    public byte[] encode() {
        GattWriter w = new GattWriter().u8(flags());
        if (uint16Format) w.u16(heartRate); else w.u8(heartRate);
        if (energyExpendedKj != null) w.u16(energyExpendedKj);
        for (int rr : rrIntervals) w.u16(rr);
        return w.toByteArray();
    }

    /** An RR interval in milliseconds. */
    public static double rrMillis(int raw) {
        return raw * 1000.0 / 1024.0;
    }
}
