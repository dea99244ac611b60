package org.telestation.devices.serial.contec;

import java.util.Arrays;
import java.util.EnumSet;

import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.OximetryFrame;
import org.telestation.devices.serial.OximetryReading;

/**
 * One Contec protocol V7.0 packet (standards.md §2.2) after high-bit reconstruction: {@code data[i]} is packet byte
 * {@code i + 2} with its bit 7 restored from the "high-bit byte". Real-time packets (type 0x01) expose their fields.
 */
public record ContecV7Packet(int type, int[] data) implements OximetryFrame {

    public static final int TYPE_REALTIME = 0x01;
    public static final int TYPE_DEVICE_ID = 0x04;
    public static final int TYPE_COMMAND_FEEDBACK = 0x0B;
    public static final int TYPE_DISCONNECT_NOTICE = 0x0D;
    /** Host-to-device command packet. */
    public static final int TYPE_COMMAND = 0x7D;

    public static final int CMD_START_REALTIME = 0xA1;
    public static final int CMD_STOP_REALTIME = 0xA2;
    public static final int CMD_ASK_DEVICE_ID = 0xAA;
    public static final int CMD_KEEP_ALIVE = 0xAF;

    public static final int FEEDBACK_OK = 0x00;
    public static final int FEEDBACK_NOT_SUPPORTED = 0x05;

    static final int INVALID_PULSE_RATE = 0xFF;
    static final int INVALID_SPO2 = 0x7F;
    static final int INVALID_PI = 0xFFFF;
    static final int MAX_PULSE_RATE = 254;
    static final int MAX_SPO2 = 100;

    public ContecV7Packet {
        data = data.clone();
    }

    @Override
    public int[] data() {
        return data.clone();
    }

    public boolean realtime() { return type == TYPE_REALTIME && data.length >= 7; }
    public int signalStrength() { return data[0] & 0x0F; }
    public boolean searchingTooLong() { return (data[0] & 0x10) != 0; }
    public boolean spo2Dropping() { return (data[0] & 0x20) != 0; }
    public boolean pulseBeep() { return (data[0] & 0x40) != 0; }
    public boolean probeError() { return (data[0] & 0x80) != 0; }
    public int pleth() { return data[1] & 0x7F; }
    public boolean searchingForPulse() { return (data[1] & 0x80) != 0; }
    public int barGraph() { return data[2] & 0x0F; }
    public boolean perfusionIndexInvalid() { return (data[2] & 0x10) != 0; }
    public int pulseRate() { return data[3]; }
    public int spo2() { return data[4]; }
    /** Perfusion index in hundredths of a percent, 0xFFFF when invalid. */
    public int perfusionIndexRaw() { return data[5] | (data[6] << 8); }

    /** The command byte of a host command packet (type 0x7D), else -1. */
    public int command() {
        return type == TYPE_COMMAND && data.length > 0 ? data[0] : -1;
    }

    @Override
    public OximetryReading reading() {
        if (!realtime()) {
            return null;
        }
        EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if (probeError()) flags.add(StatusFlag.SENSOR_DISCONNECTED);
        if (searchingTooLong() || searchingForPulse()) flags.add(StatusFlag.SEARCHING);
        double pr = OximetryReading.value(pulseRate(), INVALID_PULSE_RATE, MAX_PULSE_RATE, flags);
        double sat = OximetryReading.value(spo2(), INVALID_SPO2, MAX_SPO2, flags);
        double pi = perfusionIndexInvalid() || perfusionIndexRaw() == INVALID_PI ? Double.NaN
                : perfusionIndexRaw() / 100.0;
        return new OximetryReading(sat, pr, pi, null, flags);
    }

    @Override
    public short[] plethSamples() {
        return realtime() ? new short[] {(short) pleth()} : NO_SAMPLES;
    }

    /** The bytes on the wire: type, high-bit byte, then the data bytes with bit 7 forced to 1. */
    public byte[] encode() {
        byte[] out = new byte[data.length + 2];
        int hi = 0x80;
        for (int i = 0; i < data.length; i++) {
            hi |= ((data[i] >> 7) & 1) << i;
            out[i + 2] = (byte) (data[i] | 0x80);
        }
        out[0] = (byte) (type & 0x7F);
        out[1] = (byte) hi;
        return out;
    }

    /** A host command packet: type 0x7D, 9 bytes, unused bytes 0. */
    public static ContecV7Packet command(int command) {
        int[] d = new int[7];
        d[0] = command;
        return new ContecV7Packet(TYPE_COMMAND, d);
    }

    /** A real-time packet (type 0x01) for the given fields. */
    public static ContecV7Packet realtime(int statusByte, int pleth, int barAndPiInvalid, int pulseRate, int spo2,
                                         int perfusionIndexRaw) {
        return new ContecV7Packet(TYPE_REALTIME, new int[] {statusByte & 0xFF, pleth & 0xFF, barAndPiInvalid & 0xFF,
                pulseRate & 0xFF, spo2 & 0xFF, perfusionIndexRaw & 0xFF, (perfusionIndexRaw >> 8) & 0xFF});
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContecV7Packet p && p.type == type && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ContecV7Packet[type=%02X, data=%s]", type, Arrays.toString(data));
    }
}
