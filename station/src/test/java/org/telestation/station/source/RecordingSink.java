package org.telestation.station.source;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;

/**
 * Keeps everything a source reports, for assertions; {@code acceptItems} false plays a full outbox, {@code refusal}
 * any other refusal.
 */
final class RecordingSink implements DeviceSink {
    final List<Measurement> measurements = new CopyOnWriteArrayList<>();
    final List<WaveformChunk> waveforms = new CopyOnWriteArrayList<>();
    final List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
    final List<CapturedItem> items = new CopyOnWriteArrayList<>();
    volatile boolean acceptItems = true;

    @Override
    public void measurement(Measurement measurement) {
        measurements.add(measurement);
    }

    @Override
    public void waveform(WaveformChunk chunk) {
        waveforms.add(chunk);
    }

    @Override
    public void status(DeviceStatus status) {
        statuses.add(status);
    }

    /** When set, every item is refused with it (a too-large capture: {@code new Refusal(…, true)}). */
    volatile Refusal refusal;

    @Override
    public boolean item(CapturedItem item) {
        if (!acceptItems) return false;
        items.add(item);
        return true;
    }

    @Override
    public Refusal offer(CapturedItem item) {
        Refusal r = refusal;
        return r != null ? r : DeviceSink.super.offer(item);
    }

    DeviceStatus lastStatus() {
        return statuses.isEmpty() ? null : statuses.get(statuses.size() - 1);
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out after " + timeout + ": " + what);
            Thread.sleep(20);
        }
    }
}
