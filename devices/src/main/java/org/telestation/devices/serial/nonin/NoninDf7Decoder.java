package org.telestation.devices.serial.nonin;

import java.util.function.Consumer;

/**
 * Nonin Data Format 7: frame {@code STATUS PLETH_MSB PLETH_LSB FLOAT CHK} (§2.1), synchronised on a status byte
 * above 127; CHK = sum of the first four bytes, as in DF2.
 */
public final class NoninDf7Decoder extends NoninPlethDecoder {

    public NoninDf7Decoder(Consumer<? super NoninFrame> out) {
        super(out);
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        if ((b[p] & NoninStatus.ALWAYS_SET) == 0) {
            return NOT_A_FRAME;
        }
        if (available < FRAME_LENGTH) {
            return NEED_MORE;
        }
        if (sum8(b, p, 4) != u8(b, p + 4)) {
            return BAD_FRAME;
        }
        frame(u8(b, p), (u8(b, p + 1) << 8) | u8(b, p + 2), u8(b, p + 3), true);
        return FRAME_LENGTH;
    }

    /** The 5 bytes of one frame. */
    public static byte[] encode(int status, int pleth16, int floatByte) {
        byte[] f = {(byte) (status | NoninStatus.ALWAYS_SET), (byte) (pleth16 >> 8), (byte) pleth16, (byte) floatByte, 0};
        f[4] = (byte) sum8(f, 0, 4);
        return f;
    }
}
