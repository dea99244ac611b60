package org.telestation.devices.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One blood-pressure reading: systolic, diastolic and (when the cuff reports it) mean arterial pressure taken
 * together. A cuff gives the three as one compound value (BLE 0x2A35, MDC 150020); keeping them together lets the
 * FHIR mapping emit the 85354-9 panel with components instead of three unrelated observations.
 *
 * @param systolicMmHg  systolic pressure in mm[Hg]
 * @param diastolicMmHg diastolic pressure in mm[Hg]
 * @param meanMmHg      mean arterial pressure in mm[Hg], NaN when the device did not report it
 * @param deviceTime    the time the cuff stamped on the reading, or null
 * @param receiptTime   when the station received it (station clock)
 * @param device        the cuff
 * @param flags         conditions reported with the reading (cuff loose, body movement, irregular pulse…)
 */
public record BloodPressure(double systolicMmHg, double diastolicMmHg, double meanMmHg, Instant deviceTime,
                            Instant receiptTime, DeviceIdentity device, Set<StatusFlag> flags) {
    public BloodPressure {
        Objects.requireNonNull(receiptTime, "receiptTime");
        Objects.requireNonNull(device, "device");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(flags);
    }

    public boolean hasMean() {
        return !Double.isNaN(meanMmHg);
    }

    /** The best time for the reading: the device's own stamp when it gave one. */
    public Instant effectiveTime() {
        return deviceTime != null ? deviceTime : receiptTime;
    }

    /** The reading as separate spot values, for consumers that only know {@link Measurement}. */
    public List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>(3);
        out.add(new Measurement(VitalSign.SYSTOLIC_PRESSURE, systolicMmHg, deviceTime, receiptTime, device, flags));
        out.add(new Measurement(VitalSign.DIASTOLIC_PRESSURE, diastolicMmHg, deviceTime, receiptTime, device, flags));
        if (hasMean()) {
            out.add(new Measurement(VitalSign.MEAN_ARTERIAL_PRESSURE, meanMmHg, deviceTime, receiptTime, device, flags));
        }
        return out;
    }

    /**
     * Groups spot values back into a reading. Needs a systolic and a diastolic value from the same device with the
     * same effective time; a mean is taken when present. Flags are the union of the parts' flags.
     *
     * @throws IllegalArgumentException when the parts do not form one reading
     */
    public static BloodPressure of(List<Measurement> parts) {
        Measurement sys = null, dia = null, mean = null;
        for (Measurement m : parts) {
            switch (m.sign()) {
                case SYSTOLIC_PRESSURE -> sys = m;
                case DIASTOLIC_PRESSURE -> dia = m;
                case MEAN_ARTERIAL_PRESSURE -> mean = m;
                default -> throw new IllegalArgumentException("not a blood-pressure component: " + m.sign());
            }
        }
        if (sys == null || dia == null) throw new IllegalArgumentException("a reading needs systolic and diastolic");
        for (Measurement m : parts) {
            if (!m.device().equals(sys.device()) || !m.effectiveTime().equals(sys.effectiveTime())) {
                throw new IllegalArgumentException("parts come from different readings");
            }
        }
        java.util.EnumSet<StatusFlag> flags = java.util.EnumSet.noneOf(StatusFlag.class);
        parts.forEach(m -> flags.addAll(m.flags()));
        return new BloodPressure(sys.value(), dia.value(), mean != null ? mean.value() : Double.NaN,
                sys.deviceTime(), sys.receiptTime(), sys.device(), flags);
    }
}
