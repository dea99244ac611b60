package org.telestation.station.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.serial.SocatPair;
import org.telestation.devices.serial.nonin.NoninDataFormat;
import org.telestation.devices.serial.sim.ContecSimulator;
import org.telestation.devices.serial.sim.MasimoSimulator;
import org.telestation.devices.serial.sim.NoninSimulator;
import org.telestation.devices.serial.sim.SerialSimulator;
import org.telestation.station.config.Credential;
import org.telestation.station.config.StationConfig;

/**
 * Demo mode ({@code --demo} or {@code telestation.demo=true}): attaches every simulator to the agent through the
 * same code paths as real devices. Each serial oximeter simulator (Nonin DF2, Contec V7, Masimo) writes the device
 * end of its own socat pty pair, and the agent reads the other end with the real {@code SerialTransport} and
 * decoders; the ECG, stethoscope, otoscope and retinograph simulators are the sources' simulated modes (the
 * retinograph and the ECG also watch a real import folder under the demo directory, so files dropped there are
 * imported). Without a credential file the agent uses the demo station {@code CHARIOT-01} of the server's demo data,
 * so no enrolment is needed.
 */
public final class DemoMode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);
    public static final String STATION_CODE = "CHARIOT-01";
    /** The demo cart's secret, set by the server's demo data (profile demo only). Never used outside demo mode. */
    public static final String STATION_SECRET = "demo-chariot-01-secret";
    /** Device names ({@code telestation.device.<name>.*}) of the serial simulators. */
    public static final String NONIN = "demo-nonin", CONTEC = "demo-contec", MASIMO = "demo-masimo";

    private final Map<String, SocatPair> pairs = new LinkedHashMap<>();
    private final List<SerialSimulator> simulators = new ArrayList<>();
    private final Path directory;
    /** Kills the socat processes if the JVM exits without {@link #close()} (e.g. the agent failed to start). */
    private final Thread exitHook = new Thread(this::stop, "demo-cleanup");
    private StationConfig config;

    private DemoMode(Path directory) {
        this.directory = directory;
    }

    /**
     * Starts the serial links and simulators and returns the mode; {@link #config()} is the configuration with the
     * demo devices added.
     *
     * @throws IllegalStateException when socat is missing (with the package to install)
     */
    public static DemoMode attach(StationConfig base) throws IOException, InterruptedException {
        if (!SocatPair.isSocatInstalled()) {
            throw new IllegalStateException("demo mode needs socat to make the serial links of the simulated "
                    + "oximeters: install it (Debian: apt-get install socat)");
        }
        String dir = base.get("telestation.demo.dir");
        Path directory = dir != null ? Files.createDirectories(Path.of(dir)) : Files.createTempDirectory("telestation-demo");
        DemoMode demo = new DemoMode(directory);
        Runtime.getRuntime().addShutdownHook(demo.exitHook);
        try {
            demo.config = base.with(demo.startDevices(base));
            demo.ensureCredential(base);
        } catch (IOException | InterruptedException | RuntimeException e) {
            demo.close();
            throw e;
        }
        return demo;
    }

    private Map<String, String> startDevices(StationConfig base) throws IOException, InterruptedException {
        Map<String, String> keys = new LinkedHashMap<>();
        serial(keys, NONIN, "nonin-df2", port -> new NoninSimulator(SerialSimulator.Config.of(port).withVitals(97, 72),
                NoninDataFormat.DF2, Duration.ofSeconds(5)));
        serial(keys, CONTEC, "contec-v7", port -> new ContecSimulator(SerialSimulator.Config.of(port)
                .withVitals(95, 84), ContecSimulator.Variant.V7));
        serial(keys, MASIMO, "masimo", port -> new MasimoSimulator(SerialSimulator.Config.of(port)
                .withVitals(98, 64), "SIM-MASIMO-1"));
        // Bluetooth: the real cuff, oximeter and thermometer when the station has a system D-Bus (BlueZ), else the
        // byte-exact BLE simulators through the in-process transport.
        boolean bluez = Files.exists(Path.of("/run/dbus/system_bus_socket"))
                && !base.flag("telestation.demo.simulate-ble");
        put(keys, "demo-ble-cuff", "protocol", bluez ? "ble-bps" : "ble-bps-simulator");
        put(keys, "demo-ble-oximeter", "protocol", bluez ? "ble-plx" : "ble-plx-simulator");
        put(keys, "demo-ble-thermometer", "protocol", bluez ? "ble-thermometer" : "ble-thermometer-simulator");
        put(keys, "demo-ecg", "protocol", "ecg-simulator");
        put(keys, "demo-ecg", "folder", Files.createDirectories(directory.resolve("ecg-inbox")).toString());
        put(keys, "demo-stethoscope", "protocol", "stethoscope-simulator");
        put(keys, "demo-otoscope", "protocol", "otoscope-simulator");
        put(keys, "demo-retinograph", "protocol", "retinograph-folder");
        put(keys, "demo-retinograph", "simulate", "true");
        put(keys, "demo-retinograph", "folder", Files.createDirectories(directory.resolve("retinograph-inbox")).toString());
        put(keys, "demo-retinograph", "work", directory.resolve("retinograph-work").toString());
        // Clinical media for the admitting doctor's session page (otoscope video, unprocessed stethoscope sound),
        // unless the configuration says otherwise.
        if (base.get("telestation.media.camera") == null) keys.put("telestation.media.camera", "otoscope-simulator");
        if (base.get("telestation.media.stethoscope") == null) {
            keys.put("telestation.media.stethoscope", "heart-simulator");
        }
        return keys;
    }

    @FunctionalInterface
    private interface SimulatorFactory {
        SerialSimulator on(String devicePort);
    }

    private void serial(Map<String, String> keys, String name, String protocol, SimulatorFactory factory)
            throws IOException, InterruptedException {
        SocatPair pair = new SocatPair();
        pairs.put(name, pair);
        simulators.add(factory.on(pair.deviceEnd()).start());
        put(keys, name, "protocol", protocol);
        put(keys, name, "port", pair.stationEnd());
        put(keys, name, "simulate", "true");
        log.info("demo: {} simulator ({}) on a socat pty pair", name, protocol);
    }

    private static void put(Map<String, String> keys, String device, String key, String value) {
        keys.put("telestation.device." + device + "." + key, value);
    }

    /** Without a credential file and without an enrolment code, the demo cart's credential is written. */
    private void ensureCredential(StationConfig base) throws IOException {
        Path file = base.credentialFile();
        if (Files.exists(file) || base.get("telestation.enrolment.code") != null) return;
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        new Credential(STATION_CODE, STATION_SECRET).write(file);
        log.info("demo: using the demo station {} (no enrolment)", STATION_CODE);
    }

    public StationConfig config() {
        return config;
    }

    /** The socat pair of a serial demo device ({@link #NONIN}…), for tests that unplug it. */
    public SocatPair serialLink(String name) {
        return pairs.get(name);
    }

    public Path directory() {
        return directory;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(exitHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
        stop();
    }

    private synchronized void stop() {
        for (SerialSimulator s : simulators) s.close();
        for (SocatPair p : pairs.values()) {
            try {
                p.close();
            } catch (Exception e) {
                log.warn("demo: socat pair not closed: {}", e.toString());
            }
        }
    }
}
