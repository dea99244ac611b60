package org.telestation.devices.audio;

import java.time.Instant;
import java.util.Objects;

import org.telestation.devices.model.AudioChunk;
import org.telestation.devices.model.DeviceIdentity;

/**
 * PCM16 audio as read from a WAV file.
 *
 * @param truncated true when the data chunk declared more bytes than the file holds (a recording cut short, or a
 *                  streaming writer that never patched its header); the samples present are still returned
 */
public record WavAudio(int sampleRateHz, int channels, byte[] pcm16le, boolean truncated) {
    public WavAudio {
        Objects.requireNonNull(pcm16le, "pcm16le");
    }

    public int frameCount() {
        return pcm16le.length / (2 * channels);
    }

    public double durationSeconds() {
        return frameCount() / (double) sampleRateHz;
    }

    public AudioChunk toChunk(DeviceIdentity device, Instant startTime) {
        return new AudioChunk(device, sampleRateHz, channels, startTime, pcm16le);
    }
}
