package org.telestation.devices.audio;

/**
 * The format a capture runs at: signed 16-bit PCM at the device's native rate, mono or stereo.
 *
 * @param sampleRateHz frames per second, as the device delivers them (never resampled)
 * @param channels     1 or 2
 * @param bigEndian    true when the device delivers big-endian samples; the source swaps bytes to little-endian
 *                     (a lossless reordering, not processing)
 */
public record AudioCaptureFormat(int sampleRateHz, int channels, boolean bigEndian) {
    public AudioCaptureFormat {
        if (sampleRateHz <= 0) throw new IllegalArgumentException("sample rate must be positive");
        if (channels != 1 && channels != 2) throw new IllegalArgumentException("mono or stereo only");
    }

    public int frameBytes() {
        return 2 * channels;
    }
}
