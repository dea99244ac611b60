package org.telestation.station.source;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.ble.BleHealthDevice;
import org.telestation.devices.ble.gatt.HealthCharacteristic;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.MalformedValueException;
import org.telestation.devices.ble.transport.BleException;
import org.telestation.devices.ble.transport.BleTransport;
import org.telestation.devices.ble.transport.DiscoveredDevice;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.Measurement;

/**
 * A Bluetooth LE health sensor (cuff 0x1810, oximeter 0x1822, thermometer 0x1809, heart rate 0x180D): scans for its
 * service through a {@link BleTransport} (BlueZ, or the in-process {@link SimulatedBleTransport} in demo mode), picks
 * the configured address (or the first sensor found), and reads it through {@link BleHealthDevice} — the GATT parsers
 * and the model mapping of the {@code devices} module. The nurse sees why nothing comes: no Bluetooth on the
 * station, sensor not found (« Brassard non détecté — vérifiez qu'il est allumé et appairé »), out of range.
 */
public final class BleSource implements DeviceSource {
    private static final Logger log = LoggerFactory.getLogger(BleSource.class);
    static final Duration SCAN = Duration.ofSeconds(5);
    static final Duration RETRY = Duration.ofSeconds(10);

    /** Opens (or returns the shared) transport; throws when there is no Bluetooth stack to talk to. */
    @FunctionalInterface
    public interface TransportProvider {
        BleTransport get() throws BleException;
    }

    private final HealthService service;
    private final String address;
    private final TransportProvider transports;
    private final boolean simulated;
    private final Clock clock;
    private final ZoneId deviceZone;
    private final DeviceIdentity identity;
    private volatile boolean closed;
    private volatile Integer battery;
    private Thread thread;
    private BleHealthDevice device;

    /** @param address the sensor's BLE address, or null to take the first sensor of the service that is found */
    public BleSource(HealthService service, String address, TransportProvider transports, boolean simulated,
                     Clock clock, ZoneId deviceZone) {
        this.service = service;
        this.address = address;
        this.transports = transports;
        this.simulated = simulated;
        this.clock = clock;
        this.deviceZone = deviceZone;
        this.identity = new DeviceIdentity(BleHealthDevice.kindOf(service), null, name(service) + (simulated ? " (simulateur)" : ""),
                null, address != null ? address.toUpperCase(java.util.Locale.ROOT) : "ble:" + service.name());
    }


    /** What the nurse calls the sensor, capitalised. */
    static String name(HealthService service) {
        return switch (service) {
            case BLOOD_PRESSURE -> "Brassard";
            case PULSE_OXIMETER -> "Oxymètre";
            case HEALTH_THERMOMETER -> "Thermomètre";
            case HEART_RATE -> "Cardiofréquencemètre";
            case BATTERY -> "Capteur";
        };
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    @Override
    public synchronized void start(DeviceSink sink) {
        if (thread != null) return;
        status(sink, DeviceStatus.State.CONNECTING, "Recherche du " + name(service).toLowerCase(java.util.Locale.ROOT)
                + " Bluetooth…");
        thread = new Thread(() -> connectUntilOpen(sink), "ble " + service);
        thread.setDaemon(true);
        thread.start();
    }

    private void connectUntilOpen(DeviceSink sink) {
        while (!closed) {
            BleTransport transport;
            try {
                transport = transports.get();
            } catch (BleException | RuntimeException e) {
                log.info("BLE {}: no transport: {}", service, e.getMessage());
                status(sink, DeviceStatus.State.ERROR, "Bluetooth indisponible sur cette station — prévenez le "
                        + "support (" + name(service).toLowerCase(java.util.Locale.ROOT) + " non utilisable)");
                transport = null;
            }
            if (transport != null) try {
                List<DiscoveredDevice> found;
                synchronized (transport) { // one scan at a time on a shared adapter
                    found = transport.scan(EnumSet.of(service), SCAN);
                }
                DiscoveredDevice mine = found.stream()
                        .filter(d -> address == null || address.equalsIgnoreCase(d.address())).findFirst().orElse(null);
                if (mine == null) {
                    status(sink, DeviceStatus.State.DISCONNECTED, name(service) + " non détecté — vérifiez qu'il "
                            + "est allumé et appairé");
                } else {
                    BleHealthDevice opened = BleHealthDevice.open(transport, mine, deviceZone, clock, listener(sink));
                    synchronized (this) {
                        if (closed) {
                            opened.close();
                            return;
                        }
                        device = opened;
                    }
                    battery = opened.batteryPercent() >= 0 ? opened.batteryPercent() : null;
                    connected(sink);
                    return; // the link reconnects by itself from now on
                }
            } catch (BleException e) {
                log.info("BLE {}: {}", service, e.getMessage());
                status(sink, DeviceStatus.State.ERROR, e.getMessage() != null && e.getMessage().contains("adapter")
                        ? "Bluetooth indisponible sur cette station (pas d'adaptateur) — prévenez le support"
                        : name(service) + " non détecté — vérifiez qu'il est allumé et appairé");
            } catch (RuntimeException e) {
                log.warn("BLE {} failed: {}", service, e.toString());
                status(sink, DeviceStatus.State.ERROR, "Erreur Bluetooth — éteignez et rallumez le "
                        + name(service).toLowerCase(java.util.Locale.ROOT));
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private BleHealthDevice.Listener listener(DeviceSink sink) {
        return new BleHealthDevice.Listener() {
            @Override
            public void onMeasurements(HealthCharacteristic source, List<Measurement> measurements) {
                // Re-stamped with this source's identity so values, captures and status share one device id.
                for (Measurement m : measurements) {
                    sink.measurement(new Measurement(m.sign(), m.value(), m.deviceTime(), m.receiptTime(), identity,
                            m.flags()));
                }
            }

            @Override
            public void onBatteryLevel(int percent) {
                battery = percent;
                connected(sink);
            }

            @Override
            public void onConnectionChanged(boolean connected) {
                if (connected) {
                    connected(sink);
                } else {
                    status(sink, DeviceStatus.State.DISCONNECTED, name(service) + " hors de portée ou éteint — "
                            + "reconnexion en cours…");
                }
            }

            @Override
            public void onMalformedValue(HealthCharacteristic characteristic, MalformedValueException error) {
                log.debug("BLE {}: malformed {} dropped", service, characteristic);
            }
        };
    }

    private void connected(DeviceSink sink) {
        sink.status(new DeviceStatus(identity, DeviceStatus.State.CONNECTED, battery,
                simulated ? "Simulateur (Bluetooth simulé dans la station)" : null, clock.instant()));
    }

    private void status(DeviceSink sink, DeviceStatus.State state, String diagnostic) {
        sink.status(new DeviceStatus(identity, state, battery, diagnostic, clock.instant()));
    }

    @Override
    public void close() {
        Thread t;
        BleHealthDevice d;
        synchronized (this) {
            closed = true;
            t = thread;
            d = device;
        }
        if (t != null) t.interrupt();
        if (d != null) d.close();
    }

    /** The health services a configuration name stands for ({@code ble-bps}, {@code ble-plx}…), or null. */
    static HealthService serviceNamed(String protocol) {
        return switch (protocol) {
            case "ble-bps", "ble-bps-simulator" -> HealthService.BLOOD_PRESSURE;
            case "ble-plx", "ble-plx-simulator" -> HealthService.PULSE_OXIMETER;
            case "ble-thermometer", "ble-thermometer-simulator" -> HealthService.HEALTH_THERMOMETER;
            case "ble-heart-rate", "ble-heart-rate-simulator" -> HealthService.HEART_RATE;
            default -> null;
        };
    }

}
