package org.telestation.station.source;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.model.DeviceIdentity;

/**
 * What the devices the nurse triggers share (ECG recording, stethoscope recording, otoscope snapshot, simulated
 * retinograph shot): one capture at a time on a worker thread of the device's own, a status for the screen, and
 * the result handed to the outbox through {@link DeviceSink#item}.
 */
abstract class CapturingSource implements DeviceSource {
    private static final Logger log = LoggerFactory.getLogger(CapturingSource.class);

    /** One capture; may block (real-time recording); interrupted when the agent stops. */
    @FunctionalInterface
    interface Capture {
        void run() throws Exception;
    }

    protected final DeviceIdentity identity;
    protected final Clock clock;
    private final AtomicBoolean busy = new AtomicBoolean();
    private ExecutorService worker;
    private volatile DeviceSink sink;
    protected volatile boolean closed;

    CapturingSource(DeviceIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public final DeviceIdentity identity() {
        return identity;
    }

    @Override
    public final synchronized void start(DeviceSink sink) {
        if (worker != null) return;
        this.sink = sink;
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, identity.kind().name().toLowerCase(java.util.Locale.ROOT));
            t.setDaemon(true);
            return t;
        });
        started();
    }

    /** Reports the first status; may start background work of its own. */
    protected abstract void started();

    /**
     * Runs a capture on the worker unless one is already running.
     *
     * @return {@code accepted}, for the nurse
     * @throws IllegalStateException (French message) when the device is not started or busy
     */
    protected final String submit(Capture capture, String accepted) {
        ExecutorService w;
        synchronized (this) {
            w = worker;
        }
        if (w == null || closed) throw new IllegalStateException("L'appareil n'est pas prêt");
        if (!busy.compareAndSet(false, true)) throw new IllegalStateException("Une capture est déjà en cours sur cet appareil");
        w.execute(() -> {
            try {
                capture.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // Not the device's data: only the failure's type and text, which never hold patient data here.
                log.warn("{} capture failed: {}", identity.kind(), e.toString());
                status(DeviceStatus.State.ERROR, failureDiagnostic(e));
            } finally {
                busy.set(false);
            }
        });
        return accepted;
    }

    /** What the nurse reads when a capture failed. */
    protected String failureDiagnostic(Exception e) {
        return "La capture a échoué — réessayez ; si cela se reproduit, débranchez et rebranchez l'appareil";
    }

    protected final DeviceSink sink() {
        return sink;
    }

    protected final void status(DeviceStatus.State state, String diagnostic) {
        DeviceSink s = sink;
        if (s != null) s.status(new DeviceStatus(identity, state, null, diagnostic, clock.instant()));
    }

    /** Hands a result to the outbox and says on the screen whether it was stored. */
    protected final boolean store(CapturedItem item, String storedDiagnostic) {
        return offer(item, storedDiagnostic) == null;
    }

    /** Like {@link #store}, and says why it was refused: null once stored. */
    protected final DeviceSink.Refusal offer(CapturedItem item, String storedDiagnostic) {
        DeviceSink s = sink;
        DeviceSink.Refusal refusal = s == null ? DeviceSink.Refusal.OUTBOX_FULL : s.offer(item);
        status(refusal == null ? DeviceStatus.State.CONNECTED : DeviceStatus.State.ERROR,
                refusal == null ? storedDiagnostic : "Capture non enregistrée : " + refusal.reason());
        return refusal;
    }

    /** Releases what {@link #started()} opened. */
    protected void stopped() {
    }

    @Override
    public final void close() {
        ExecutorService w;
        synchronized (this) {
            closed = true;
            w = worker;
            worker = null;
        }
        if (w != null) w.shutdownNow();
        stopped();
    }
}
