package org.telestation.station.source;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.telestation.devices.ble.bluez.BluezTransport;
import org.telestation.devices.ble.gatt.HealthService;
import org.telestation.devices.ble.gatt.PressureUnit;
import org.telestation.devices.ble.sim.BleSensorSimulator;
import org.telestation.devices.ble.sim.BloodPressureCuffSimulator;
import org.telestation.devices.ble.sim.HeartRateSensorSimulator;
import org.telestation.devices.ble.sim.PulseOximeterSimulator;
import org.telestation.devices.ble.sim.ThermometerSimulator;
import org.telestation.devices.ble.transport.BleException;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.serial.SerialProtocol;
import org.telestation.devices.video.OtoscopeSimulator;
import org.telestation.station.config.DeviceConfig;
import org.telestation.station.config.StationConfig;

/** Opens the {@link DeviceSource}s the configuration asks for (docs/station.md lists the protocols). */
public final class DeviceSources {
    /** How long discovery listens with each group of line settings (two DF8 frames need 2.5 s). */
    static final Duration PROBE_WINDOW = Duration.ofMillis(2600);

    private DeviceSources() {
    }

    /** The configured devices, then one probing source per discovery port not already configured. */
    public static List<DeviceSource> openAll(StationConfig config, Clock clock) {
        List<DeviceSource> sources = new ArrayList<>();
        Set<String> configuredPorts = new HashSet<>();
        for (DeviceConfig d : config.devices()) {
            sources.add(open(d, clock));
            if (d.serialPort() != null) configuredPorts.add(d.serialPort());
        }
        String ports = config.get("telestation.discovery.serial-ports");
        if (ports != null) {
            for (String port : ports.split("[,\\s]+")) {
                if (!port.isBlank() && configuredPorts.add(port)) {
                    sources.add(new ProbingSerialSource(port, clock, ZoneId.systemDefault(), PROBE_WINDOW));
                }
            }
        }
        return sources;
    }

    /**
     * The protocols that are neither a serial oximeter's ({@link SerialOximeterSource#protocolNamed}) nor a BLE
     * profile's ({@link BleSource#serviceNamed}), each with how its source is built.
     */
    private static final Map<String, BiFunction<DeviceConfig, Clock, DeviceSource>> OTHER_PROTOCOLS = Map.of(
            "synthetic-oximeter", (config, clock) -> new SyntheticOximeterSource(
                    config.serialPort() != null ? config.serialPort() : "synthetic:" + config.name(), clock),
            "serial-probe", (config, clock) -> config.serialPort() == null
                    ? misconfigured(config, "port série non configuré", clock)
                    : new ProbingSerialSource(config.serialPort(), clock, zone(config), PROBE_WINDOW),
            "ecg", DeviceSources::ecg,
            "ecg-simulator", DeviceSources::ecg,
            "stethoscope", (config, clock) -> StethoscopeSource.javaSound(config.options().get("mixer"),
                    seconds(config), clock),
            "stethoscope-simulator", (config, clock) -> StethoscopeSource.simulated(
                    Boolean.parseBoolean(config.options().getOrDefault("murmur", "false")), seconds(config), clock),
            "otoscope-simulator", (config, clock) -> new OtoscopeSource(OtoscopeSimulator.standard(clock), true,
                    clock),
            "retinograph-folder", (config, clock) -> folder(config) == null
                    ? misconfigured(config, "dossier d'export non configuré", clock)
                    : new RetinographSource(Path.of(folder(config)),
                    config.options().containsKey("work") ? Path.of(config.options().get("work")) : null,
                    simulate(config), clock),
            "synthetic-bp-cuff", (config, clock) -> new SyntheticBloodPressureSource(
                    config.serialPort() != null ? config.serialPort() : "synthetic:" + config.name(), clock));

    /**
     * Whether this version has a source for the protocol: what {@link #open} builds instead of the nurse's « Appareil
     * non pris en charge » line. The deployment examples are checked against it.
     */
    public static boolean knows(String protocol) {
        return SerialOximeterSource.protocolNamed(protocol) != null || BleSource.serviceNamed(protocol) != null
                || OTHER_PROTOCOLS.containsKey(protocol);
    }

