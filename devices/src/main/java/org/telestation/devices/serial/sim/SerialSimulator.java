package org.telestation.devices.serial.sim;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

import com.fazecast.jSerialComm.SerialPort;
import org.telestation.devices.serial.OximetryReading;
import org.telestation.devices.serial.SerialSettings;

/**
 * The part every device simulator shares: it opens the device end of a serial port (e.g. the other end of a socat
 * pty pair) with the protocol's line settings, writes frames at the protocol's real frame timing, reads and answers
 * host commands, and injects the configured {@link SimFault}. If the port vanishes it keeps trying to reopen it,
 * as a device whose cable is replugged would.
 *
 * <p>Every reading the simulator completes is logged with whether all its bytes went out intact, so tests can
 * check that the decoders on the other end got exactly those values.
 */
public abstract class SerialSimulator implements AutoCloseable {

    /**
     * Settings shared by all simulators.
     *
     * @param portPath        the device end of the link
     * @param fault           the fault to inject
     * @param spo2            SpO2 set point, %
     * @param pulseRate       pulse rate set point, /min
     * @param seed            seed of all randomness (physiology, garbage), so a run can be replayed
     * @param faultEvery      byte-level faults hit one frame in this many
     * @param disconnectEvery with {@link SimFault#DISCONNECT}: time connected between disconnections
     * @param disconnectFor   with {@link SimFault#DISCONNECT}: time disconnected
     */
    public record Config(String portPath, SimFault fault, int spo2, int pulseRate, long seed, int faultEvery,
                         Duration disconnectEvery, Duration disconnectFor) {
        public Config {
            Objects.requireNonNull(portPath, "portPath");
            Objects.requireNonNull(fault, "fault");
            if (faultEvery < 1) throw new IllegalArgumentException("faultEvery must be at least 1");
        }

        public static Config of(String portPath) {
            return new Config(portPath, SimFault.NONE, 97, 72, 42, 10, Duration.ofSeconds(10), Duration.ofSeconds(2));
        }

        public Config withFault(SimFault f) {
            return new Config(portPath, f, spo2, pulseRate, seed, faultEvery, disconnectEvery, disconnectFor);
        }

        public Config withVitals(int newSpo2, int newPulseRate) {
            return new Config(portPath, fault, newSpo2, newPulseRate, seed, faultEvery, disconnectEvery, disconnectFor);
        }

        public Config withFaultEvery(int n) {
            return new Config(portPath, fault, spo2, pulseRate, seed, n, disconnectEvery, disconnectFor);
        }

        public Config withDisconnect(Duration every, Duration lasting) {
            return new Config(portPath, fault, spo2, pulseRate, seed, faultEvery, every, lasting);
        }
    }

    /** A reading the simulator sent, and whether every byte carrying it left unharmed. */
    public record SentReading(OximetryReading reading, boolean intact) {
    }

    /**
     * One frame to write.
     *
     * @param bytes       the frame
     * @param startsGroup true when the frame starts the group of frames that carries one reading (a DF2 packet);
     *                    true for protocols with one reading per frame
     * @param completes   the reading this frame completes, or null
     */
    protected record Frame(byte[] bytes, boolean startsGroup, OximetryReading completes) {
    }

    protected final Config config;
    protected final Physiology physiology;
    protected final Random random;
    private final SerialSettings settings;
    private final List<SentReading> sent = new ArrayList<>();
    private final Object portLock = new Object();
    private SerialPort port;
    private volatile boolean closed;
    private Thread thread;
    private boolean groupIntact = true;
    private volatile long frameCount;

    protected SerialSimulator(Config config, SerialSettings settings) {
        this.config = config;
        this.settings = settings;
        this.physiology = new Physiology(config.spo2(), config.pulseRate(), config.seed());
        this.random = new Random(config.seed() ^ 0x5DEECE66DL);
        if (config.fault() == SimFault.BAD_CHECKSUM && !hasChecksum()) {
            throw new IllegalArgumentException(protocolName() + " has no checksum: fault bad-checksum does not apply");
        }
        if (config.fault() == SimFault.LOW_BATTERY && !reportsBattery()) {
            throw new IllegalArgumentException(protocolName() + " does not report the battery: fault low-battery does not apply");
        }
    }

    /** The protocol's name, for messages. */
    protected abstract String protocolName();

    /** Time between two frames. */
    protected abstract Duration framePeriod();

