package org.telestation.server.measurements;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;

/**
 * Durable ingestion of station outbox items: {@code insert … on conflict do nothing} on the idempotency key, so an
 * item is stored exactly once however often the station sends it. Items of a batch are inserted in the order
 * given; the station sends each stream oldest first and one batch at a time, so arrival order (the row id) follows
 * the stream order.
 */
@Service
public class StationItemService {
    public static final int MAX_BATCH_ITEMS = 500;
    public static final int MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
    static final Set<String> KINDS = Set.of("MEASUREMENT", "ECG", "IMAGE", "AUDIO");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;

    StationItemService(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** Stores what is new, recognises what is already stored, refuses what is invalid; one answer per item. */
    @Transactional
    public List<ItemResult> ingest(StationRef station, List<IncomingItem> items) {
        if (items.size() > MAX_BATCH_ITEMS) {
            throw new IllegalArgumentException("batch larger than " + MAX_BATCH_ITEMS + " items");
        }
        Instant now = clock.instant();
        List<ItemResult> results = new ArrayList<>(items.size());
        int stored = 0;
        int duplicates = 0;
        for (IncomingItem item : items) {
            ItemResult r = ingestOne(station, item, now);
            results.add(r);
            if (r.status() == ItemResult.Status.STORED) stored++;
            if (r.status() == ItemResult.Status.DUPLICATE) duplicates++;
        }
        audit.record(AuditLog.Action.CREATE, "StationItem", null, null, AuditLog.Outcome.SUCCESS,
                "station " + station.code() + ": " + stored + " stored, " + duplicates + " duplicate, "
                        + (items.size() - stored - duplicates) + " rejected");
        return results;
    }

    private ItemResult ingestOne(StationRef station, IncomingItem item, Instant now) {
        String rawKey = item == null ? null : item.key();
        UUID key;
        try {
            key = UUID.fromString(String.valueOf(rawKey));
        } catch (IllegalArgumentException e) {
            return rejected(rawKey, "key must be a UUID");
        }
        String error = validate(item);
        if (error != null) return rejected(rawKey, error);
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(item.payload());
        } catch (IllegalArgumentException e) {
            return rejected(rawKey, "payload is not base64");
        }
        Instant capturedAt = Instant.parse(item.capturedAt());
        var inserted = jdbc.sql("""
                        insert into station_item (station_id, idempotency_key, stream, stream_seq, kind, content_type,
                                                  captured_at, received_at, payload)
                        values (:station, :key, :stream, :seq, :kind, :type, :captured, :received, :payload)
                        on conflict do nothing
                        returning id""")
                .param("station", station.id())
                .param("key", key)
                .param("stream", item.stream())
                .param("seq", item.streamSeq())
                .param("kind", item.kind())
                .param("type", item.contentType())
                .param("captured", java.sql.Timestamp.from(capturedAt))
                .param("received", java.sql.Timestamp.from(now))
                .param("payload", payload)
                .query(Long.class).optional();
        if (inserted.isPresent()) return new ItemResult(rawKey, ItemResult.Status.STORED, inserted.get(), null);
        // Nothing inserted: either this key is stored already (a resend), or the stream position is taken by
        // another key, which only a station that lost its outbox database can cause.
        var existing = jdbc.sql("select id, station_id from station_item where idempotency_key = :key")
                .param("key", key)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2, UUID.class)}).optional();
        if (existing.isPresent() && station.id().equals(existing.get()[1])) {
            return new ItemResult(rawKey, ItemResult.Status.DUPLICATE, (Long) existing.get()[0], null);
        }
        if (existing.isPresent()) return rejected(rawKey, "key already used");
        return rejected(rawKey, "stream position " + item.stream() + "#" + item.streamSeq() + " already used");
    }

    private static String validate(IncomingItem item) {
        if (item.stream() == null || item.stream().isBlank() || item.stream().length() > 100) {
            return "stream must have 1 to 100 characters";
        }
        if (item.streamSeq() == null || item.streamSeq() < 1) return "streamSeq must be a positive integer";
        if (item.kind() == null || !KINDS.contains(item.kind())) return "kind must be one of " + KINDS;
        if (item.contentType() == null || item.contentType().isBlank() || item.contentType().length() > 100) {
            return "contentType must have 1 to 100 characters";
        }
        if (item.payload() == null) return "payload is missing";
        if (item.payload().length() > (MAX_PAYLOAD_BYTES / 3 + 1) * 4) return "payload larger than 32 MB";
        try {
            if (item.capturedAt() == null) return "capturedAt is missing";
            Instant.parse(item.capturedAt());
        } catch (DateTimeParseException e) {
            return "capturedAt must be an ISO-8601 instant";
        }
        return null;
    }

    private static ItemResult rejected(String key, String error) {
        return new ItemResult(key, ItemResult.Status.REJECTED, null, error);
    }

    /** How many items a station has stored (for tests and the coordinator's station page). */
    public long count(UUID stationId) {
        return jdbc.sql("select count(*) from station_item where station_id = :s").param("s", stationId)
                .query(Long.class).single();
    }
}
