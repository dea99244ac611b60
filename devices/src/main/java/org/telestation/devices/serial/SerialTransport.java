package org.telestation.devices.serial;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.fazecast.jSerialComm.SerialPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.Threads;

/**
 * A serial link to one device over jSerialComm, opened by explicit path (jSerialComm does not list pseudo-terminals,
 * and a station names its ports by stable udev links anyway). A reader thread hands every chunk of bytes to a
 * {@link StreamDecoder}; when the port vanishes or fails the transport closes it and reopens it with exponential
 * back-off, for as long as it is not closed. Its {@link ConnectionStatus} says, in words a nurse understands, what
 * is wrong.
 */
public final class SerialTransport implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);
    private static final int READ_TIMEOUT_MS = 100;
    private static final int ERRNO_NOT_FOUND = 2;
    private static final int ERRNO_ACCESS = 13;
    private static final int ERRNO_BUSY = 16;

    /**
     * Tuning of a link.
     *
     * @param deviceName        how the nurse calls the device ("the pulse oximeter"), used in diagnostics
     * @param initialBackoff    first wait before reopening a lost port; doubles up to {@code maxBackoff}
     * @param maxBackoff        longest wait between attempts
     * @param silentAfter       an open port with no data for this long is reported {@link ConnectionState#SILENT}
     * @param failAfterAttempts after this many failed attempts the state becomes {@link ConnectionState#FAILED}
     * @param onConnect         bytes to send after each successful open (e.g. "start real-time data"), or null
     * @param keepAlive         bytes to send periodically while open, or null
     * @param keepAlivePeriod   period of {@code keepAlive}
     */
    public record Options(String deviceName, Duration initialBackoff, Duration maxBackoff, Duration silentAfter,
                          int failAfterAttempts, byte[] onConnect, byte[] keepAlive, Duration keepAlivePeriod) {

        public static Options defaults(String deviceName) {
            return new Options(deviceName, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(5), 8,
                    null, null, Duration.ofSeconds(5));
        }

        public Options withCommands(byte[] onConnect, byte[] keepAlive, Duration keepAlivePeriod) {
            return new Options(deviceName, initialBackoff, maxBackoff, silentAfter, failAfterAttempts, onConnect,
                    keepAlive, keepAlivePeriod);
        }

        public Options withTiming(Duration initialBackoff, Duration maxBackoff, Duration silentAfter,
                                  int failAfterAttempts) {
            return new Options(deviceName, initialBackoff, maxBackoff, silentAfter, failAfterAttempts, onConnect,
                    keepAlive, keepAlivePeriod);
        }
    }

    private final String portPath;
    private final SerialSettings settings;
    private final StreamDecoder decoder;
    private final Options options;
    private final Clock clock;
    private final List<Consumer<ConnectionStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    private volatile ConnectionStatus status;
    private volatile SerialPort port;
    private volatile boolean closed;
    private Thread reader;

    public SerialTransport(String portPath, SerialSettings settings, StreamDecoder decoder, Options options,
                           Clock clock) {
        this.portPath = Objects.requireNonNull(portPath, "portPath");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.status = new ConnectionStatus(ConnectionState.CONNECTING,
                "Connecting to " + options.deviceName() + " on " + portPath + "…", clock.instant(), 0);
    }

    /** Starts the reader thread, which opens the port. */
    public synchronized void start() {
        if (reader != null) {
            throw new IllegalStateException("already started");
        }
        reader = new Thread(this::run, "serial-reader " + portPath);
        reader.setDaemon(true);
        reader.start();
    }

    public ConnectionStatus status() {
        return status;
    }

    /** Called on every state change, on the reader thread (or the closing thread for CLOSED). */
    public void addStatusListener(Consumer<ConnectionStatus> listener) {
        statusListeners.add(Objects.requireNonNull(listener));
    }

    public String portPath() {
        return portPath;
    }

    /** Sends bytes to the device; false when the port is not open or the write failed. */
    public boolean write(byte[] bytes) {
        synchronized (writeLock) {
            SerialPort p = port;
            return p != null && p.writeBytes(bytes, bytes.length) == bytes.length;
        }
    }

    private void run() {
        byte[] buffer = new byte[4096];
        int attempts = 0;
        Duration backoff = options.initialBackoff();
        Instant lastData = clock.instant();
        Instant nextKeepAlive = Instant.MAX;
        while (!closed) {
            if (port == null) {
                String failure = open();
                if (failure == null) {
                    attempts = 0;
                    backoff = options.initialBackoff();
                    lastData = clock.instant();
                    decoder.reset();
                    if (options.onConnect() != null) {
                        write(options.onConnect());
                    }
                    nextKeepAlive = options.keepAlive() == null ? Instant.MAX
                            : clock.instant().plus(options.keepAlivePeriod());
                    setStatus(ConnectionState.CONNECTED, "Connected to " + options.deviceName() + ".", 0);
                } else {
                    attempts++;
                    ConnectionState state = attempts >= options.failAfterAttempts() ? ConnectionState.FAILED
                            : status.state() == ConnectionState.CONNECTING ? ConnectionState.CONNECTING
                            : ConnectionState.RECONNECTING;
                    setStatus(state, failure, attempts);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(options.maxBackoff()) > 0
                            ? options.maxBackoff() : backoff.multipliedBy(2);
                }
                continue;
            }
            int n = port.readBytes(buffer, buffer.length);
            if (closed) {
                break;
            }
            if (n < 0 || !port.isOpen() || !Files.exists(Path.of(portPath))) {
                log.info("Serial port {} lost (read returned {}); reconnecting", portPath, n);
                closePort();
                setStatus(ConnectionState.RECONNECTING, "The link to " + options.deviceName()
                        + " was lost (cable or USB adapter unplugged?). Reconnecting…", 0);
                continue;
            }
            Instant now = clock.instant();
            if (n > 0) {
                lastData = now;
                if (status.state() != ConnectionState.CONNECTED) {
                    setStatus(ConnectionState.CONNECTED, "Connected to " + options.deviceName() + ".", 0);
                }
                try {
                    decoder.accept(buffer, 0, n);
                } catch (RuntimeException e) {
                    // Decoders never throw on input; a listener downstream might. Keep reading regardless.
                    log.warn("Listener of {} failed: {}", portPath, e.toString());
                }
            } else if (status.state() == ConnectionState.CONNECTED
                    && Duration.between(lastData, now).compareTo(options.silentAfter()) > 0) {
                setStatus(ConnectionState.SILENT, capitalise(options.deviceName())
                        + " is connected but sends nothing: check it is switched on and the sensor is on a finger.", 0);
            }
            if (!now.isBefore(nextKeepAlive)) {
                write(options.keepAlive());
                nextKeepAlive = now.plus(options.keepAlivePeriod());
            }
        }
        closePort();
    }

    /** Opens the port; returns null on success or a diagnostic for the nurse. */
    private String open() {
        if (!Files.exists(Path.of(portPath))) {
            return capitalise(options.deviceName()) + " is not connected: " + portPath
                    + " does not exist. Check that its cable or USB adapter is plugged in.";
        }
        SerialPort candidate = SerialPort.getCommPort(portPath);
        SerialSettings effective = settings.effectiveFor(portPath);
        effective.applyTo(candidate);
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        if (!candidate.openPort()) {
            int errno = candidate.getLastErrorCode();
            return switch (errno) {
                case ERRNO_ACCESS -> "The station is not allowed to open " + portPath
                        + ": ask IT to add the station account to the 'dialout' group.";
                case ERRNO_BUSY -> portPath + " is used by another program: close it, or restart the station.";
                case ERRNO_NOT_FOUND -> capitalise(options.deviceName()) + " is not connected: " + portPath
                        + " vanished. Check that its cable or USB adapter is plugged in.";
                default -> portPath + " could not be opened (error " + errno
                        + "): unplug and replug the cable of " + options.deviceName() + ".";
            };
        }
        effective.applyTo(candidate);
        synchronized (writeLock) {
            port = candidate;
        }
        log.info("Opened {} at {}", portPath, effective);
        return null;
    }

    private void closePort() {
        synchronized (writeLock) {
            if (port != null) {
                port.closePort();
                port = null;
            }
        }
    }

    private void setStatus(ConnectionState state, String diagnostic, int attempts) {
        ConnectionStatus previous = status;
        if (previous.state() == state && previous.diagnostic().equals(diagnostic) && previous.attempts() == attempts) {
            return;
        }
        ConnectionStatus next = new ConnectionStatus(state, diagnostic,
                previous.state() == state ? previous.since() : clock.instant(), attempts);
        status = next;
        if (previous.state() != state) {
            log.info("{} {} -> {}", portPath, previous.state(), state);
        }
        for (Consumer<ConnectionStatus> listener : statusListeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException e) {
                log.warn("Status listener failed: {}", e.toString());
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Stops the reader thread and closes the port. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = reader;
        }
        Threads.interruptAndJoin(t, Duration.ofSeconds(2));
        closePort();
        setStatus(ConnectionState.CLOSED, "Disconnected from " + options.deviceName() + ".", 0);
    }
}
