package org.telestation.devices.serial.contec;

import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.serial.FrameScanner;

/**
 * Legacy CMS50D+ live stream (standards.md §2.2): 5-byte packets, synchronised on the only byte with bit 7 set.
 * No checksum: a packet is a sync byte followed by exactly four bytes with bit 7 clear.
 */
public final class ContecLegacyDecoder extends FrameScanner {

    private static final int FRAME_LENGTH = 5;
    private final Consumer<? super ContecLegacyFrame> out;

    public ContecLegacyDecoder(Consumer<? super ContecLegacyFrame> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    protected int maxFrameLength() {
        return FRAME_LENGTH;
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        if ((b[p] & 0x80) == 0) {
            return NOT_A_FRAME;
        }
        int shape = sevenBitTail(b, p, available, FRAME_LENGTH, BAD_FRAME); // BAD_FRAME: cut short
        if (shape != FRAME_LENGTH) {
            return shape;
        }
        out.accept(new ContecLegacyFrame(u8(b, p) & 0x7F, u8(b, p + 1), u8(b, p + 2), u8(b, p + 3), u8(b, p + 4)));
        return FRAME_LENGTH;
    }
}
