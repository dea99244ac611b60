package org.telestation.devices.ble.sim;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.telestation.devices.ble.gatt.BatteryLevel;
import org.telestation.devices.ble.gatt.GattDateTime;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;

/**
 * A simulated BLE health sensor: it produces the exact characteristic bytes a real one sends, cycle by cycle, and
 * applies the configured {@link BleFault}. Every sensor also has a Battery Service (Battery Level 0x2A19).
 * Deterministic for a given seed and clock. Not thread-safe: drive it from one thread.
 */
public abstract class BleSensorSimulator {
    protected final SplittableRandom random;
    protected final Clock clock;
    private final String address;
    private final String localName;
    private BleFault fault = BleFault.NONE;
    private int batteryPercent = 87;

    protected BleSensorSimulator(String address, String localName, long seed, Clock clock) {
        this.address = Objects.requireNonNull(address, "address");
        this.localName = Objects.requireNonNull(localName, "localName");
        this.random = new SplittableRandom(seed);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String address() {
        return address;
    }

    public String localName() {
        return localName;
    }

    public abstract HealthService service();

    /** The characteristics of {@link #service()} this sensor offers. */
    public abstract List<HealthCharacteristic> characteristics();

    public BleFault fault() {
        return fault;
    }

    public void setFault(BleFault fault) {
        this.fault = Objects.requireNonNull(fault, "fault");
        if (fault == BleFault.LOW_BATTERY) batteryPercent = 5;
    }

    public int batteryPercent() {
        return batteryPercent;
    }

    /** The value of a readable characteristic. */
    public byte[] read(HealthCharacteristic characteristic) {
        if (characteristic == HealthCharacteristic.BATTERY_LEVEL) return new BatteryLevel(batteryPercent).encode();
        return readValue(characteristic);
    }

    protected abstract byte[] readValue(HealthCharacteristic characteristic);

    /** A client write (control points); returns what the sensor sends in answer, in order. */
    public List<SimEvent> write(HealthCharacteristic characteristic, byte[] value) {
        throw new UnsupportedOperationException(characteristic + " is not writable on " + localName);
    }

    /** One measurement cycle: what the sensor sends, with the configured fault applied. */
    public final List<SimEvent> nextCycle() {
        List<SimEvent> events = new ArrayList<>();
        if (fault == BleFault.DISCONNECT) {
            events.add(new SimEvent.PowerOff());
            events.add(new SimEvent.PowerOn());
        }
        for (SimEvent.Value v : measurementCycle()) events.add(applyTransportFault(v));
        if (fault == BleFault.LOW_BATTERY) {
            events.add(new SimEvent.Value(HealthCharacteristic.BATTERY_LEVEL, new BatteryLevel(batteryPercent).encode()));
        }
        return events;
    }

    /** The values of one cycle before transport faults; readings honour NO_MEASUREMENT and OUT_OF_RANGE. */
    protected abstract List<SimEvent.Value> measurementCycle();

    private SimEvent.Value applyTransportFault(SimEvent.Value v) {
        return switch (fault) {
            case GARBAGE -> {
                byte[] junk = new byte[1 + random.nextInt(20)];
                random.nextBytes(junk);
                yield new SimEvent.Value(v.characteristic(), junk);
            }
            case TRUNCATED -> new SimEvent.Value(v.characteristic(),
                    Arrays.copyOf(v.bytes(), random.nextInt(Math.max(1, v.bytes().length))));
            default -> v;
        };
    }

    protected GattDateTime now() {
        return GattDateTime.of(LocalDateTime.now(clock));
    }

    /** A normally distributed value rounded to {@code decimals}. */
    protected BigDecimal gaussian(double mean, double sd, int decimals) {
        double v = mean + sd * nextGaussian();
        return BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN);
    }

    private double nextGaussian() {
        // Box–Muller: SplittableRandom has no nextGaussian on Java 17
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
