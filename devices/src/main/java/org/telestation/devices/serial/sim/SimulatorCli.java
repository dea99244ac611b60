package org.telestation.devices.serial.sim;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Command-line parsing shared by the simulators' {@code main} methods. */
final class SimulatorCli {

    static final String COMMON_OPTIONS = """
              --port PATH              device end of the serial link, e.g. /dev/pts/5 (required)
              --fault NAME             none | garbage | truncated | bad-checksum | disconnect | low-battery |
                                       sensor-off | out-of-range (default none)
              --fault-every N          byte-level faults hit one frame in N (default 10)
              --disconnect-every SEC   with --fault disconnect: seconds connected between cuts (default 10)
              --disconnect-for SEC     with --fault disconnect: seconds disconnected (default 2)
              --spo2 PERCENT           SpO2 set point (default 97)
              --pulse-rate BPM         pulse rate set point (default 72)
              --seed N                 random seed (default 42)
              --help                   this text
            """;

    private final Map<String, String> values = new HashMap<>();

    private SimulatorCli() {
    }

    /** Parses {@code --key value} pairs; returns null after printing help when asked or on an unknown option. */
    static SimulatorCli parse(String[] args, Set<String> extraOptions, String usage) {
        SimulatorCli cli = new SimulatorCli();
        Set<String> known = Set.of("port", "fault", "fault-every", "disconnect-every", "disconnect-for", "spo2",
                "pulse-rate", "seed");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(usage + COMMON_OPTIONS);
                return null;
            }
            String key = a.startsWith("--") ? a.substring(2) : null;
            if (key == null || (!known.contains(key) && !extraOptions.contains(key)) || i + 1 >= args.length) {
                System.err.println("Unknown or incomplete option: " + a + "\n\n" + usage + COMMON_OPTIONS);
                return null;
            }
            cli.values.put(key, args[++i]);
        }
        if (!cli.values.containsKey("port")) {
            System.err.println("--port is required\n\n" + usage + COMMON_OPTIONS);
            return null;
        }
        return cli;
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    int getInt(String key, int fallback) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : fallback;
    }

    SerialSimulator.Config config() {
        return new SerialSimulator.Config(values.get("port"), SimFault.parse(get("fault", "none")),
                getInt("spo2", 97), getInt("pulse-rate", 72), Long.parseLong(get("seed", "42")),
                getInt("fault-every", 10), Duration.ofSeconds(getInt("disconnect-every", 10)),
                Duration.ofSeconds(getInt("disconnect-for", 2)));
    }

    /** Builds and runs the simulator on this thread until the process is stopped; bad options end with exit code 2. */
    static void runForever(Supplier<SerialSimulator> factory, String description) {
        SerialSimulator simulator;
        try {
            simulator = factory.get();
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Simulating " + description + " on " + simulator.config.portPath()
                + " (fault " + simulator.config.fault().cliName() + "); Ctrl-C to stop");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        simulator.run();
    }
}
