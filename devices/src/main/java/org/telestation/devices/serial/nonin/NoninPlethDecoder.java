package org.telestation.devices.serial.nonin;

import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.serial.FrameScanner;

/**
 * The part DF2 and DF7 share (standards.md §2.1): 5-byte checksummed frames, 75 per second, grouped in packets of
 * 25 frames whose first frame has the SYNC bit. The FLOAT byte's meaning depends on the frame number, so after a
 * loss of sync the frame number is unknown (0) until the next SYNC frame; frames are still delivered for their pleth.
 */
abstract class NoninPlethDecoder extends FrameScanner {

    static final int FRAME_LENGTH = 5;
    private final Consumer<? super NoninFrame> out;
    private final int[] floats = new int[NoninPacket.FRAMES + 1];
    private int frameNumber; // of the last frame, 0 = unknown
    private int statusUnion;

    NoninPlethDecoder(Consumer<? super NoninFrame> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    protected final int maxFrameLength() {
        return FRAME_LENGTH;
    }

    /** Called once a frame's shape and checksum are good. */
    final void frame(int status, int pleth, int floatByte, boolean sixteenBit) {
        if ((status & NoninStatus.DF2_SYNC) != 0) {
            frameNumber = 1;
            statusUnion = 0;
        } else if (frameNumber > 0 && frameNumber < NoninPacket.FRAMES) {
            frameNumber++;
        } else {
            frameNumber = 0; // a 26th frame without SYNC: the packet structure is lost
        }
        NoninPacket completed = null;
        if (frameNumber > 0) {
            floats[frameNumber] = floatByte;
            statusUnion |= status;
            if (frameNumber == NoninPacket.FRAMES) {
                completed = new NoninPacket(floats, statusUnion);
            }
        }
        out.accept(new NoninFrame(frameNumber, status, pleth, floatByte, sixteenBit, completed));
    }

    @Override
    protected final void onSyncLost() {
        frameNumber = 0;
    }
}
