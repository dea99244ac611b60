package org.telestation.devices.ecg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.WaveformChunk;

/**
 * A resting ECG as any of the supported formats carries it: simultaneous leads at one sample rate.
 *
 * @param channels        the leads, in the order of the source
 * @param sampleRateHz    samples per second per lead
 * @param acquisitionTime when the acquisition started, or null when the file does not say
 * @param device          the acquiring device, or null when unknown
 * @param metadata        patient and acquisition details the file carried
 */
public record EcgRecording(List<EcgChannel> channels, double sampleRateHz, Instant acquisitionTime,
                           DeviceIdentity device, EcgMetadata metadata) {
    public EcgRecording {
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        if (!(sampleRateHz > 0) || Double.isInfinite(sampleRateHz)) {
            throw new IllegalArgumentException("sample rate must be positive");
        }
        if (metadata == null) metadata = EcgMetadata.EMPTY;
    }

    /** Samples in the longest channel. */
    public int sampleCount() {
        int n = 0;
        for (EcgChannel c : channels) n = Math.max(n, c.length());
        return n;
    }

    public Duration duration() {
        return Duration.ofNanos(Math.round(sampleCount() * 1e9 / sampleRateHz));
    }

    /** The channel of a standard lead, or null. */
    public EcgChannel lead(EcgLead lead) {
        for (EcgChannel c : channels) if (c.lead() == lead) return c;
        return null;
    }

    public EcgRecording withMetadata(EcgMetadata newMetadata) {
        return new EcgRecording(channels, sampleRateHz, acquisitionTime, device, newMetadata);
    }

    /**
     * One {@link WaveformChunk} per channel, in mV. Channels whose samples exceed int16 are re-quantised with the
     * smallest power-of-two step that fits (the precision lost is reported by the larger {@code scale}).
     *
     * @param fallbackStart start time when the recording has none (e.g. the station's receipt time)
     */
    public List<WaveformChunk> toWaveformChunks(Instant fallbackStart) {
        Instant start = acquisitionTime != null ? acquisitionTime : fallbackStart;
        List<WaveformChunk> out = new ArrayList<>(channels.size());
        for (EcgChannel original : channels) {
            EcgChannel c = original.toInt16Range();
            short[] samples = new short[c.length()];
            for (int i = 0; i < samples.length; i++) samples[i] = (short) c.samples()[i];
            out.add(new WaveformChunk(device, c.label(), sampleRateHz, start, samples,
                    c.microvoltsPerUnit() / 1000.0, c.offsetMicrovolts() / 1000.0, "mV"));
        }
        return out;
    }
}
