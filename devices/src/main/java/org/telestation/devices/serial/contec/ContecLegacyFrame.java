package org.telestation.devices.serial.contec;

import java.util.EnumSet;

import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.OximetryFrame;
import org.telestation.devices.serial.OximetryReading;

/**
 * One live packet of the legacy CMS50D+ protocol (firmware ≤ 4.5, standards.md §2.2): 5 bytes, bit 7 set only on
 * the first. The protocol has no "invalid" sentinels in our source; with the finger out the values are meaningless,
 * so they are reported as missing.
 */
public record ContecLegacyFrame(int b0, int b1, int b2, int b3, int b4) implements OximetryFrame {

    static final int MAX_SPO2 = 100;
    static final int MISSING_SPO2 = 127;
    static final int MISSING_PULSE_RATE = 255;

    public int signalStrength() { return b0 & 0x0F; }
    public boolean fingerOut() { return (b0 & 0x10) != 0; }
    public boolean spo2Dropping() { return (b0 & 0x20) != 0; }
    public boolean beep() { return (b0 & 0x40) != 0; }
    public int pleth() { return b1 & 0x7F; }
    public int barGraph() { return b2 & 0x0F; }
    public boolean probeError() { return (b2 & 0x10) != 0; }
    public boolean searching() { return (b2 & 0x20) != 0; }
    public int pulseRate() { return ((b2 & 0x40) << 1) | (b3 & 0x7F); }
    public int spo2() { return b4 & 0x7F; }

    @Override
    public OximetryReading reading() {
        EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if (probeError()) flags.add(StatusFlag.SENSOR_MALFUNCTION);
        if (searching()) flags.add(StatusFlag.SEARCHING);
        if (fingerOut()) {
            flags.add(StatusFlag.SENSOR_DISCONNECTED);
            flags.add(StatusFlag.NO_MEASUREMENT);
            return new OximetryReading(Double.NaN, Double.NaN, Double.NaN, null, flags);
        }
        double pr = OximetryReading.value(pulseRate(), MISSING_PULSE_RATE, Integer.MAX_VALUE, flags);
        double sat = OximetryReading.value(spo2(), MISSING_SPO2, MAX_SPO2, flags);
        return new OximetryReading(sat, pr, Double.NaN, null, flags);
    }

    @Override
    public short[] plethSamples() {
        return new short[] {(short) pleth()};
    }

    /** The 5 bytes on the wire. */
    public byte[] encode() {
        return new byte[] {(byte) (0x80 | b0), (byte) (b1 & 0x7F), (byte) (b2 & 0x7F), (byte) (b3 & 0x7F),
                (byte) (b4 & 0x7F)};
    }

    /** A live packet from its fields. */
    public static ContecLegacyFrame of(int signal, boolean fingerOut, int pleth, int bar, boolean probeError,
                                       boolean searching, int pulseRate, int spo2) {
        int b0 = (signal & 0x0F) | (fingerOut ? 0x10 : 0);
        int b2 = (bar & 0x0F) | (probeError ? 0x10 : 0) | (searching ? 0x20 : 0) | ((pulseRate >> 1) & 0x40);
        return new ContecLegacyFrame(b0, pleth & 0x7F, b2, pulseRate & 0x7F, spo2 & 0x7F);
    }
}
