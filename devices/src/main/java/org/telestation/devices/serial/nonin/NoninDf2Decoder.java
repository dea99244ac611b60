package org.telestation.devices.serial.nonin;

import java.util.function.Consumer;

/** Nonin Data Format 2: frame {@code 01 STATUS PLETH FLOAT CHK}, CHK = sum of the first four bytes (§2.1). */
public final class NoninDf2Decoder extends NoninPlethDecoder {

    public NoninDf2Decoder(Consumer<? super NoninFrame> out) {
        super(out);
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        if (b[p] != 0x01) {
            return NOT_A_FRAME;
        }
        if (available < 2) {
            return NEED_MORE;
        }
        if ((b[p + 1] & NoninStatus.ALWAYS_SET) == 0) {
            return NOT_A_FRAME;
        }
        if (available < FRAME_LENGTH) {
            return NEED_MORE;
        }
        if (sum8(b, p, 4) != u8(b, p + 4)) {
            return BAD_FRAME;
        }
        frame(u8(b, p + 1), u8(b, p + 2), u8(b, p + 3), false);
        return FRAME_LENGTH;
    }

    /** The 5 bytes of one frame. */
    public static byte[] encode(int status, int pleth, int floatByte) {
        byte[] f = {0x01, (byte) (status | NoninStatus.ALWAYS_SET), (byte) pleth, (byte) floatByte, 0};
        f[4] = (byte) sum8(f, 0, 4);
        return f;
    }
}
