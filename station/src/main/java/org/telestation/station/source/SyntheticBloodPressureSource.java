package org.telestation.station.source;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.VitalSign;

/**
 * A blood-pressure cuff made up in software for the demo and the end-to-end tests: a reading (systolic, diastolic,
 * mean, pulse) shortly after start and then every {@link #PERIOD_S} seconds, as a cuff the nurse inflates would
 * give. The real cuffs are the BLE and serial sources of the device branches.
 */
public final class SyntheticBloodPressureSource extends SyntheticSource {
    static final int PERIOD_S = 20;

    private int readings;

    public SyntheticBloodPressureSource(String address, Clock clock) {
        super(new DeviceIdentity(DeviceKind.BLOOD_PRESSURE_MONITOR, "Telestation", "Synthetic BP cuff",
                "SIM-BP-" + Math.abs(address.hashCode() % 10000), address), clock, "synthetic-bp-cuff", 64, 500,
                PERIOD_S * 1000L);
    }

    @Override
    void tick(DeviceSink sink) {
        Instant now = clock.instant();
        int sys = 124 + (readings % 3) * 3;
        int dia = 80 + (readings % 2) * 2;
        readings++;
        sink.measurement(new Measurement(VitalSign.SYSTOLIC_PRESSURE, sys, now, now, identity, Set.of()));
        sink.measurement(new Measurement(VitalSign.DIASTOLIC_PRESSURE, dia, now, now, identity, Set.of()));
        sink.measurement(new Measurement(VitalSign.MEAN_ARTERIAL_PRESSURE, Math.round((sys + 2.0 * dia) / 3), now,
                now, identity, Set.of()));
        sink.measurement(new Measurement(VitalSign.PULSE_RATE, 74, now, now, identity, Set.of()));
    }
}
