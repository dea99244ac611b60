package org.telestation.devices.serial.nonin;

import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.serial.FrameScanner;

/**
 * Nonin Data Format 8 (standards.md §2.1): one 4-byte frame per second. DF8 has no checksum, so a frame is
 * recognised by its shape: a status byte with bit 7 set followed by three bytes with bit 7 clear.
 */
public final class NoninDf8Decoder extends FrameScanner {

    private static final int FRAME_LENGTH = 4;
    private final Consumer<? super NoninDf8Frame> out;

    public NoninDf8Decoder(Consumer<? super NoninDf8Frame> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    protected int maxFrameLength() {
        return FRAME_LENGTH;
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        int status = u8(b, p);
        if ((status & NoninStatus.ALWAYS_SET) == 0 || (status & 0x40) != 0) {
            return NOT_A_FRAME;
        }
        int shape = sevenBitTail(b, p, available, FRAME_LENGTH, NOT_A_FRAME);
        if (shape != FRAME_LENGTH) {
            return shape;
        }
        int hr = NoninStatus.pulseRate(status, u8(b, p + 1));
        out.accept(new NoninDf8Frame(status, hr, u8(b, p + 2), u8(b, p + 3)));
        return FRAME_LENGTH;
    }
}
