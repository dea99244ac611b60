package org.telestation.devices.audio;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

/**
 * Picks the capture format from what a capture line says it supports, so that nothing converts the sound on the way:
 * signed 16-bit PCM only (no float or 8-bit conversion), a rate the device lists natively (no resampling), the
 * requested channel count when offered, else the other of mono/stereo.
 * <p>
 * Rate choice among the native ones: the preferred rate if listed; else the highest rate not above
 * {@value #MAX_USEFUL_RATE} Hz (heart and lung sounds lie below 2 kHz: more only costs bandwidth); else the lowest
 * listed. A line that lists {@link AudioSystem#NOT_SPECIFIED} (a software mixer that accepts anything) gets the
 * preferred rate, or {@value #DEFAULT_RATE} Hz.
 */
public final class CaptureFormatNegotiator {
    static final int MAX_USEFUL_RATE = 48_000;
    static final int DEFAULT_RATE = 44_100;

    private CaptureFormatNegotiator() {
    }

    /**
     * @param supported     the line's formats (e.g. {@code DataLine.Info.getFormats()})
     * @param channels      1 or 2, what the caller would like
     * @param preferredRate a rate to use when the device lists it, or 0 for none
     */
    public static Optional<AudioCaptureFormat> negotiate(Collection<AudioFormat> supported, int channels,
                                                         int preferredRate) {
        if (channels != 1 && channels != 2) throw new IllegalArgumentException("mono or stereo only");
        for (int ch : new int[] {channels, 3 - channels}) {
            Optional<AudioCaptureFormat> f = pick(supported, ch, preferredRate, false);
            if (f.isEmpty()) f = pick(supported, ch, preferredRate, true);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private static Optional<AudioCaptureFormat> pick(Collection<AudioFormat> supported, int channels,
                                                     int preferredRate, boolean bigEndian) {
        TreeSet<Integer> rates = new TreeSet<>();
        boolean anyRate = false;
        for (AudioFormat f : supported) {
            if (!AudioFormat.Encoding.PCM_SIGNED.equals(f.getEncoding()) || f.getSampleSizeInBits() != 16) continue;
            if (f.getChannels() != channels && f.getChannels() != AudioSystem.NOT_SPECIFIED) continue;
            if (f.isBigEndian() != bigEndian) continue;
            float rate = f.getSampleRate();
            if (rate == AudioSystem.NOT_SPECIFIED) {
                anyRate = true;
            } else if (rate >= 1 && rate == Math.rint(rate)) {
                rates.add((int) rate);
            }
        }
        Integer rate;
        if (preferredRate > 0 && (anyRate || rates.contains(preferredRate))) {
            rate = preferredRate;
        } else if (!rates.isEmpty()) {
            Integer highestUseful = rates.floor(MAX_USEFUL_RATE);
            rate = highestUseful != null ? highestUseful : rates.first();
        } else if (anyRate) {
            rate = DEFAULT_RATE;
        } else {
            return Optional.empty();
        }
        return Optional.of(new AudioCaptureFormat(rate, channels, bigEndian));
    }

    /** The javax.sound format to open a line with for a negotiated format. */
    public static AudioFormat toAudioFormat(AudioCaptureFormat f) {
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, f.sampleRateHz(), 16, f.channels(),
                f.frameBytes(), f.sampleRateHz(), f.bigEndian());
    }
}
