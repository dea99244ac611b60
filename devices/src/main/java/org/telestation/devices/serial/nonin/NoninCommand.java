package org.telestation.devices.serial.nonin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * A Nonin command or command reply {@code 02 OP LEN payload 03} (standards.md §2.1): "select data format" and
 * "set/read clock" from the host, the clock reply from the oximeter. The oximeter answers "select data format"
 * with a single {@link #ACK} or {@link #NAK} byte, outside this framing.
 */
public record NoninCommand(int op, byte[] payload) {

    public static final int OP_DATA_FORMAT = 0x70;
    public static final int OP_CLOCK = 0x72;
    public static final int OP_CLOCK_REPLY = 0xF2;
    public static final int ACK = 0x06;
    public static final int NAK = 0x15;
    static final int STX = 0x02;
    static final int ETX = 0x03;

    public NoninCommand {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** {@code 02 70 02 02 ZZ 03}. */
    public static NoninCommand selectDataFormat(NoninDataFormat format) {
        return new NoninCommand(OP_DATA_FORMAT, new byte[] {0x02, (byte) format.code()});
    }

    /** {@code 02 72 06 YY MM DD hh mm ss 03}, binary fields, year 2000–2099. */
    public static NoninCommand setClock(LocalDateTime time) {
        return new NoninCommand(OP_CLOCK, clockBytes(time));
    }

    /** {@code 02 72 00 03}. */
    public static NoninCommand readClock() {
        return new NoninCommand(OP_CLOCK, new byte[0]);
    }

    /** {@code 02 F2 06 YY MM DD hh mm ss 03}. */
    public static NoninCommand clockReply(LocalDateTime time) {
        return new NoninCommand(OP_CLOCK_REPLY, clockBytes(time));
    }

    private static byte[] clockBytes(LocalDateTime t) {
        if (t.getYear() < 2000 || t.getYear() > 2099) {
            throw new IllegalArgumentException("the oximeter clock holds years 2000-2099 only: " + t.getYear());
        }
        return new byte[] {(byte) (t.getYear() - 2000), (byte) t.getMonthValue(), (byte) t.getDayOfMonth(),
                (byte) t.getHour(), (byte) t.getMinute(), (byte) t.getSecond()};
    }

    /** The data format a "select data format" command asks for, or null. */
    public NoninDataFormat requestedFormat() {
        return op == OP_DATA_FORMAT && payload.length == 2 && payload[0] == 0x02
                ? NoninDataFormat.ofCode(payload[1] & 0xFF) : null;
    }

    /** The time carried by a "set clock" command or a clock reply, or null when there is none or it is invalid. */
    public LocalDateTime clock() {
        if ((op != OP_CLOCK && op != OP_CLOCK_REPLY) || payload.length != 6) {
            return null;
        }
        try {
            return LocalDateTime.of(2000 + payload[0], payload[1], payload[2], payload[3], payload[4], payload[5]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The bytes on the wire. */
    public byte[] encode() {
        byte[] out = new byte[payload.length + 4];
        out[0] = STX;
        out[1] = (byte) op;
        out[2] = (byte) payload.length;
        System.arraycopy(payload, 0, out, 3, payload.length);
        out[out.length - 1] = ETX;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoninCommand c && c.op == op && Arrays.equals(c.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * op + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return String.format("NoninCommand[op=%02X, payload=%s]", op, Arrays.toString(payload));
    }
}
