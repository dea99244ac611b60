package org.telestation.devices.ble.gatt;

import org.telestation.devices.ieee11073.MderFloat;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SFloat;

/**
 * A little-endian cursor over one characteristic value. Every read checks the remaining length first and throws
 * {@link MalformedValueException} (never an unchecked exception) when the value is too short.
 */
public final class GattReader {
    private final byte[] value;
    private final String what;
    private int position;

    private GattReader(byte[] value, String what) {
        this.value = value;
        this.what = what;
    }

    /** A reader over {@code value}; a null value is treated as empty. */
    public static GattReader of(byte[] value, String what) {
        return new GattReader(value == null ? new byte[0] : value, what);
    }

    public int remaining() {
        return value.length - position;
    }

    private void need(int n, String field) throws MalformedValueException {
        if (remaining() < n) {
            throw new MalformedValueException(what + ": " + field + " needs " + n + " byte(s), " + remaining()
                    + " left of " + value.length);
        }
    }

    public int u8(String field) throws MalformedValueException {
        need(1, field);
        return value[position++] & 0xFF;
    }

    public int u16(String field) throws MalformedValueException {
        need(2, field);
        int v = (value[position] & 0xFF) | (value[position + 1] & 0xFF) << 8;
        position += 2;
        return v;
    }

    public int u24(String field) throws MalformedValueException {
        need(3, field);
        int v = (value[position] & 0xFF) | (value[position + 1] & 0xFF) << 8 | (value[position + 2] & 0xFF) << 16;
        position += 3;
        return v;
    }

    public MderNumber sfloat(String field) throws MalformedValueException {
        need(2, field);
        MderNumber n = SFloat.decode(value, position);
        position += 2;
        return n;
    }

    public MderNumber float32(String field) throws MalformedValueException {
        need(4, field);
        MderNumber n = MderFloat.decode(value, position);
        position += 4;
        return n;
    }

    public GattDateTime dateTime(String field) throws MalformedValueException {
        need(GattDateTime.LENGTH, field);
        return new GattDateTime(u16(field), u8(field), u8(field), u8(field), u8(field), u8(field));
    }
}
