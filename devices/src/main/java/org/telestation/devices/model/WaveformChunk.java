package org.telestation.devices.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A run of consecutive samples of one channel. Samples are int16 scaled by {@code scale} in {@code unit}
 * (physical value = sample * scale + offset), the way ECG formats and FHIR SampledData carry them.
 *
 * @param channel     e.g. "II", "V1", "PLETH"
 * @param sampleRateHz samples per second
 * @param startTime   time of the first sample (station clock, or device clock when known)
 * @param samples     the raw samples
 * @param scale       physical units per sample step (e.g. 0.001 mV, i.e. 1 µV)
 * @param offset      physical value of sample 0
 * @param unit        UCUM unit of the physical value ("mV", "1" for a unitless pleth)
 */
public record WaveformChunk(DeviceIdentity device, String channel, double sampleRateHz, Instant startTime,
                            short[] samples, double scale, double offset, String unit) {
    public WaveformChunk {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(samples, "samples");
        if (!(sampleRateHz > 0)) throw new IllegalArgumentException("sample rate must be positive");
    }

    public double physical(int index) {
        return samples[index] * scale + offset;
    }

    public java.time.Duration duration() {
        return java.time.Duration.ofNanos(Math.round(samples.length * 1e9 / sampleRateHz));
    }
}
