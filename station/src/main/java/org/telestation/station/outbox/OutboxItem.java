package org.telestation.station.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * One captured item as the outbox holds it.
 *
 * @param seq            local insertion order (SQLite rowid), global across streams
 * @param idempotencyKey random UUID given at capture; the server stores an item once per key
 * @param stream         ordering scope, usually a device id ("pulse_oximeter:SIM-0001")
 * @param streamSeq      1, 2, 3… within the stream, given at capture
 * @param kind           MEASUREMENT, ECG, IMAGE, AUDIO
 * @param contentType    media type of {@code payload}
 * @param capturedAt     station time of capture
 * @param payload        the item itself (JSON for a measurement, file bytes otherwise)
 * @param state          where it is in its life
 * @param attempts       how many batches carried it
 * @param lastError      the last failure, in words a nurse can read, or null
 */
public record OutboxItem(long seq, String idempotencyKey, String stream, long streamSeq, String kind,
                         String contentType, Instant capturedAt, byte[] payload, OutboxState state, int attempts,
                         String lastError) {
    public OutboxItem {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(payload, "payload");
    }
}
