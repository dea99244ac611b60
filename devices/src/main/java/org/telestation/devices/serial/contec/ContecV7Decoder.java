package org.telestation.devices.serial.contec;

import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.serial.FrameScanner;

/**
 * Contec protocol V7.0 (standards.md §2.2). A packet is a type byte with bit 7 clear followed by bytes with bit 7
 * set (the high-bit byte, then data). There is no checksum: a packet is accepted when its type is one the protocol
 * defines and its length is right. Real-time (0x01) and host command (0x7D) packets are 9 bytes; the length of the
 * other types is not in the material we have, so they end where the next type byte starts (at most
 * {@link #MAX_PACKET_LENGTH} bytes).
 */
public final class ContecV7Decoder extends FrameScanner {

    public static final int MAX_PACKET_LENGTH = 16;
    private static final int FIXED_LENGTH = 9;
    private static final boolean[] KNOWN_TYPES = new boolean[128];

    static {
        for (int t : new int[] {0x01, 0x04, 0x05, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11,
                0x12, 0x15, ContecV7Packet.TYPE_COMMAND}) {
            KNOWN_TYPES[t] = true;
        }
    }

    private final Consumer<? super ContecV7Packet> out;

    public ContecV7Decoder(Consumer<? super ContecV7Packet> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    protected int maxFrameLength() {
        return MAX_PACKET_LENGTH + 1;
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        int type = u8(b, p);
        if (type >= 0x80 || !KNOWN_TYPES[type]) {
            return NOT_A_FRAME;
        }
        boolean fixed = type == ContecV7Packet.TYPE_REALTIME || type == ContecV7Packet.TYPE_COMMAND;
        int limit = fixed ? FIXED_LENGTH : MAX_PACKET_LENGTH;
        int length = 1;
        while (length < Math.min(limit, available) && (b[p + length] & 0x80) != 0) {
            length++;
        }
        if (length < limit && length == available) {
            return NEED_MORE;
        }
        if ((fixed && length != FIXED_LENGTH) || length < 2) {
            return BAD_FRAME; // truncated: the next type byte came too early
        }
        int hi = u8(b, p + 1);
        int[] data = new int[length - 2];
        for (int i = 0; i < data.length; i++) {
            data[i] = (b[p + 2 + i] & 0x7F) | (i < 7 ? ((hi >> i) & 1) << 7 : 0);
        }
        out.accept(new ContecV7Packet(type, data));
        return length;
    }
}
