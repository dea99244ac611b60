package org.telestation.devices.serial.nonin;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.serial.FrameScanner;

/**
 * Nonin Data Format 13 (standards.md §2.1): {@code 00 02 00 0D LEN_MSB LEN_LSB data[LEN] CHK 03}, CHK = low byte of
 * the sum of the data bytes. LEN is at least 14 and may grow in later firmware: longer packets are accepted and
 * their extra bytes ignored, up to {@link #MAX_DATA_LENGTH}; a larger LEN is treated as a lie.
 */
public final class NoninDf13Decoder extends FrameScanner {

    /** The specified minimum data length. */
    public static final int MIN_DATA_LENGTH = 14;
    /** The largest data length accepted; bounds memory against a corrupted length field. */
    public static final int MAX_DATA_LENGTH = 240;
    private static final int HEADER = 6;
    private static final int STX = 0x02;
    private static final int ETX = 0x03;

    private final Consumer<? super NoninSpotCheck> out;

    public NoninDf13Decoder(Consumer<? super NoninSpotCheck> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    protected int maxFrameLength() {
        return HEADER + MAX_DATA_LENGTH + 2;
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        int[] header = {0x00, STX, 0x00, 0x0D};
        for (int i = 0; i < header.length; i++) {
            if (i >= available) {
                return NEED_MORE;
            }
            if (u8(b, p + i) != header[i]) {
                return NOT_A_FRAME;
            }
        }
        if (available < HEADER) {
            return NEED_MORE;
        }
        int length = (u8(b, p + 4) << 8) | u8(b, p + 5);
        if (length < MIN_DATA_LENGTH || length > MAX_DATA_LENGTH) {
            return BAD_FRAME;
        }
        int total = HEADER + length + 2;
        if (available < total) {
            return NEED_MORE;
        }
        int d = p + HEADER; // first data byte (byte 7 in the specification's numbering)
        if (sum8(b, d, length) != u8(b, d + length) || u8(b, d + length + 1) != ETX) {
            return BAD_FRAME;
        }
        LocalDateTime time = bcdTime(b, d);
        if (time == null) {
            return BAD_FRAME;
        }
        int pulseRate = ((u8(b, d + 10) & 0x01) << 8) | u8(b, d + 11);
        out.accept(new NoninSpotCheck(time, u8(b, d + 8), u8(b, d + 9), pulseRate, u8(b, d + 13) & 0x7F));
        return total;
    }

    private static LocalDateTime bcdTime(byte[] b, int d) {
        int[] v = new int[7];
        for (int i = 0; i < 7; i++) {
            v[i] = bcd(u8(b, d + i));
            if (v[i] < 0) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(v[0] * 100 + v[1], v[2], v[3], v[4], v[5], v[6]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int bcd(int value) {
        int hi = value >> 4;
        int lo = value & 0x0F;
        return hi > 9 || lo > 9 ? -1 : hi * 10 + lo;
    }

    private static int toBcd(int value) {
        return ((value / 10) << 4) | (value % 10);
    }

    /** The 22 bytes of a DF13 packet (data length 14). */
    public static byte[] encode(NoninSpotCheck s) {
        LocalDateTime t = s.time();
        int hr = Math.min(s.pulseRate(), NoninStatus.MISSING_PULSE_RATE);
        byte[] p = new byte[HEADER + MIN_DATA_LENGTH + 2];
        int[] head = {0x00, STX, 0x00, 0x0D, 0x00, MIN_DATA_LENGTH};
        int[] data = {toBcd(t.getYear() / 100), toBcd(t.getYear() % 100), toBcd(t.getMonthValue()),
                toBcd(t.getDayOfMonth()), toBcd(t.getHour()), toBcd(t.getMinute()), toBcd(t.getSecond()), 0x00,
                s.statusMsb() & 0xFF, s.statusLsb() & 0xFF, (hr >> 8) & 0x01, hr & 0xFF, 0x00, Math.min(s.spo2(), 127)};
        for (int i = 0; i < head.length; i++) p[i] = (byte) head[i];
        for (int i = 0; i < data.length; i++) p[HEADER + i] = (byte) data[i];
        p[HEADER + MIN_DATA_LENGTH] = (byte) sum8(p, HEADER, MIN_DATA_LENGTH);
        p[HEADER + MIN_DATA_LENGTH + 1] = ETX;
        return p;
    }
}
