package org.telestation.devices.ble.gatt;

import java.math.BigDecimal;
import java.util.Arrays;

import org.telestation.devices.ieee11073.MderFloat;
import org.telestation.devices.ieee11073.MderNumber;
import org.telestation.devices.ieee11073.SFloat;

/** Builds a little-endian characteristic value (used by the encoders that feed the simulators). */
public final class GattWriter {
    private byte[] buffer = new byte[24];
    private int length;

    private void ensure(int n) {
        if (length + n > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
    }

    public GattWriter u8(int v) {
        ensure(1);
        buffer[length++] = (byte) v;
        return this;
    }

    public GattWriter u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    public GattWriter u24(int v) {
        return u8(v).u8(v >>> 8).u8(v >>> 16);
    }

    public GattWriter sfloat(MderNumber n) {
        return u16(SFloat.encode(n));
    }

    public GattWriter sfloat(BigDecimal v) {
        return u16(SFloat.encode(v));
    }

    public GattWriter float32(MderNumber n) {
        ensure(4);
        MderFloat.write(MderFloat.encode(n), buffer, length);
        length += 4;
        return this;
    }

    public GattWriter dateTime(GattDateTime t) {
        return u16(t.year()).u8(t.month()).u8(t.day()).u8(t.hours()).u8(t.minutes()).u8(t.seconds());
    }

    public GattWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buffer, length, b.length);
        length += b.length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }
}
