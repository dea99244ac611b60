package org.telestation.devices.audio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.telestation.devices.model.AudioChunk;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * An {@link AudioSource} fed by the {@link HeartSoundSimulator}: what the station uses without a stethoscope.
 * Chunk start times advance by sample count from the clock's instant at creation, as a real capture's would;
 * when {@code paced}, {@link #read} sleeps so chunks come out in real time.
 */
public final class SimulatedAudioSource implements AudioSource {
    private final HeartSoundSimulator simulator;
    private final DeviceIdentity device;
    private final AudioCaptureFormat format;
    private final Instant start;
    private final Clock clock;
    private final boolean paced;
    private long framesDelivered;
    private volatile boolean closed;

    public SimulatedAudioSource(HeartSoundSimulator simulator, Clock clock, boolean paced) {
        this.simulator = simulator;
        this.clock = clock;
        this.paced = paced;
        this.start = clock.instant();
        this.format = new AudioCaptureFormat(simulator.sampleRateHz(), 1, false);
        this.device = new DeviceIdentity(DeviceKind.STETHOSCOPE, "Telestation", "heart-sound simulator", "SIM-0001",
                "sim:stethoscope");
    }

    @Override
    public DeviceIdentity device() {
        return device;
    }

    @Override
    public AudioCaptureFormat format() {
        return format;
    }

    @Override
    public AudioChunk read(int frames) {
        if (closed) return null;
        Instant chunkStart = start.plus(offset(framesDelivered));
        if (paced) {
            long waitMs = Duration.between(clock.instant(), start.plus(offset(framesDelivered + frames))).toMillis();
            if (waitMs > 0) {
                try {
                    Thread.sleep(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        }
        byte[] pcm = simulator.next(frames);
        framesDelivered += frames;
        return new AudioChunk(device, format.sampleRateHz(), 1, chunkStart, pcm);
    }

    private Duration offset(long frames) {
        return Duration.ofNanos(Math.round(frames * 1e9 / format.sampleRateHz()));
    }

    @Override
    public void close() {
        closed = true;
    }
}
