package org.telestation.devices.ble.sim;

import java.io.PrintStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line shared by the BLE simulators: runs a number of cycles with a fault and prints every value as
 * "CHARACTERISTIC 0xUUID HEX BYTES", one per line.
 */
final class SimulatorCli {
    /** Builds a simulator from the parsed options (seed, clock, the simulator's own flags). */
    interface Factory {
        BleSensorSimulator create(long seed, Clock clock, Map<String, String> options);
    }

    private SimulatorCli() {
    }

    /**
     * @param flags the simulator's own boolean options, without the leading dashes (e.g. "kpa")
     */
    static int run(String[] args, String simulatorClass, Set<String> flags, Factory factory, PrintStream out) {
        StringBuilder extra = new StringBuilder();
        flags.forEach(f -> extra.append(" [--").append(f).append(']'));
        String extraUsage = extra.toString();
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(usage(simulatorClass, extraUsage));
                return 0;
            }
            if (!a.startsWith("--")) return fail(out, "unexpected argument " + a, simulatorClass, extraUsage);
            String key = a.substring(2);
            boolean takesValue = key.equals("cycles") || key.equals("fault") || key.equals("seed");
            if (takesValue) {
                if (i + 1 >= args.length) return fail(out, a + " needs a value", simulatorClass, extraUsage);
                options.put(key, args[++i]);
            } else if (flags.contains(key)) {
                options.put(key, "true");
            } else {
                return fail(out, "unknown option " + a, simulatorClass, extraUsage);
            }
        }
        try {
            int cycles = Integer.parseInt(options.getOrDefault("cycles", "3"));
            BleFault fault = BleFault.valueOf(options.getOrDefault("fault", "NONE").toUpperCase(Locale.ROOT));
            long seed = Long.parseLong(options.getOrDefault("seed", "1"));
            BleSensorSimulator sim = factory.create(seed, Clock.systemDefaultZone(), options);
            sim.setFault(fault);
            out.printf("# %s %s (%s) fault=%s%n", sim.localName(), sim.address(), sim.service(), fault);
            for (int c = 1; c <= cycles; c++) {
                out.printf("# cycle %d%n", c);
                for (SimEvent e : sim.nextCycle()) out.println(e);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            return fail(out, e.getMessage(), simulatorClass, extraUsage);
        }
    }

    private static int fail(PrintStream out, String message, String simulatorClass, String extraUsage) {
        out.println("error: " + message);
        out.println(usage(simulatorClass, extraUsage));
        return 2;
    }

    private static String usage(String simulatorClass, String extraUsage) {
        return "usage: java -cp devices/target/classes " + simulatorClass
                + " [--cycles N] [--fault NONE|GARBAGE|TRUNCATED|NO_MEASUREMENT|OUT_OF_RANGE|LOW_BATTERY|DISCONNECT]"
                + " [--seed S]" + extraUsage + "\n"
                + "Prints each characteristic value the simulated sensor sends, one per line, in hex.";
    }
}
