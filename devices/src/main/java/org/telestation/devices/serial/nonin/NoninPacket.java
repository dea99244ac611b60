package org.telestation.devices.serial.nonin;

import java.util.EnumSet;

import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.OximetryReading;

/**
 * A complete 25-frame Nonin DF2/DF7 packet: the FLOAT byte of each frame (index 1..25) and the union of the frame
 * STATUS bytes (standards.md §2.1, table "FLOAT byte by frame number").
 */
public final class NoninPacket {

    public static final int FRAMES = 25;
    private final int[] floats;
    private final int statusUnion;

    NoninPacket(int[] floatsByFrame, int statusUnion) {
        this.floats = floatsByFrame.clone();
        this.statusUnion = statusUnion;
    }

    /** The FLOAT byte of frame {@code frameNumber} (1..25). */
    public int floatByte(int frameNumber) {
        return floats[frameNumber];
    }

    public int statusUnion() { return statusUnion; }
    /** 4-beat average pulse rate, for recording (frames 1–2). */
    public int pulseRate() { return NoninStatus.pulseRate(floats[1], floats[2]); }
    /** 4-beat average SpO2, for recording (frame 3). */
    public int spo2() { return floats[3] & 0x7F; }
    public int firmwareRevision() { return floats[4]; }
    public int timer() { return ((floats[6] & 0x7F) << 7) | (floats[7] & 0x7F); }
    public int stat2() { return floats[8]; }
    public int spo2Display() { return floats[9] & 0x7F; }
    public int spo2Fast() { return floats[10] & 0x7F; }
    public int spo2BeatToBeat() { return floats[11] & 0x7F; }
    public int extendedPulseRate() { return NoninStatus.pulseRate(floats[14], floats[15]); }
    public int extendedSpo2() { return floats[16] & 0x7F; }
    public int extendedSpo2Display() { return floats[17] & 0x7F; }
    public int pulseRateDisplay() { return NoninStatus.pulseRate(floats[20], floats[21]); }
    public int extendedPulseRateDisplay() { return NoninStatus.pulseRate(floats[22], floats[23]); }
    public boolean smartPoint() { return (stat2() & NoninStatus.STAT2_SMARTPOINT) != 0; }
    public boolean lowBattery() { return (stat2() & NoninStatus.STAT2_LOW_BATTERY) != 0; }

    /** The recording values (4-beat averages) with every alarm seen during the packet. */
    public OximetryReading reading() {
        EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        NoninStatus.addDf2Flags(statusUnion, flags);
        NoninStatus.addStat2Flags(stat2(), flags);
        double pr = OximetryReading.value(pulseRate(), NoninStatus.MISSING_PULSE_RATE, NoninStatus.MAX_PULSE_RATE, flags);
        double sat = OximetryReading.value(spo2(), NoninStatus.MISSING_SPO2, NoninStatus.MAX_SPO2, flags);
        return new OximetryReading(sat, pr, Double.NaN, null, flags);
    }

    /**
     * The FLOAT bytes of one packet for the given values (frames 1..25, index 0 unused): recording, display and
     * extended values all carry the same numbers, which is what a steady reading looks like.
     */
    public static int[] floatsFor(int pulseRate, int spo2, int firmwareRevision, int timer, int stat2) {
        int hr = Math.min(pulseRate, NoninStatus.MISSING_PULSE_RATE);
        int hrMsb = (hr >> 7) & 0x03;
        int hrLsb = hr & 0x7F;
        int sat = Math.min(spo2, 127);
        int[] f = new int[FRAMES + 1];
        f[1] = hrMsb; f[2] = hrLsb; f[3] = sat; f[4] = firmwareRevision & 0xFF;
        f[6] = (timer >> 7) & 0x7F; f[7] = timer & 0x7F; f[8] = stat2 & 0xFF;
        f[9] = sat; f[10] = sat; f[11] = sat;
        f[14] = hrMsb; f[15] = hrLsb; f[16] = sat; f[17] = sat;
        f[20] = hrMsb; f[21] = hrLsb; f[22] = hrMsb; f[23] = hrLsb;
        return f;
    }
}
