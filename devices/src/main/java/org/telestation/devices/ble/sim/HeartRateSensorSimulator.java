package org.telestation.devices.ble.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.HeartRateMeasurement;
import org.telestation.devices.ble.gatt.HeartRateMeasurement.SensorContact;

/**
 * A chest-strap heart-rate sensor on the Heart Rate Service 0x180D. A cycle is one second: one Heart Rate
 * Measurement notification with the beats' RR intervals (1/1024 s) and, every tenth, the energy expended.
 */
public final class HeartRateSensorSimulator extends BleSensorSimulator {
    private int cycle;
    private double energyKj;

    public HeartRateSensorSimulator(String address, long seed, Clock clock) {
        super(address, "TS-HR-" + address.substring(address.length() - 2), seed, clock);
    }

    public static void main(String[] args) {
        System.exit(SimulatorCli.run(args, HeartRateSensorSimulator.class.getName(), Set.of(),
                (seed, clock, o) -> new HeartRateSensorSimulator("AA:BB:CC:00:00:04", seed, clock), System.out));
    }

    @Override
    public HealthService service() {
        return HealthService.HEART_RATE;
    }

    @Override
    public List<HealthCharacteristic> characteristics() {
        return List.of(HealthCharacteristic.HEART_RATE_MEASUREMENT);
    }

    @Override
    protected byte[] readValue(HealthCharacteristic characteristic) {
        throw new UnsupportedOperationException(characteristic + " is not readable");
    }

    @Override
    protected List<SimEvent.Value> measurementCycle() {
        cycle++;
        HeartRateMeasurement m = switch (fault()) {
            // A strap off the skin: contact not detected, no beats
            case NO_MEASUREMENT -> new HeartRateMeasurement(0, false, SensorContact.NOT_DETECTED, null, List.of());
            case OUT_OF_RANGE -> new HeartRateMeasurement(300, true, SensorContact.DETECTED, null, List.of(205));
            default -> {
                int hr = gaussian(72, 5, 0).intValue();
                List<Integer> rr = new ArrayList<>();
                double beats = hr / 60.0;
                int count = (int) beats + (random.nextDouble() < beats - (int) beats ? 1 : 0);
                for (int i = 0; i < Math.max(1, count); i++) {
                    rr.add((int) Math.round(60.0 / gaussian(hr, 2, 1).doubleValue() * 1024));
                }
                energyKj += hr * 0.0105; // ~0.63 kJ/min per bpm: a rough adult estimate
                yield new HeartRateMeasurement(hr, false, SensorContact.DETECTED,
                        cycle % 10 == 0 ? (int) energyKj : null, rr);
            }
        };
        return List.of(new SimEvent.Value(HealthCharacteristic.HEART_RATE_MEASUREMENT, m.encode()));
    }
}
