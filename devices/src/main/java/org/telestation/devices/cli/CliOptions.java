package org.telestation.devices.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tiny command-line parser the simulators share: {@code --name value} options, {@code --flag} switches and
 * {@code --help}. Unknown options and missing values end the program with exit code 2 and a hint.
 */
public final class CliOptions {
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final boolean help;

    private CliOptions(boolean help) {
        this.help = help;
    }

    /**
     * @param args        the command line
     * @param valueNames  options that take a value, e.g. "out", "rate"
     * @param flagNames   options that take none, e.g. "murmur"
     */
    public static CliOptions parse(String[] args, Set<String> valueNames, Set<String> flagNames) {
        boolean help = false;
        for (String a : args) help |= a.equals("--help") || a.equals("-h");
        CliOptions o = new CliOptions(help);
        if (help) return o;
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && flagNames.contains(name)) {
                o.flags.add(name);
            } else if (name != null && valueNames.contains(name)) {
                if (i + 1 >= args.length) fail("option " + args[i] + " needs a value");
                o.values.put(name, args[++i]);
            } else {
                fail("unknown option " + args[i]);
            }
        }
        return o;
    }

    public boolean help() {
        return help;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String string(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    public Path requiredPath(String name) {
        String v = values.get(name);
        if (v == null) fail("--" + name + " is required");
        return Path.of(v);
    }

    public int integer(String name, int dflt) {
        String v = values.get(name);
        try {
            return v == null ? dflt : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw fail("--" + name + " needs an integer, got " + v);
        }
    }

    public double decimal(String name, double dflt) {
        String v = values.get(name);
        try {
            return v == null ? dflt : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw fail("--" + name + " needs a number, got " + v);
        }
    }

    private static IllegalStateException fail(String message) {
        System.err.println(message + " (try --help)");
        System.exit(2);
        return new IllegalStateException(message);
    }
}
