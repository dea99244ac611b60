package org.telestation.devices.serial;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;

/**
 * The spot values one oximeter frame carries, already checked and translated from the protocol's sentinels:
 * a value the device marked as missing is NaN (and {@link StatusFlag#NO_MEASUREMENT} is set).
 *
 * @param spo2             SpO2 in %, or NaN
 * @param pulseRate        pulse rate in /min, or NaN
 * @param perfusionIndex   perfusion index in %, or NaN when the protocol has none or it is invalid
 * @param deviceLocalTime  the device's own time stamp (its local wall clock), or null
 * @param flags            conditions the device reported
 */
public record OximetryReading(double spo2, double pulseRate, double perfusionIndex, LocalDateTime deviceLocalTime,
                              Set<StatusFlag> flags) {

    public OximetryReading {
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** One {@link Measurement} per value the protocol carries (SpO2, pulse rate, and PI when present). */
    public List<Measurement> toMeasurements(DeviceIdentity device, Instant receiptTime, ZoneId deviceZone) {
        Instant deviceTime = deviceLocalTime == null ? null : deviceLocalTime.atZone(deviceZone).toInstant();
        List<Measurement> out = new ArrayList<>(3);
        out.add(new Measurement(VitalSign.OXYGEN_SATURATION, spo2, deviceTime, receiptTime, device, flags));
        out.add(new Measurement(VitalSign.PULSE_RATE, pulseRate, deviceTime, receiptTime, device, flags));
        if (!Double.isNaN(perfusionIndex)) {
            out.add(new Measurement(VitalSign.PERFUSION_INDEX, perfusionIndex, deviceTime, receiptTime, device, flags));
        }
        return out;
    }

    /** Same values and flags, ignoring the time stamp: used to emit a reading only when it changes. */
    public boolean sameValues(OximetryReading other) {
        return other != null && Double.compare(spo2, other.spo2) == 0 && Double.compare(pulseRate, other.pulseRate) == 0
                && Double.compare(perfusionIndex, other.perfusionIndex) == 0 && flags.equals(other.flags);
    }

    /**
     * Builds the value of one field: NaN when the device sent its "missing" sentinel, and the flags updated for
     * missing values and values outside the range the device can measure.
     */
    public static double value(int raw, int missingSentinel, int maxValid, Set<StatusFlag> flags) {
        if (raw == missingSentinel) {
            flags.add(StatusFlag.NO_MEASUREMENT);
            return Double.NaN;
        }
        if (raw > maxValid) {
            flags.add(StatusFlag.OUT_OF_RANGE);
        }
        return raw;
    }
}
