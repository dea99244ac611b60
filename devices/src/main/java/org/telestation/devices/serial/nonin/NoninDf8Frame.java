package org.telestation.devices.serial.nonin;

import java.util.EnumSet;

import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.OximetryFrame;
import org.telestation.devices.serial.OximetryReading;

/** One Nonin Data Format 8 frame: STATUS, HR bits 6..0, SpO2, STAT2 (standards.md §2.1). */
public record NoninDf8Frame(int status, int pulseRate, int spo2, int stat2) implements OximetryFrame {

    public boolean outOfTrack() { return (status & NoninStatus.DF8_OUT_OF_TRACK) != 0; }
    public boolean lowPerfusion() { return (status & NoninStatus.DF8_LOW_PERFUSION) != 0; }
    public boolean marginalPerfusion() { return (status & NoninStatus.DF8_MARGINAL_PERFUSION) != 0; }
    public boolean artifact() { return (status & NoninStatus.DF8_ARTIFACT) != 0; }
    public boolean smartPoint() { return (stat2 & NoninStatus.STAT2_SMARTPOINT) != 0; }
    public boolean sensorAlarm() { return (stat2 & NoninStatus.STAT2_SENSOR_ALARM) != 0; }
    public boolean lowBattery() { return (stat2 & NoninStatus.STAT2_LOW_BATTERY) != 0; }

    @Override
    public OximetryReading reading() {
        EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        NoninStatus.addDf8Flags(status, flags);
        NoninStatus.addStat2Flags(stat2, flags);
        double pr = OximetryReading.value(pulseRate, NoninStatus.MISSING_PULSE_RATE, NoninStatus.MAX_PULSE_RATE, flags);
        double sat = OximetryReading.value(spo2, NoninStatus.MISSING_SPO2, NoninStatus.MAX_SPO2, flags);
        return new OximetryReading(sat, pr, Double.NaN, null, flags);
    }

    /** The 4 bytes on the wire. HR above 511 and SpO2 above 127 do not fit and are clipped to the sentinels. */
    public static byte[] encode(int status, int pulseRate, int spo2, int stat2) {
        int hr = Math.min(pulseRate, NoninStatus.MISSING_PULSE_RATE);
        int statusByte = NoninStatus.ALWAYS_SET | (status & 0x3C) | ((hr >> 7) & 0x03);
        return new byte[] {(byte) statusByte, (byte) (hr & 0x7F), (byte) (Math.min(spo2, 127) & 0x7F),
                (byte) (stat2 & 0x7F)};
    }
}
