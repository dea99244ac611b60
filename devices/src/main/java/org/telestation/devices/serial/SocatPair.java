package org.telestation.devices.serial;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by {@code socat}: what the device writes to {@link #deviceEnd()} the
 * station reads on {@link #stationEnd()}, like the two ends of a null-modem cable. {@link #unplug()} and
 * {@link #replug()} make both ports vanish and come back, as when a USB serial adapter is pulled out.
 */
public final class SocatPair implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 5000;
    private final Path directory;
    private final Path stationEnd;
    private final Path deviceEnd;
    private Process socat;

    public SocatPair() throws IOException, InterruptedException {
        if (!isSocatInstalled()) {
            throw new IllegalStateException("socat is not installed: it is needed to make serial pty pairs (demo mode, tests)"
                    + " (Debian: apt-get install socat)");
        }
        directory = Files.createTempDirectory("socat-pair");
        stationEnd = directory.resolve("station");
        deviceEnd = directory.resolve("device");
        replug();
    }

    public static boolean isSocatInstalled() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "socat"))) {
                return true;
            }
        }
        return false;
    }

    public String stationEnd() {
        return stationEnd.toString();
    }

    public String deviceEnd() {
        return deviceEnd.toString();
    }

    /** Starts socat (again) and waits for both links. */
    public synchronized void replug() throws IOException, InterruptedException {
        if (socat != null && socat.isAlive()) {
            return;
        }
        socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + stationEnd, "pty,raw,echo=0,link=" + deviceEnd)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("socat.log").toFile())
                .start();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!(Files.exists(stationEnd) && Files.exists(deviceEnd))) {
            if (!socat.isAlive() || System.currentTimeMillis() > deadline) {
                String log = Files.exists(directory.resolve("socat.log"))
                        ? Files.readString(directory.resolve("socat.log")) : "";
                socat.destroyForcibly();
                throw new IllegalStateException("socat did not create the pty links: " + log);
            }
            Thread.sleep(20);
        }
    }

    /** Kills socat: both ports vanish. */
    public synchronized void unplug() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor();
            }
        }
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while ((Files.exists(stationEnd) || Files.exists(deviceEnd)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        unplug();
        Files.deleteIfExists(directory.resolve("socat.log"));
        Files.deleteIfExists(stationEnd);
        Files.deleteIfExists(deviceEnd);
        Files.deleteIfExists(directory);
    }
}