    /** The next frame, {@code secondsSinceLast} after the previous one; null to send nothing this time. */
    protected abstract Frame nextFrame(double secondsSinceLast);

    /** Bytes the host sent. */
    protected abstract void onHostBytes(byte[] data, int length);

    protected boolean hasChecksum() {
        return false;
    }

    protected boolean reportsBattery() {
        return false;
    }

    /** The frame with its checksum made wrong (only called when {@link #hasChecksum()}). */
    protected byte[] withBadChecksum(byte[] frame) {
        throw new UnsupportedOperationException();
    }

    /** Sends a reply to the host now. */
    protected final void reply(byte[] bytes) {
        synchronized (portLock) {
            if (port != null) {
                port.writeBytes(bytes, bytes.length);
            }
        }
    }

    /** Starts on a thread of its own. */
    public final synchronized SerialSimulator start() {
        thread = new Thread(this::run, getClass().getSimpleName() + " " + config.portPath());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Readings sent so far. */
    public final List<SentReading> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public final long framesSent() {
        return frameCount;
    }

    /** Runs until closed (on the calling thread). */
    public final void run() {
        long period = framePeriod().toNanos();
        long next = System.nanoTime();
        long connectedSince = next;
        byte[] hostBuffer = new byte[256];
        while (!closed) {
            if (!isOpen()) {
                if (!ensureOpen()) {
                    LockSupport.parkNanos(200_000_000L);
                    continue;
                }
                next = System.nanoTime();
                connectedSince = next;
            }
            if (config.fault() == SimFault.DISCONNECT
                    && System.nanoTime() - connectedSince > config.disconnectEvery().toNanos()) {
                closePort();
                LockSupport.parkNanos(config.disconnectFor().toNanos());
                continue;
            }
            readHost(hostBuffer);
            Frame frame = nextFrame(period / 1e9);
            if (frame != null) {
                send(frame);
            }
            next += period;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -period * 10) {
                next = System.nanoTime(); // fell far behind (machine busy): do not burst to catch up
            }
        }
        closePort();
    }

    private void send(Frame frame) {
        byte[] bytes = frame.bytes();
        frameCount++;
        boolean hit = config.fault().corruptsFrames() && frameCount % config.faultEvery() == 0;
        if (frame.startsGroup()) {
            groupIntact = true;
        }
        if (hit) {
            switch (config.fault()) {
                case GARBAGE -> {
                    byte[] garbage = new byte[1 + random.nextInt(8)];
                    random.nextBytes(garbage);
                    write(garbage);
                    // Garbage before the first frame of a group only delays it; inside a group it breaks it.
                    groupIntact &= frame.startsGroup();
                }
                case TRUNCATED -> {
                    bytes = Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
                    groupIntact = false;
                }
                case BAD_CHECKSUM -> {
                    bytes = withBadChecksum(bytes);
                    groupIntact = false;
                }
                default -> { }
            }
        }
        groupIntact &= write(bytes);
        if (frame.completes() != null) {
            synchronized (sent) {
                sent.add(new SentReading(frame.completes(), groupIntact));
            }
        }
    }

    private boolean write(byte[] bytes) {
        synchronized (portLock) {
            if (port == null) {
                return false;
            }
            if (port.writeBytes(bytes, bytes.length) != bytes.length) {
                port.closePort(); // the port vanished: reopen later
                port = null;
                return false;
            }
            return true;
        }
    }

    private void readHost(byte[] buffer) {
        int n;
        synchronized (portLock) {
            if (port == null || port.bytesAvailable() <= 0) {
                return;
            }
            n = port.readBytes(buffer, buffer.length);
        }
        if (n > 0) {
            onHostBytes(buffer, n);
        }
    }

    private boolean isOpen() {
        synchronized (portLock) {
            return port != null;
        }
    }

    private boolean ensureOpen() {
        synchronized (portLock) {
            if (port != null) {
                return true;
            }
            if (!new File(config.portPath()).exists()) {
                return false;
            }
            SerialPort p = SerialPort.getCommPort(config.portPath());
            settings.effectiveFor(config.portPath()).applyTo(p);
            p.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
            if (!p.openPort()) {
                return false;
            }
            port = p;
            return true;
        }
    }

    private void closePort() {
        synchronized (portLock) {
            if (port != null) {
                port.closePort();
                port = null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closePort();
    }
}
