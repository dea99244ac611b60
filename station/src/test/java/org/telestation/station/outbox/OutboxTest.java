package org.telestation.station.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir Path dir;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

    Outbox open(long max) throws Exception {
        return new Outbox(dir.resolve("outbox.db"), clock, max, 0);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void itemsGetPerStreamSequencesAndLeaveOldestFirst() throws Exception {
        try (Outbox outbox = open(100)) {
            outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("1"));
            outbox.enqueue("b", "MEASUREMENT", "application/json", bytes("2"));
            OutboxItem a2 = outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("3"));
            assertThat(a2.streamSeq()).isEqualTo(2);

            List<OutboxItem> batch = outbox.claimBatch(10, 1 << 20);
            assertThat(batch).extracting(OutboxItem::stream, OutboxItem::streamSeq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", 1L),
                            org.assertj.core.groups.Tuple.tuple("b", 1L), org.assertj.core.groups.Tuple.tuple("a", 2L));
            assertThat(outbox.claimBatch(10, 1 << 20)).as("claimed items are not handed out twice").isEmpty();
            outbox.acknowledge(batch.stream().map(OutboxItem::idempotencyKey).toList());
            assertThat(outbox.pendingCount()).isZero();
            assertThat(outbox.countByState().get(OutboxState.ACKNOWLEDGED)).isEqualTo(3);
        }
    }

    @Test
    void aBatchInFlightWhenTheAgentDiesIsSentAgainAfterRestart() throws Exception {
        String key;
        try (Outbox outbox = open(100)) {
            key = outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("x")).idempotencyKey();
            assertThat(outbox.claimBatch(10, 1 << 20)).hasSize(1);
        }
        try (Outbox reopened = open(100)) {
            List<OutboxItem> again = reopened.claimBatch(10, 1 << 20);
            assertThat(again).extracting(OutboxItem::idempotencyKey).containsExactly(key);
            assertThat(again.get(0).attempts()).isEqualTo(1);
        }
    }

    @Test
    void aFailedBatchWaitsForItsRetryTimeAndKeepsTheStreamInOrder() throws Exception {
        try (Outbox outbox = open(100)) {
            outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("1"));
            List<OutboxItem> first = outbox.claimBatch(1, 1 << 20);
            outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("2"));
            outbox.retryLater(List.of(first.get(0).idempotencyKey()), clock.instant().plusSeconds(5), "serveur injoignable");
            assertThat(outbox.claimBatch(10, 1 << 20)).as("item 2 must not overtake item 1").isEmpty();
            clock.advance(Duration.ofSeconds(6));
            assertThat(outbox.claimBatch(10, 1 << 20)).extracting(OutboxItem::streamSeq).containsExactly(1L, 2L);
        }
    }

    @Test
    void aFullOutboxRefusesNewItemsAndKeepsTheStoredOnes() throws Exception {
        try (Outbox outbox = open(2)) {
            outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("1"));
            outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("2"));
            assertThatThrownBy(() -> outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("3")))
                    .isInstanceOf(OutboxFullException.class)
                    .extracting(e -> ((OutboxFullException) e).reason()).isEqualTo(OutboxFullException.Reason.OUTBOX_FULL);
            assertThat(outbox.pendingCount()).isEqualTo(2);
            assertThat(outbox.recent(10)).extracting(i -> new String(i.payload(), StandardCharsets.UTF_8))
                    .containsExactly("2", "1");
        }
    }

    @Test
    void nearlyFullDiskRefusesNewItems() throws Exception {
        try (Outbox outbox = new Outbox(dir.resolve("o.db"), clock, 100, Long.MAX_VALUE)) {
            assertThatThrownBy(() -> outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("1")))
                    .isInstanceOf(OutboxFullException.class)
                    .extracting(e -> ((OutboxFullException) e).reason()).isEqualTo(OutboxFullException.Reason.DISK_FULL);
        }
    }

    @Test
    void rejectedItemsAreFailedForGoodAndPruningNeverRestartsAStream() throws Exception {
        try (Outbox outbox = open(100)) {
            OutboxItem one = outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("1"));
            OutboxItem two = outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("2"));
            outbox.claimBatch(10, 1 << 20);
            outbox.acknowledge(List.of(one.idempotencyKey()));
            outbox.reject(Map.of(two.idempotencyKey(), "invalide"));
            assertThat(outbox.claimBatch(10, 1 << 20)).isEmpty();
            clock.advance(Duration.ofDays(8));
            assertThat(outbox.pruneAcknowledged(Outbox.DEFAULT_RETENTION)).isEqualTo(1);
            assertThat(outbox.countByState().get(OutboxState.FAILED)).isEqualTo(1);
            assertThat(outbox.enqueue("a", "MEASUREMENT", "application/json", bytes("3")).streamSeq()).isEqualTo(3);
        }
    }

    @Test
    void batchesStopAtTheByteBudgetButAlwaysCarryOneItem() throws Exception {
        try (Outbox outbox = open(100)) {
            outbox.enqueue("a", "IMAGE", "image/jpeg", new byte[1000]);
            outbox.enqueue("a", "IMAGE", "image/jpeg", new byte[1000]);
            assertThat(outbox.claimBatch(10, 10)).hasSize(1);
            assertThat(outbox.claimBatch(10, 10)).hasSize(1);
        }
    }

    @Test
    void anItemOverTheMaximumIsRefusedAtEnqueueAndNothingMoves() throws Exception {
        try (Outbox outbox = new Outbox(dir.resolve("outbox.db"), clock, 100, 0, 1000)) {
            OutboxItem first = outbox.enqueue("otoscope", "IMAGE", "image/jpeg", new byte[1000]);
            assertThatThrownBy(() -> outbox.enqueue("otoscope", "IMAGE", "image/jpeg", new byte[1001]))
                    .isInstanceOfSatisfying(OutboxItemTooLargeException.class, e -> {
                        assertThat(e.size()).isEqualTo(1001);
                        assertThat(e.max()).isEqualTo(1000);
                    });
            assertThat(outbox.pendingCount()).isEqualTo(1);
            assertThat(outbox.streamLength("otoscope")).as("the refused item took no stream position").isEqualTo(1);
            assertThat(outbox.claimBatch(10, 1 << 20)).extracting(OutboxItem::idempotencyKey)
                    .containsExactly(first.idempotencyKey());
        }
    }

    @Test
    void theDefaultMaximumIsTheServersPerItemLimitAndFitsItsBatchLimitOnceEncoded() {
        long serverBatchLimit = 64L * 1024 * 1024; // telestation.api.max-station-batch-bytes
        long base64 = 4 * ((Outbox.DEFAULT_MAX_ITEM_BYTES + 2) / 3);
        assertThat(Outbox.DEFAULT_MAX_ITEM_BYTES).isEqualTo(32L * 1024 * 1024); // StationItemService.MAX_PAYLOAD_BYTES
        assertThat(base64 + 64 * 1024).as("one item alone, with room for its JSON").isLessThan(serverBatchLimit);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
