package org.telestation.station.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.sim.BleSensorSimulator;
import org.telestation.devices.ble.sim.SimEvent;
import org.telestation.devices.ble.transport.BleException;
import org.telestation.devices.ble.transport.BleLink;
import org.telestation.devices.ble.transport.BleTransport;
import org.telestation.devices.ble.transport.DiscoveredDevice;

/**
 * A {@link BleTransport} inside the agent for demo mode on a machine without BlueZ: the byte-exact BLE sensor
 * simulators of the {@code devices} module stand in for the radio. Every value still goes through
 * {@code BleHealthDevice}, its GATT parsers and the model mapping; only D-Bus and the adapter are left out (the real
 * transport is tested against a fake BlueZ on a private dbus-daemon in the {@code devices} module). Each sensor runs
 * a measurement cycle every {@code period}, the first one after {@code firstCycle}; values of characteristics the
 * client did not subscribe to are dropped, as a real sensor's notifications would be.
 */
public final class SimulatedBleTransport implements BleTransport {
    private final BleSensorSimulator sensor;
    private final Duration firstCycle;
    private final Duration period;
    private final ScheduledExecutorService timer;

    public SimulatedBleTransport(BleSensorSimulator sensor, Duration firstCycle, Duration period) {
        this.sensor = sensor;
        this.firstCycle = firstCycle;
        this.period = period;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulated-ble " + sensor.localName());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<DiscoveredDevice> scan(Set<HealthService> services, Duration timeout) {
        return services.contains(sensor.service())
                ? List.of(new DiscoveredDevice(sensor.address(), sensor.localName(),
                EnumSet.of(sensor.service(), HealthService.BATTERY), true))
                : List.of();
    }

    @Override
    public BleLink open(String address, BleLink.Listener listener) throws BleException {
        if (!sensor.address().equalsIgnoreCase(address)) throw new BleException("device " + address + " unknown");
        Link link = new Link(listener);
        timer.scheduleAtFixedRate(link::cycle, firstCycle.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return link;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Link implements BleLink {
        private final BleLink.Listener listener;
        private final Set<HealthCharacteristic> subscribed = ConcurrentHashMap.newKeySet();
        private volatile boolean connected = true;
        private volatile boolean closed;

        Link(BleLink.Listener listener) {
            this.listener = listener;
        }

        /** One sensor cycle, delivered in order on the timer thread (the listener's single thread). */
        void cycle() {
            if (closed) return;
            List<SimEvent> events;
            synchronized (sensor) {
                events = sensor.nextCycle();
            }
            deliver(events);
        }

        private void deliver(List<SimEvent> events) {
            for (SimEvent e : events) {
                if (closed) return;
                if (e instanceof SimEvent.Value v) {
                    if (connected && subscribed.contains(v.characteristic())) {
                        listener.onValue(v.characteristic(), v.bytes().clone());
                    }
                } else {
                    connected = e instanceof SimEvent.PowerOn;
                    listener.onConnectionChanged(connected);
                }
            }
        }

        @Override
        public String address() {
            return sensor.address();
        }

        @Override
        public boolean isConnected() {
            return connected;
        }

        @Override
        public boolean isBonded() {
            return true;
        }

        @Override
        public void bond() {
        }

        @Override
        public void subscribe(HealthCharacteristic characteristic) throws BleException {
            if (characteristic != HealthCharacteristic.BATTERY_LEVEL
                    && !sensor.characteristics().contains(characteristic)) {
                throw new BleException(characteristic + " not offered by " + sensor.localName());
            }
            subscribed.add(characteristic);
        }

        @Override
        public byte[] read(HealthCharacteristic characteristic) throws BleException {
            synchronized (sensor) {
                try {
                    return sensor.read(characteristic);
                } catch (RuntimeException e) {
                    throw new BleException(characteristic + " not readable: " + e.getMessage(), e);
                }
            }
        }

        @Override
        public void write(HealthCharacteristic characteristic, byte[] value) throws BleException {
            List<SimEvent> answer;
            synchronized (sensor) {
                try {
                    answer = new ArrayList<>(sensor.write(characteristic, value));
                } catch (RuntimeException e) {
                    throw new BleException(characteristic + " not writable: " + e.getMessage(), e);
                }
            }
            timer.execute(() -> deliver(answer)); // answers come after the write returns, as over the air
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
