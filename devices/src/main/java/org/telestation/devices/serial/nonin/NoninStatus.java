package org.telestation.devices.serial.nonin;

import java.util.Set;

import org.telestation.devices.model.StatusFlag;

/**
 * Status bits of the Nonin formats (standards.md §2.1) and how they map to {@link StatusFlag}s.
 * Nonin has no exact model equivalent for two of them: "out of track" (the oximeter lost the pulse and is
 * looking for it again) maps to {@link StatusFlag#SEARCHING}; "marginal perfusion" (yellow) maps to
 * {@link StatusFlag#LOW_SIGNAL_QUALITY} so that it stays distinct from low perfusion (red).
 */
public final class NoninStatus {

    /** Bit 7 of every status byte is 1: it is how frames are found. */
    public static final int ALWAYS_SET = 0x80;

    // DF2/DF7 frame STATUS byte
    public static final int DF2_ARTIFACT = 0x20;
    public static final int DF2_OUT_OF_TRACK = 0x10;
    public static final int DF2_SENSOR_ALARM = 0x08;
    public static final int DF2_RED_PERFUSION = 0x04;
    public static final int DF2_GREEN_PERFUSION = 0x02;
    public static final int DF2_SYNC = 0x01;

    // DF8 STATUS byte
    public static final int DF8_OUT_OF_TRACK = 0x20;
    public static final int DF8_LOW_PERFUSION = 0x10;
    public static final int DF8_MARGINAL_PERFUSION = 0x08;
    public static final int DF8_ARTIFACT = 0x04;
    public static final int DF8_HR8 = 0x02;
    public static final int DF8_HR7 = 0x01;

    // STAT2 (DF2/DF7 frame 8, DF8 byte 4)
    public static final int STAT2_SMARTPOINT = 0x20;
    public static final int STAT2_SENSOR_ALARM = 0x08;
    public static final int STAT2_LOW_BATTERY = 0x01;

    // DF13 status
    public static final int DF13_SMARTPOINT = 0x02;   // MSB
    public static final int DF13_NO_MEASUREMENT = 0x01; // MSB
    public static final int DF13_FROM_MEMORY = 0x10;   // LSB
    public static final int DF13_LOW_BATTERY = 0x01;   // LSB

    /** Sentinels for "no data". */
    public static final int MISSING_PULSE_RATE = 511;
    public static final int MISSING_SPO2 = 127;
    /** Highest values a Nonin reports as measured (beyond: flagged {@link StatusFlag#OUT_OF_RANGE}). */
    public static final int MAX_PULSE_RATE = 321;
    public static final int MAX_SPO2 = 100;

    private NoninStatus() {
    }

    /** Adds the flags of a DF2/DF7 frame STATUS byte. */
    public static void addDf2Flags(int status, Set<StatusFlag> flags) {
        if ((status & DF2_ARTIFACT) != 0) flags.add(StatusFlag.ARTIFACT);
        if ((status & DF2_OUT_OF_TRACK) != 0) flags.add(StatusFlag.SEARCHING);
        if ((status & DF2_SENSOR_ALARM) != 0) flags.add(StatusFlag.SENSOR_DISCONNECTED);
        boolean red = (status & DF2_RED_PERFUSION) != 0;
        boolean green = (status & DF2_GREEN_PERFUSION) != 0;
        if (red && green) flags.add(StatusFlag.LOW_SIGNAL_QUALITY);
        else if (red) flags.add(StatusFlag.LOW_PERFUSION);
    }

    /** Adds the flags of a DF8 STATUS byte. */
    public static void addDf8Flags(int status, Set<StatusFlag> flags) {
        if ((status & DF8_OUT_OF_TRACK) != 0) flags.add(StatusFlag.SEARCHING);
        if ((status & DF8_LOW_PERFUSION) != 0) flags.add(StatusFlag.LOW_PERFUSION);
        if ((status & DF8_MARGINAL_PERFUSION) != 0) flags.add(StatusFlag.LOW_SIGNAL_QUALITY);
        if ((status & DF8_ARTIFACT) != 0) flags.add(StatusFlag.ARTIFACT);
    }

    /** Adds the flags of a STAT2 byte. */
    public static void addStat2Flags(int stat2, Set<StatusFlag> flags) {
        if ((stat2 & STAT2_SENSOR_ALARM) != 0) flags.add(StatusFlag.SENSOR_DISCONNECTED);
        if ((stat2 & STAT2_LOW_BATTERY) != 0) flags.add(StatusFlag.LOW_BATTERY);
    }

    /** 9-bit pulse rate from the two bytes that carry it: ((msb &amp; 3) &lt;&lt; 7) | (lsb &amp; 0x7F). */
    public static int pulseRate(int msb, int lsb) {
        return ((msb & 0x03) << 7) | (lsb & 0x7F);
    }
}
