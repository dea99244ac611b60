package org.telestation.station.source;

import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;

/** Where a {@link DeviceSource} puts what it reads. Called from the source's own thread; must not block long. */
public interface DeviceSink {
    void measurement(Measurement measurement);

    void waveform(WaveformChunk chunk);

    void status(DeviceStatus status);

    /**
     * Stores a recording or an image durably (the outbox) before returning.
     *
     * @return false when it could not be stored (outbox full, disk full: the sink raises the alarm)
     */
    default boolean item(CapturedItem item) {
        return false;
    }

    /** Why a sink that only says false refused an item. */
    String OUTBOX_FULL = "la file d'envoi est pleine";

    /**
     * Stores a recording or an image like {@link #item}, and says why not.
     *
     * @return null once stored, else why it was refused, in French for the nurse ("la file d'envoi est pleine",
     *         "trop volumineuse pour être envoyée…")
     */
    default String offer(CapturedItem item) {
        return item(item) ? null : OUTBOX_FULL;
    }
}
