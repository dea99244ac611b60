package org.telestation.devices.serial.masimo;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Map;

import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.OximetryFrame;
import org.telestation.devices.serial.OximetryReading;

/**
 * One Masimo Rad-8 / Radical-7 ASCII output line (standards.md §2.3).
 *
 * @param time          the device's date and time (its local clock)
 * @param serialNumber  SN=…, or null (older firmware does not send it)
 * @param spo2          SPO2 in %, NaN when the device sent dashes
 * @param pulseRate     BPM (or PR in trend prints), NaN when dashes
 * @param perfusionIndex PI in %, NaN when dashes or absent
 * @param alarm         ALARM as a hex bit field (its bits are not documented in our sources)
 * @param exceptions    EXC as a hex bit field, see the EXC_ constants
 * @param fields        every KEY=VALUE token of the line as sent, for the fields we do not interpret (SPCO, PVI…)
 */
public record MasimoRecord(LocalDateTime time, String serialNumber, double spo2, double pulseRate,
                           double perfusionIndex, int alarm, int exceptions, Map<String, String> fields)
        implements OximetryFrame {

    public static final int EXC_NO_SENSOR = 0x001;
    public static final int EXC_DEFECTIVE_SENSOR = 0x002;
    public static final int EXC_LOW_PERFUSION = 0x004;
    public static final int EXC_PULSE_SEARCH = 0x008;
    public static final int EXC_INTERFERENCE = 0x010;
    public static final int EXC_SENSOR_OFF = 0x020;
    public static final int EXC_AMBIENT_LIGHT = 0x040;
    public static final int EXC_UNRECOGNISED_SENSOR = 0x080;
    public static final int EXC_LOW_SIGNAL_IQ = 0x400;
    public static final int EXC_SET_MODE = 0x800;

    static final int MAX_SPO2 = 100;
    static final int MAX_PULSE_RATE = 240;

    public MasimoRecord {
        fields = Map.copyOf(fields);
    }

    @Override
    public OximetryReading reading() {
        EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if ((exceptions & (EXC_NO_SENSOR | EXC_SENSOR_OFF)) != 0) flags.add(StatusFlag.SENSOR_DISCONNECTED);
        if ((exceptions & (EXC_DEFECTIVE_SENSOR | EXC_UNRECOGNISED_SENSOR)) != 0) flags.add(StatusFlag.SENSOR_MALFUNCTION);
        if ((exceptions & EXC_LOW_PERFUSION) != 0) flags.add(StatusFlag.LOW_PERFUSION);
        if ((exceptions & EXC_PULSE_SEARCH) != 0) flags.add(StatusFlag.SEARCHING);
        if ((exceptions & (EXC_INTERFERENCE | EXC_AMBIENT_LIGHT)) != 0) flags.add(StatusFlag.ARTIFACT);
        if ((exceptions & EXC_LOW_SIGNAL_IQ) != 0) flags.add(StatusFlag.LOW_SIGNAL_QUALITY);
        if (Double.isNaN(spo2) || Double.isNaN(pulseRate)) flags.add(StatusFlag.NO_MEASUREMENT);
        if (spo2 > MAX_SPO2 || pulseRate > MAX_PULSE_RATE) flags.add(StatusFlag.OUT_OF_RANGE);
        return new OximetryReading(spo2, pulseRate, perfusionIndex, time, flags);
    }
}
