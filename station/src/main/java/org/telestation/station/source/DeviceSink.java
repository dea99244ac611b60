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

    /**
     * Why a sink refused an item.
     *
     * @param reason    in French for the nurse ("la file d'envoi est pleine", "trop volumineuse pour être envoyée…")
     * @param permanent true when trying the same item again can never succeed (too large): an import folder puts
     *                  the file in quarantine instead of trying it again
     */
    record Refusal(String reason, boolean permanent) {
        /** What a sink that only says false means: the outbox is full, try again later. */
        public static final Refusal OUTBOX_FULL = new Refusal("la file d'envoi est pleine", false);
    }

    /**
     * Stores a recording or an image like {@link #item}, and says why not.
     *
     * @return null once stored, else why it was refused
     */
    default Refusal offer(CapturedItem item) {
        return item(item) ? null : Refusal.OUTBOX_FULL;
    }
}
