package org.telestation.devices.ble.gatt;

import java.math.BigDecimal;
import java.util.Objects;

import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SpecialValue;

/**
 * Intermediate Cuff Pressure 0x2A36 (Notify, CCCD 0x0001), standards.md §1.4: the Blood Pressure Measurement layout
 * whose systolic field is the current cuff pressure; diastolic and MAP are unused (devices send NaN). It only
 * animates a live cuff gauge and never becomes a stored Measurement.
 */
public record IntermediateCuffPressure(PressureUnit unit, MderNumber currentCuffPressure, GattDateTime timeStamp,
                                       MderNumber pulseRate, Integer userId, BloodPressureStatus status) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.INTERMEDIATE_CUFF_PRESSURE;
    private static final MderNumber UNUSED = MderNumber.of(SpecialValue.NAN);

    public IntermediateCuffPressure {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(currentCuffPressure, "currentCuffPressure");
    }

    public static IntermediateCuffPressure decode(byte[] value) throws MalformedValueException {
        BloodPressureMeasurement m = BloodPressureMeasurement.decode(value, "Intermediate Cuff Pressure");
        return new IntermediateCuffPressure(m.unit(), m.systolic(), m.timeStamp(), m.pulseRate(), m.userId(),
                m.status());
    }

    public byte[] encode() {
        return new BloodPressureMeasurement(unit, currentCuffPressure, UNUSED, UNUSED, timeStamp, pulseRate, userId,
                status).encode();
    }

    /** The gauge reading in mm[Hg], or null when the device sent a special value. */
    public BigDecimal currentCuffPressureMmHg() {
        return currentCuffPressure.isFinite() ? unit.toMmHg(currentCuffPressure.decimal()) : null;
    }
}
