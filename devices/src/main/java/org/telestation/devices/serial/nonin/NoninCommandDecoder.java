package org.telestation.devices.serial.nonin;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.serial.FrameScanner;

/**
 * Finds Nonin commands and command replies in a byte stream: the simulator uses it on what the host sends, the
 * host on what the oximeter answers. Only the known operations with their exact lengths are accepted, which is the
 * only protection this checksum-less framing has.
 */
public final class NoninCommandDecoder extends FrameScanner {

    private static final int MAX_PAYLOAD = 6;
    private final Consumer<? super NoninCommand> out;

    public NoninCommandDecoder(Consumer<? super NoninCommand> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    protected int maxFrameLength() {
        return MAX_PAYLOAD + 4;
    }

    @Override
    protected int tryFrame(byte[] b, int p, int available) {
        if (u8(b, p) != NoninCommand.STX) {
            return NOT_A_FRAME;
        }
        if (available < 3) {
            return NEED_MORE;
        }
        int op = u8(b, p + 1);
        int length = u8(b, p + 2);
        boolean known = (op == NoninCommand.OP_DATA_FORMAT && length == 2)
                || (op == NoninCommand.OP_CLOCK && (length == 0 || length == 6))
                || (op == NoninCommand.OP_CLOCK_REPLY && length == 6);
        if (!known) {
            return NOT_A_FRAME;
        }
        int total = length + 4;
        if (available < total) {
            return NEED_MORE;
        }
        if (u8(b, p + total - 1) != NoninCommand.ETX) {
            return BAD_FRAME;
        }
        out.accept(new NoninCommand(op, Arrays.copyOfRange(b, p + 3, p + 3 + length)));
        return total;
    }
}
