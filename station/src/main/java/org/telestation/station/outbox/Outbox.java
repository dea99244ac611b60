package org.telestation.station.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's durable outbox: a SQLite database in WAL mode with {@code synchronous=FULL}, so an item is on disk
 * when {@link #enqueue} returns and survives {@code kill -9} or a power cut at any later point.
 *
 * <p>Items keep their capture order per stream ({@code stream_seq}) and are handed out oldest first, one batch at a
 * time, so the server receives each stream in order. The number of pending items is bounded: past the bound,
 * {@link #enqueue} refuses the new item with {@link OutboxFullException} and never drops a stored one. An item
 * larger than the server could ever take ({@link #DEFAULT_MAX_ITEM_BYTES}) is refused at once with
 * {@link OutboxItemTooLargeException}, so it never blocks or fails later in the queue.
 *
 * <p>One connection, every method synchronized: SQLite has one writer anyway, and the agent's writers are few
 * (capture, the uploader, the nurse's screen).
 */
public final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /**
     * The largest payload the server stores: {@code StationItemService.MAX_PAYLOAD_BYTES} (32 MiB; beyond, it answers
     * REJECTED). Alone in a batch, such an item is 44,739,244 bytes of base64 plus a few hundred bytes of JSON:
     * 42.7 MiB, well under the server's 64 MiB per batch ({@code telestation.api.max-station-batch-bytes}). 48 MiB
     * would not do: its base64 alone is 64 MiB.
     */
    public static final long DEFAULT_MAX_ITEM_BYTES = 32L * 1024 * 1024;

    /** How long acknowledged items stay for the nurse's list before {@link #pruneAcknowledged} deletes them. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final Connection db;
    private final Clock clock;
    private final Path directory;
    private final long maxPendingItems;
    private final long minFreeDiskBytes;
    private final long maxItemBytes;

    /** An outbox taking items up to {@link #DEFAULT_MAX_ITEM_BYTES}. */
    public Outbox(Path file, Clock clock, long maxPendingItems, long minFreeDiskBytes) throws SQLException {
        this(file, clock, maxPendingItems, minFreeDiskBytes, DEFAULT_MAX_ITEM_BYTES);
    }

    /**
     * @param file             the SQLite file (created when missing)
     * @param maxPendingItems  how many QUEUED/SENDING items it holds before refusing new ones
     * @param minFreeDiskBytes refuse new items when the file system has less free space than this
     * @param maxItemBytes     refuse an item whose payload is larger than this
     */
    public Outbox(Path file, Clock clock, long maxPendingItems, long minFreeDiskBytes, long maxItemBytes)
            throws SQLException {
        if (maxItemBytes < 1) throw new IllegalArgumentException("maxItemBytes must be positive");
        this.clock = clock;
        this.maxPendingItems = maxPendingItems;
        this.minFreeDiskBytes = minFreeDiskBytes;
        this.maxItemBytes = maxItemBytes;
        Path parent = file.toAbsolutePath().getParent();
        this.directory = parent;
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new SQLException("cannot create the outbox directory " + parent, e);
        }
        this.db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = db.createStatement()) {
            s.execute("pragma journal_mode=WAL");
            s.execute("pragma synchronous=FULL");
            s.execute("pragma busy_timeout=5000");
            s.execute("""
                    create table if not exists outbox_item (
                        seq             integer primary key autoincrement,
                        idempotency_key text    not null unique,
                        stream          text    not null,
                        stream_seq      integer not null,
                        kind            text    not null,
                        content_type    text    not null,
                        captured_at_ms  integer not null,
                        payload         blob    not null,
                        state           text    not null check (state in ('QUEUED','SENDING','ACKNOWLEDGED','FAILED')),
                        attempts        integer not null default 0,
                        next_attempt_ms integer not null default 0,
                        last_error      text,
                        acknowledged_ms integer,
                        unique (stream, stream_seq)
                    )""");
            s.execute("create index if not exists outbox_pending on outbox_item(state, seq)");
            // Kept apart from the items so pruning acknowledged items never lets a stream's numbering restart.
            s.execute("create table if not exists stream_counter (stream text primary key, last_seq integer not null)");
            // A batch that was on the wire when the agent died is simply sent again: the server dedupes by key.
            s.execute("update outbox_item set state = 'QUEUED' where state = 'SENDING'");
        }
        db.setAutoCommit(true);
    }

    /**
     * Stores a captured item; returns once it is durable. The stream sequence is the next one of its stream.
     *
     * @throws OutboxFullException         when the outbox holds {@code maxPendingItems} pending items or the disk
     *                                     is nearly full; nothing stored is lost
     * @throws OutboxItemTooLargeException when the payload is over {@code maxItemBytes}: nothing is stored and the
     *                                     stream's numbering does not move
     */
    public synchronized OutboxItem enqueue(String stream, String kind, String contentType, byte[] payload)
            throws OutboxFullException, OutboxItemTooLargeException, SQLException {
        if (payload.length > maxItemBytes) {
            // Sizes, kind and device only: never the payload, which is the patient's data.
            log.warn("outbox refused an item of {} bytes ({} from {}): at most {} bytes per item", payload.length, kind,
                    stream, maxItemBytes);
            throw new OutboxItemTooLargeException(payload.length, maxItemBytes);
        }
        if (pendingCount() >= maxPendingItems) {
            throw new OutboxFullException(OutboxFullException.Reason.OUTBOX_FULL,
                    "outbox full: " + maxPendingItems + " items wait for the server");
        }
        if (freeDiskBytes() < minFreeDiskBytes) {
            throw new OutboxFullException(OutboxFullException.Reason.DISK_FULL, "disk nearly full");
        }
        String key = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            return inTransaction(() -> {
                long streamSeq;
                try (PreparedStatement q = db.prepareStatement("""
                        insert into stream_counter (stream, last_seq) values (?, 1)
                        on conflict (stream) do update set last_seq = last_seq + 1 returning last_seq""")) {
                    q.setString(1, stream);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        streamSeq = rs.getLong(1);
                    }
                }
                try (PreparedStatement ins = db.prepareStatement("""
                        insert into outbox_item (idempotency_key, stream, stream_seq, kind, content_type,
                                                 captured_at_ms, payload, state)
                        values (?, ?, ?, ?, ?, ?, ?, 'QUEUED')""", Statement.RETURN_GENERATED_KEYS)) {
                    ins.setString(1, key);
                    ins.setString(2, stream);
                    ins.setLong(3, streamSeq);
                    ins.setString(4, kind);
                    ins.setString(5, contentType);
                    ins.setLong(6, now.toEpochMilli());
                    ins.setBytes(7, payload);
                    ins.executeUpdate();
                    try (ResultSet rs = ins.getGeneratedKeys()) {
                        rs.next();
                        return new OutboxItem(rs.getLong(1), key, stream, streamSeq, kind, contentType, now, payload,
                                OutboxState.QUEUED, 0, null);
                    }
                }
            });
        } catch (SQLException e) {
            if (isDiskFull(e)) {
                throw new OutboxFullException(OutboxFullException.Reason.DISK_FULL, "disk full");
            }
            throw e;
        }
    }

    /**
     * Takes the oldest QUEUED items that are due (up to {@code maxItems} and about {@code maxBytes}) and marks them
     * SENDING in one transaction. Returns nothing while the oldest pending item waits for its retry time, so a
     * stream never overtakes itself.
     */
    public synchronized List<OutboxItem> claimBatch(int maxItems, long maxBytes) throws SQLException {
        long now = clock.millis();
        return inTransaction(() -> {
            List<OutboxItem> batch = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("""
                    select seq, idempotency_key, stream, stream_seq, kind, content_type, captured_at_ms, payload,
                           state, attempts, next_attempt_ms, last_error
                    from outbox_item where state = 'QUEUED' order by seq limit ?""")) {
                q.setInt(1, maxItems);
                try (ResultSet rs = q.executeQuery()) {
                    long bytes = 0;
                    while (rs.next()) {
                        if (rs.getLong("next_attempt_ms") > now) break;
                        byte[] payload = rs.getBytes("payload");
                        if (!batch.isEmpty() && bytes + payload.length > maxBytes) break;
                        bytes += payload.length;
                        batch.add(read(rs, payload));
                    }
                }
            }
            try (PreparedStatement u = db.prepareStatement(
                    "update outbox_item set state = 'SENDING', attempts = attempts + 1 where seq = ?")) {
                for (OutboxItem item : batch) {
                    u.setLong(1, item.seq());
                    u.addBatch();
                }
                u.executeBatch();
            }
            return batch;
        });
    }

    /** The server stored these keys (or already had them): they are done. */
    public synchronized void acknowledge(Collection<String> keys) throws SQLException {
        updateEach(keys, "update outbox_item set state = 'ACKNOWLEDGED', last_error = null, acknowledged_ms = "
                + clock.millis() + " where idempotency_key = ? and state <> 'ACKNOWLEDGED'", false, null);
    }

    /** The server refused these keys as invalid: they will not be sent again. */
    public synchronized void reject(Map<String, String> errorByKey) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement u = db.prepareStatement(
                    "update outbox_item set state = 'FAILED', last_error = ? where idempotency_key = ?")) {
                for (var e : errorByKey.entrySet()) {
                    u.setString(1, truncate(e.getValue()));
                    u.setString(2, e.getKey());
                    u.addBatch();
                }
                return u.executeBatch();
            }
        });
    }

    /**
     * Puts the FAILED items whose error is {@code lastError} back in the queue (e.g. those refused as too large once
     * a proxy's body limit was raised); they keep their place, before anything captured after them.
     *
     * @return how many items went back
     */
    public synchronized int requeueFailed(String lastError) throws SQLException {
        try (PreparedStatement u = db.prepareStatement("update outbox_item set state = 'QUEUED', next_attempt_ms = 0 "
                + "where state = 'FAILED' and last_error = ?")) {
            u.setString(1, lastError);
            return u.executeUpdate();
        }
    }

    /** The batch did not get through (network, server error): back to QUEUED, not before {@code retryAt}. */
    public synchronized void retryLater(Collection<String> keys, Instant retryAt, String error) throws SQLException {
        updateEach(keys, "update outbox_item set state = 'QUEUED', next_attempt_ms = " + retryAt.toEpochMilli()
                + ", last_error = ? where idempotency_key = ? and state = 'SENDING'", true, truncate(error));
    }

    private void updateEach(Collection<String> keys, String sql, boolean withError, String error) throws SQLException {
        inTransaction(() -> {
            try (PreparedStatement u = db.prepareStatement(sql)) {
                for (String key : keys) {
                    int i = 1;
                    if (withError) u.setString(i++, error);
                    u.setString(i, key);
                    u.addBatch();
                }
                return u.executeBatch();
            }
        });
    }

    /** The highest stream sequence given in {@code stream} so far (0 when none). */
    public synchronized long streamLength(String stream) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "select coalesce(max(last_seq), 0) from stream_counter where stream = ?")) {
            q.setString(1, stream);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** QUEUED + SENDING: what still has to reach the server. */
    public synchronized long pendingCount() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from outbox_item where state in ('QUEUED','SENDING')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public synchronized Map<OutboxState, Long> countByState() throws SQLException {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) counts.put(s, 0L);
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("select state, count(*) from outbox_item group by state")) {
            while (rs.next()) counts.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2));
        }
        return counts;
    }

    /** The most recent items, newest first, for the nurse's list. */
    public synchronized List<OutboxItem> recent(int limit) throws SQLException {
        List<OutboxItem> items = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                select seq, idempotency_key, stream, stream_seq, kind, content_type, captured_at_ms, payload, state,
                       attempts, next_attempt_ms, last_error
                from outbox_item order by seq desc limit ?""")) {
            q.setInt(1, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) items.add(read(rs, rs.getBytes("payload")));
            }
        }
        return items;
    }

    /** Deletes acknowledged items older than {@code retention}; pending and failed items are never deleted. */
    public synchronized int pruneAcknowledged(Duration retention) throws SQLException {
        try (PreparedStatement d = db.prepareStatement(
                "delete from outbox_item where state = 'ACKNOWLEDGED' and acknowledged_ms < ?")) {
            d.setLong(1, clock.millis() - retention.toMillis());
            return d.executeUpdate();
        }
    }

    public long maxPendingItems() {
        return maxPendingItems;
    }

    public long maxItemBytes() {
        return maxItemBytes;
    }

    public long freeDiskBytes() {
        try {
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // cannot tell: SQLITE_FULL still stops us at the real limit
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in one transaction: all of it is on disk, or none of it. */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        db.setAutoCommit(false);
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static OutboxItem read(ResultSet rs, byte[] payload) throws SQLException {
        return new OutboxItem(rs.getLong("seq"), rs.getString("idempotency_key"), rs.getString("stream"),
                rs.getLong("stream_seq"), rs.getString("kind"), rs.getString("content_type"),
                Instant.ofEpochMilli(rs.getLong("captured_at_ms")), payload, OutboxState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getString("last_error"));
    }

    private static boolean isDiskFull(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_FULL") || m.contains("database or disk is full");
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
