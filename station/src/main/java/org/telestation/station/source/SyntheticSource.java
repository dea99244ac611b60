package org.telestation.station.source;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.telestation.devices.model.DeviceIdentity;

/**
 * A device made up in software (demo, end-to-end tests): it reports itself connected on start and then calls
 * {@link #tick} from one daemon timer thread at a fixed rate until closed. Subclasses only say what a tick emits.
 */
abstract class SyntheticSource implements DeviceSource {

    protected final DeviceIdentity identity;
    protected final Clock clock;
    private final String threadName;
    private final int batteryPercent;
    private final long initialDelayMs;
    private final long periodMs;
    private ScheduledExecutorService timer;

    SyntheticSource(DeviceIdentity identity, Clock clock, String threadName, int batteryPercent, long initialDelayMs,
                    long periodMs) {
        this.identity = identity;
        this.clock = clock;
        this.threadName = threadName;
        this.batteryPercent = batteryPercent;
        this.initialDelayMs = initialDelayMs;
        this.periodMs = periodMs;
    }

    /** Emits what the device gives at one period; runs on the timer thread only. */
    abstract void tick(DeviceSink sink);

    @Override
    public final DeviceIdentity identity() {
        return identity;
    }

    @Override
    public final synchronized void start(DeviceSink sink) {
        if (timer != null) return;
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        sink.status(new DeviceStatus(identity, DeviceStatus.State.CONNECTED, batteryPercent, null, clock.instant()));
        timer.scheduleAtFixedRate(() -> tick(sink), initialDelayMs, periodMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public final synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
