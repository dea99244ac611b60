package org.telestation.station.link;

import java.util.List;
import java.util.Objects;

/**
 * What one binary live frame carries: everything the devices produced during one batching period (≤ 40 ms),
 * stamped with the station clock and the station's current estimate of (server clock − station clock), so the
 * receiver can put every sample on its own time line. Layout in docs/wire-protocol.md.
 *
 * @param stationTimeMs  station wall clock when the frame was sent (epoch ms)
 * @param clockOffsetMs  estimated server − station clock offset in ms; 0 until the first pong
 * @param entries        waveform runs and spot values
 */
public record LiveBatch(long stationTimeMs, int clockOffsetMs, List<Entry> entries) {
    public LiveBatch {
        entries = List.copyOf(entries);
    }

    /** One waveform run or one spot value. */
    public sealed interface Entry permits Waveform, Spot {
        String deviceId();
    }

    /**
     * Consecutive samples of one channel; physical value = sample × scale + offset, in {@code unit}.
     *
     * @param startTimeMs time of the first sample (device time when the device gives one, else station time)
     */
    public record Waveform(String deviceId, String channel, float sampleRateHz, long startTimeMs, float scale,
                           float offset, String unit, short[] samples) implements Entry {
        public Waveform {
            Objects.requireNonNull(deviceId);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(unit);
            Objects.requireNonNull(samples);
        }
    }

    /**
     * A spot value.
     *
     * @param sign          a {@code VitalSign} name, e.g. OXYGEN_SATURATION
     * @param deviceTimeMs  the device's own stamp, or {@link #NO_TIME}
     * @param flags         bit i set = {@code StatusFlag.values()[i]} reported
     */
    public record Spot(String deviceId, String sign, double value, long deviceTimeMs, long receiptTimeMs, int flags)
            implements Entry {
        public static final long NO_TIME = Long.MIN_VALUE;

        public Spot {
            Objects.requireNonNull(deviceId);
            Objects.requireNonNull(sign);
        }
    }
}