    public static DeviceSource open(DeviceConfig config, Clock clock) {
        SerialProtocol serial = SerialOximeterSource.protocolNamed(config.protocol());
        if (serial != null) {
            if (config.serialPort() == null) return misconfigured(config, "port série non configuré", clock);
            return new SerialOximeterSource(config.serialPort(), serial, clock, zone(config), simulate(config));
        }
        HealthService ble = BleSource.serviceNamed(config.protocol());
        if (ble != null) {
            if (config.protocol().endsWith("-simulator")) {
                BleSensorSimulator sim = bleSimulator(ble, config.bleAddress());
                SimulatedBleTransport transport = new SimulatedBleTransport(sim, Duration.ofSeconds(2),
                        Duration.ofSeconds(Integer.parseInt(config.options().getOrDefault("period-seconds",
                                ble == HealthService.PULSE_OXIMETER ? "1" : "30"))));
                return new BleSource(ble, sim.address(), () -> transport, true, clock, zone(config));
            }
            String bus = config.options().getOrDefault("bus", BluezTransport.SYSTEM_BUS_ADDRESS);
            return new BleSource(ble, config.bleAddress(), () -> SharedBluez.get(bus), false, clock, zone(config));
        }
        BiFunction<DeviceConfig, Clock, DeviceSource> other = OTHER_PROTOCOLS.get(config.protocol());
        if (other != null) return other.apply(config, clock);
        return new UnsupportedSource(config, clock,
                "Appareil non pris en charge par cette version (protocole « " + config.protocol() + " »)");
    }

    private static DeviceSource ecg(DeviceConfig config, Clock clock) {
        boolean sim = simulate(config) || config.protocol().equals("ecg-simulator");
        String folder = folder(config);
        if (folder == null && !sim) return misconfigured(config, "dossier d'import non configuré", clock);
        return new EcgSource(folder != null ? "folder:" + folder : "sim:ecg", folder != null ? Path.of(folder) : null,
                sim, seconds(config), clock);
    }

    private static boolean simulate(DeviceConfig config) {
        return Boolean.parseBoolean(config.options().getOrDefault("simulate", "false"));
    }

    private static Duration seconds(DeviceConfig config) {
        return Duration.ofSeconds(Integer.parseInt(config.options().getOrDefault("seconds", "10")));
    }

    private static String folder(DeviceConfig config) {
        return config.options().get("folder");
    }

    private static BleSensorSimulator bleSimulator(HealthService service, String address) {
        Clock sim = Clock.systemDefaultZone();
        long seed = System.nanoTime();
        return switch (service) {
            case BLOOD_PRESSURE -> new BloodPressureCuffSimulator(address != null ? address : "00:09:1F:80:00:01", seed,
                    sim, PressureUnit.MMHG, 0);
            case PULSE_OXIMETER -> new PulseOximeterSimulator(address != null ? address : "00:1C:05:FF:E8:74", seed, sim);
            case HEALTH_THERMOMETER -> new ThermometerSimulator(address != null ? address : "00:13:7B:00:00:01", seed,
                    sim, false);
            case HEART_RATE -> new HeartRateSensorSimulator(address != null ? address : "C0:FF:EE:00:00:01", seed, sim);
            case BATTERY -> throw new IllegalArgumentException("battery is not a health service");
        };
    }

    /**
     * One BlueZ connection per bus for the whole agent: bluez-dbus's device manager is a process-wide singleton.
     * Connected on first use; a failed connection is tried again by the next caller.
     */
    static final class SharedBluez {
        private static final java.util.Map<String, BluezTransport> OPEN = new java.util.HashMap<>();

        static synchronized BluezTransport get(String bus) throws BleException {
            BluezTransport t = OPEN.get(bus);
            if (t == null) {
                t = BluezTransport.connect(bus, Duration.ofSeconds(5));
                OPEN.put(bus, t);
            }
            return t;
        }
    }

    private static ZoneId zone(DeviceConfig config) {
        String z = config.options().get("zone");
        return z == null ? ZoneId.systemDefault() : ZoneId.of(z);
    }

    private static DeviceSource misconfigured(DeviceConfig config, String what, Clock clock) {
        return new UnsupportedSource(config, clock, "Appareil mal configuré (" + what + ") — prévenez le support");
    }

    /** Keeps a configured but unusable device visible on the nurse's screen instead of failing the whole agent. */
    static final class UnsupportedSource implements DeviceSource {
        private final DeviceIdentity identity;
        private final Clock clock;
        private final String diagnostic;

        UnsupportedSource(DeviceConfig config, Clock clock, String diagnostic) {
            String address = config.serialPort() != null ? config.serialPort()
                    : config.bleAddress() != null ? config.bleAddress() : config.name();
            this.identity = new DeviceIdentity(kind(config), null, config.name(), null, address);
            this.clock = clock;
            this.diagnostic = diagnostic;
        }

        /** The configured {@code kind} option (a DeviceKind name), so the nurse sees which box it is. */
        private static DeviceKind kind(DeviceConfig config) {
            try {
                return DeviceKind.valueOf(config.options().getOrDefault("kind", "PULSE_OXIMETER"));
            } catch (IllegalArgumentException e) {
                return DeviceKind.PULSE_OXIMETER;
            }
        }

        @Override
        public DeviceIdentity identity() {
            return identity;
        }

        @Override
        public void start(DeviceSink sink) {
            sink.status(new DeviceStatus(identity, DeviceStatus.State.ERROR, null, diagnostic, Instant.now(clock)));
        }

        @Override
        public void close() {
        }
    }
}
