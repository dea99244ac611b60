package org.telestation.station.source;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.VitalSign;
import org.telestation.devices.model.WaveformChunk;

/**
 * A pulse oximeter made up in software, so the whole path (live link, outbox, screens) runs without hardware:
 * a 100 Hz pleth in chunks of 4 samples every 40 ms, and SpO2 + pulse rate once a second. The pleth is a smooth
 * pulse shape (systolic peak + dicrotic notch) at the pulse rate.
 */
public final class SyntheticOximeterSource extends SyntheticSource {
    static final int SAMPLE_RATE_HZ = 100;
    static final int SAMPLES_PER_CHUNK = 4;

    private long sampleIndex;
    private int ticks;

    public SyntheticOximeterSource(String address, Clock clock) {
        super(new DeviceIdentity(DeviceKind.PULSE_OXIMETER, "Telestation", "Synthetic oximeter",
                "SIM-" + Math.abs(address.hashCode() % 10000), address), clock, "synthetic-oximeter", 87, 0,
                1000 / (SAMPLE_RATE_HZ / SAMPLES_PER_CHUNK));
    }

    @Override
    void tick(DeviceSink sink) {
        try {
            Instant now = clock.instant();
            short[] samples = new short[SAMPLES_PER_CHUNK];
            for (int i = 0; i < samples.length; i++) samples[i] = plethSample(sampleIndex + i, pulseRate());
            sink.waveform(new WaveformChunk(identity, "PLETH", SAMPLE_RATE_HZ, now, samples, 1.0 / 1000, 0, "1"));
            sampleIndex += samples.length;
            if (ticks++ % (SAMPLE_RATE_HZ / SAMPLES_PER_CHUNK) == 0) {
                sink.measurement(new Measurement(VitalSign.OXYGEN_SATURATION, spo2(), null, now, identity, Set.of()));
                sink.measurement(new Measurement(VitalSign.PULSE_RATE, pulseRate(), null, now, identity, Set.of()));
            }
        } catch (RuntimeException e) {
            // A bug in the generator must not kill the timer silently: report it like a device fault.
            sink.status(new DeviceStatus(identity, DeviceStatus.State.ERROR, null,
                    "Erreur interne du simulateur", clock.instant()));
        }
    }

    private double spo2() {
        return 97 + (ticks / 250) % 2;
    }

    private int pulseRate() {
        return 72;
    }

    /** One pleth sample in thousandths of full scale (0..1000). */
    static short plethSample(long index, int pulseRate) {
        double beat = index * pulseRate / (60.0 * SAMPLE_RATE_HZ);
        double phase = beat - Math.floor(beat);
        double systolic = Math.exp(-Math.pow((phase - 0.20) / 0.08, 2));
        double dicrotic = 0.35 * Math.exp(-Math.pow((phase - 0.48) / 0.10, 2));
        return (short) Math.round(100 + 800 * (systolic + dicrotic) / 1.05);
    }
}
