package org.telestation.server.consultation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One message a station sent on its live link, as fanned out to viewers: a binary sample batch (forwarded
 * verbatim, layout in docs/wire-protocol.md §3) or a JSON device-status message.
 *
 * @param receivedAt server clock when it arrived; with the frame's own station time and clock offset this gives
 *                   the end-to-end delay
 */
public record LiveFrame(UUID stationId, Instant receivedAt, Kind kind, byte[] payload) {
    public enum Kind { SAMPLES, STATUS }

    public LiveFrame {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
    }
}
