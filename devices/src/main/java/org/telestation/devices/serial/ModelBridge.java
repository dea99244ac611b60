package org.telestation.devices.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;

/**
 * Turns decoded oximeter frames into the shared model. Pleth samples are batched into {@link WaveformChunk}s of
 * about 40 ms (the live stream's batching period). Spot values are emitted when they change, and at least once
 * a second while they stay the same, so a 60 Hz protocol does not flood the station with identical values.
 */
public final class ModelBridge<F extends OximetryFrame> implements Consumer<F> {

    public static final String PLETH_CHANNEL = "PLETH";
    private static final Duration REPEAT_UNCHANGED_AFTER = Duration.ofSeconds(1);

    private final DeviceIdentity device;
    private final Clock clock;
    private final ZoneId deviceZone;
    private final PlethFormat pleth;
    private final VitalsSink sink;
    private final short[] batch;
    private int batched;
    private OximetryReading lastReading;
    private Instant lastReadingTime;

    public ModelBridge(DeviceIdentity device, Clock clock, ZoneId deviceZone, PlethFormat pleth, VitalsSink sink) {
        this.device = Objects.requireNonNull(device, "device");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deviceZone = Objects.requireNonNull(deviceZone, "deviceZone");
        this.pleth = pleth;
        this.sink = Objects.requireNonNull(sink, "sink");
        int batchSize = pleth == null ? 1 : (int) Math.max(1, Math.round(pleth.sampleRateHz() * 0.040));
        this.batch = new short[batchSize];
    }

    @Override
    public void accept(F frame) {
        Instant now = clock.instant();
        if (pleth != null) {
            for (short sample : frame.plethSamples()) {
                batch[batched++] = sample;
                if (batched == batch.length) {
                    flushPleth(now);
                }
            }
        }
        OximetryReading reading = frame.reading();
        if (reading != null && (!reading.sameValues(lastReading) || lastReadingTime == null
                || !now.isBefore(lastReadingTime.plus(REPEAT_UNCHANGED_AFTER)))) {
            lastReading = reading;
            lastReadingTime = now;
            for (Measurement m : reading.toMeasurements(device, now, deviceZone)) {
                sink.onMeasurement(m);
            }
        }
    }

    private void flushPleth(Instant lastSampleTime) {
        long spanNanos = Math.round((batched - 1) * 1e9 / pleth.sampleRateHz());
        Instant start = lastSampleTime.minusNanos(spanNanos);
        sink.onWaveform(new WaveformChunk(device, PLETH_CHANNEL, pleth.sampleRateHz(), start,
                Arrays.copyOf(batch, batched), 1.0, pleth.offset(), "1"));
        batched = 0;
    }
}
