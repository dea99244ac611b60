package org.telestation.devices.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Unprocessed PCM audio (stethoscope): signed 16-bit little-endian, interleaved when stereo.
 * No gain, echo cancellation or noise suppression has been applied: the doctor hears what the chest piece heard.
 */
public record AudioChunk(DeviceIdentity device, int sampleRateHz, int channels, Instant startTime, byte[] pcm16le) {
    public AudioChunk {
        Objects.requireNonNull(pcm16le, "pcm16le");
        if (sampleRateHz <= 0 || channels <= 0) throw new IllegalArgumentException("bad audio format");
    }

    public int frameCount() {
        return pcm16le.length / (2 * channels);
    }
}
