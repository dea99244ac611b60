package org.telestation.devices.ble.gatt;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The Bluetooth Date Time characteristic (0x2A08) and the identical 7-byte time stamp field of the health
 * measurements (standards.md §1.2): year (0 = unknown), month and day (0 = unknown), hours, minutes, seconds.
 * It carries no time zone: it is the device's local time.
 * Values outside the ranges are kept as received; {@link #toLocalDateTime()} tells whether they make a time.
 */
public record GattDateTime(int year, int month, int day, int hours, int minutes, int seconds) {
    public static final int LENGTH = 7;

    /** Decodes a Date Time 0x2A08 value. */
    public static GattDateTime decode(byte[] value) throws MalformedValueException {
        return GattReader.of(value, "Date Time").dateTime("date time");
    }

    public static GattDateTime of(LocalDateTime t) {
        return new GattDateTime(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(),
                t.getSecond());
    }

    public byte[] encode() {
        return new GattWriter().dateTime(this).toByteArray();
    }

    /** The local date-time, or empty when the year, month or day is unknown (0) or any field is out of range. */
    public Optional<LocalDateTime> toLocalDateTime() {
        if (year < 1582 || year > 9999 || month == 0 || day == 0) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hours, minutes, seconds));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
