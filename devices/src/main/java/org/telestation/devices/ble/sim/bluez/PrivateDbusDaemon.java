package org.telestation.devices.ble.sim.bluez;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private D-Bus daemon (Debian package {@code dbus}) on a socket in a temporary directory, for the fake BlueZ.
 * Nothing else is on that bus, so tests do not need the system bus or root.
 */
public final class PrivateDbusDaemon implements AutoCloseable {
    private static final String CONFIG = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>session</type>
              <listen>unix:path=%s</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow send_destination="*" eavesdrop="true"/>
                <allow eavesdrop="true"/>
                <allow own="*"/>
              </policy>
            </busconfig>
            """;

    private final Process process;
    private final Path directory;
    private final String address;

    private PrivateDbusDaemon(Process process, Path directory, String address) {
        this.process = process;
        this.directory = directory;
        this.address = address;
    }

    /** Starts {@code dbus-daemon}; fails with a clear message when the Debian package is not installed. */
    public static PrivateDbusDaemon start() throws IOException {
        Path executable = Stream.of("/usr/bin/dbus-daemon", "/bin/dbus-daemon").map(Path::of)
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IOException("dbus-daemon not found: install the Debian package 'dbus'"));
        Path directory = Files.createTempDirectory("telestation-dbus-");
        Path config = directory.resolve("bus.conf");
        Files.writeString(config, CONFIG.formatted(directory.resolve("bus")));
        Process process = new ProcessBuilder(executable.toString(), "--config-file=" + config, "--print-address",
                "--nofork").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine(); // the daemon prints its address once it listens
        if (address == null || !address.startsWith("unix:")) {
            process.destroyForcibly();
            throw new IOException("dbus-daemon did not start (exit " + (process.isAlive() ? "?" : process.exitValue())
                    + ")");
        }
        return new PrivateDbusDaemon(process, directory, address.trim());
    }

    /** The bus address, e.g. {@code unix:path=/tmp/telestation-dbus-123/bus,guid=…}. */
    public String address() {
        return address;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
