package org.telestation.devices.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One spot value, always in the canonical UCUM unit of its {@link VitalSign}.
 *
 * @param sign        what was measured
 * @param value       the value, in {@code sign.ucum()}; NaN when the device said "no measurement"
 * @param deviceTime  the time the device stamped on the value, or null when it gave none
 * @param receiptTime when the station received it (station clock)
 * @param device      who measured it
 * @param flags       conditions reported with it
 */
public record Measurement(VitalSign sign, double value, Instant deviceTime, Instant receiptTime,
                          DeviceIdentity device, Set<StatusFlag> flags) {
    public Measurement {
        Objects.requireNonNull(sign, "sign");
        Objects.requireNonNull(receiptTime, "receiptTime");
        Objects.requireNonNull(device, "device");
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    public String unit() {
        return sign.ucum();
    }

    public boolean hasValue() {
        return !Double.isNaN(value);
    }

    /** The best time for the value: the device's own stamp when it gave one. */
    public Instant effectiveTime() {
        return deviceTime != null ? deviceTime : receiptTime;
    }
}
