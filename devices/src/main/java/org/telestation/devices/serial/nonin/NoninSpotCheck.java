package org.telestation.devices.serial.nonin;

import java.time.LocalDateTime;
import java.util.EnumSet;

import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.OximetryFrame;
import org.telestation.devices.serial.OximetryReading;

/**
 * One Nonin Data Format 13 SmartPoint spot-check packet (standards.md §2.1).
 *
 * @param time       the device's time stamp (its local clock)
 * @param statusMsb  b1 SPA (high-quality SmartPoint), b0 NOMS (no measurement)
 * @param statusLsb  b4 MEM (sent from memory), b0 LOW BAT
 */
public record NoninSpotCheck(LocalDateTime time, int statusMsb, int statusLsb, int pulseRate, int spo2)
        implements OximetryFrame {

    public boolean smartPoint() { return (statusMsb & NoninStatus.DF13_SMARTPOINT) != 0; }
    public boolean noMeasurement() { return (statusMsb & NoninStatus.DF13_NO_MEASUREMENT) != 0; }
    public boolean fromMemory() { return (statusLsb & NoninStatus.DF13_FROM_MEMORY) != 0; }
    public boolean lowBattery() { return (statusLsb & NoninStatus.DF13_LOW_BATTERY) != 0; }

    @Override
    public OximetryReading reading() {
        EnumSet<StatusFlag> flags = EnumSet.noneOf(StatusFlag.class);
        if (lowBattery()) flags.add(StatusFlag.LOW_BATTERY);
        double pr;
        double sat;
        if (noMeasurement()) {
            flags.add(StatusFlag.NO_MEASUREMENT);
            pr = Double.NaN;
            sat = Double.NaN;
        } else {
            pr = OximetryReading.value(pulseRate, NoninStatus.MISSING_PULSE_RATE, NoninStatus.MAX_PULSE_RATE, flags);
            sat = OximetryReading.value(spo2, NoninStatus.MISSING_SPO2, NoninStatus.MAX_SPO2, flags);
        }
        return new OximetryReading(sat, pr, Double.NaN, time, flags);
    }
}
