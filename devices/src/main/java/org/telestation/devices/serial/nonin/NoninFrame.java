package org.telestation.devices.serial.nonin;

import org.telestation.devices.serial.OximetryFrame;
import org.telestation.devices.serial.OximetryReading;

/**
 * One DF2 or DF7 frame (75 per second).
 *
 * @param frameNumber 1..25 within its packet, or 0 while the decoder waits for the next SYNC frame
 * @param status      the frame STATUS byte
 * @param pleth       the raw pleth value (0..255 in DF2, 0..65535 in DF7)
 * @param floatByte   the FLOAT byte, whose meaning depends on the frame number
 * @param sixteenBit  true for DF7
 * @param packet      the packet this frame completes (frame 25), else null
 */
public record NoninFrame(int frameNumber, int status, int pleth, int floatByte, boolean sixteenBit, NoninPacket packet)
        implements OximetryFrame {

    public boolean sync() {
        return (status & NoninStatus.DF2_SYNC) != 0;
    }

    @Override
    public OximetryReading reading() {
        return packet == null ? null : packet.reading();
    }

    @Override
    public short[] plethSamples() {
        return new short[] {(short) (sixteenBit ? pleth - 32768 : pleth)};
    }
}
