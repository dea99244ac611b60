package org.telestation.devices.ble.gatt;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.telestation.devices.ieee11073.MderNumber;

/**
 * Temperature Measurement 0x2A1C (Indicate, CCCD 0x0002), standards.md §1.6: flags (b0 Fahrenheit, b1 time stamp,
 * b2 temperature type), FLOAT temperature, optional DateTime, optional type code.
 *
 * @param temperatureTypeCode raw Temperature Type code (see {@link TemperatureType#fromCode}), null when absent
 */
public record TemperatureMeasurement(MderNumber temperature, boolean fahrenheit, GattDateTime timeStamp,
                                     Integer temperatureTypeCode) {
    public static final HealthCharacteristic CHARACTERISTIC = HealthCharacteristic.TEMPERATURE_MEASUREMENT;

    public TemperatureMeasurement {
        Objects.requireNonNull(temperature, "temperature");
    }

    public static TemperatureMeasurement decode(byte[] value) throws MalformedValueException {
        GattReader r = GattReader.of(value, "Temperature Measurement");
        int flags = r.u8("flags");
        MderNumber t = r.float32("temperature");
        GattDateTime ts = (flags & 0x02) != 0 ? r.dateTime("time stamp") : null;
        Integer type = (flags & 0x04) != 0 ? r.u8("temperature type") : null;
        return new TemperatureMeasurement(t, (flags & 0x01) != 0, ts, type);
    }

    public int flags() {
        return (fahrenheit ? 0x01 : 0) | (timeStamp != null ? 0x02 : 0) | (temperatureTypeCode != null ? 0x04 : 0);
    }

    public byte[] encode() {
        GattWriter w = new GattWriter().u8(flags()).float32(temperature);
        if (timeStamp != null) w.dateTime(timeStamp);
        if (temperatureTypeCode != null) w.u8(temperatureTypeCode);
        return w.toByteArray();
    }

    /**
     * The temperature in Cel (the unit ANS "Mesures de santé" requires), or null for a special value. Fahrenheit is
     * converted keeping two decimals (0.01 °C is finer than any clinical thermometer).
     */
    public BigDecimal celsius() {
        if (!temperature.isFinite()) return null;
        BigDecimal t = temperature.decimal();
        if (!fahrenheit) return t;
        return t.subtract(BigDecimal.valueOf(32)).multiply(BigDecimal.valueOf(5))
                .divide(BigDecimal.valueOf(9), 2, RoundingMode.HALF_EVEN);
    }

    public TemperatureType temperatureType() {
        return temperatureTypeCode == null ? null : TemperatureType.fromCode(temperatureTypeCode);
    }
}
