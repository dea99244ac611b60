package org.telestation.station.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.Threads;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.serial.ProtocolProber;
import org.telestation.devices.serial.SerialProtocol;

/**
 * Discovery of a serial oximeter on a port listed in {@code telestation.discovery.serial-ports}: the real
 * {@link ProtocolProber} listens with each protocol's line settings until one decoder explains the stream, then a
 * {@link SerialOximeterSource} takes the port over. Until then (nothing plugged in, device off) the nurse sees why,
 * and probing starts again every {@link #RETRY}.
 */
public final class ProbingSerialSource implements DeviceSource {
    private static final Logger log = LoggerFactory.getLogger(ProbingSerialSource.class);
    static final Duration RETRY = Duration.ofSeconds(5);

    private final String port;
    private final Clock clock;
    private final ZoneId deviceZone;
    private final ProtocolProber prober;
    private final DeviceIdentity identity;
    private volatile boolean closed;
    private Thread thread;
    private SerialOximeterSource found;

    public ProbingSerialSource(String port, Clock clock, ZoneId deviceZone, Duration probeWindow) {
        this.port = port;
        this.clock = clock;
        this.deviceZone = deviceZone;
        this.prober = new ProtocolProber(probeWindow);
        this.identity = SerialOximeterSource.identity(port, null);
    }

    @Override
    public DeviceIdentity identity() {
        return identity;
    }

    /** The protocol found, or null while probing. */
    public synchronized SerialProtocol protocol() {
        return found == null ? null : found.protocol();
    }

    @Override
    public synchronized void start(DeviceSink sink) {
        if (thread != null) return;
        thread = new Thread(() -> probeUntilFound(sink), "serial-probe " + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void probeUntilFound(DeviceSink sink) {
        while (!closed) {
            if (!Files.exists(Path.of(port))) {
                sink.status(new DeviceStatus(identity, DeviceStatus.State.DISCONNECTED, null,
                        "Aucun appareil branché sur " + port + " — vérifiez le câble ou l'adaptateur USB",
                        clock.instant()));
            } else {
                sink.status(new DeviceStatus(identity, DeviceStatus.State.CONNECTING, null,
                        "Recherche de l'appareil branché sur " + port + "…", clock.instant()));
                ProtocolProber.ProbeResult result;
                try {
                    result = prober.probe(port);
                } catch (RuntimeException e) {
                    log.warn("probe of {} failed: {}", port, e.toString());
                    result = null;
                }
                if (result != null && result.protocol() != null && !closed) {
                    log.info("{} speaks {}", port, result.protocol());
                    SerialOximeterSource source = new SerialOximeterSource(port, result.protocol(), clock, deviceZone);
                    synchronized (this) {
                        if (closed) return;
                        found = source;
                    }
                    source.start(sink);
                    return;
                }
                sink.status(new DeviceStatus(identity, DeviceStatus.State.ERROR, null,
                        "Appareil branché sur " + port + " non reconnu — vérifiez qu'il est allumé et qu'il "
                                + "transmet (nouvel essai dans quelques secondes)", clock.instant()));
            }
            try {
                Thread.sleep(RETRY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        Thread t;
        SerialOximeterSource s;
        synchronized (this) {
            closed = true;
            t = thread;
            s = found;
        }
        Threads.interruptAndJoin(t, Duration.ofSeconds(5));
        if (s != null) s.close();
    }
}
