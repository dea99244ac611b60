package org.telestation.station.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telestation.station.link.Backoff;

/**
 * The uploader against a real HTTP server answering like {@code POST /api/station/outbox}: what the server refuses
 * as too large never blocks the items behind it, and nothing else is lost, resent or reordered.
 */
class OutboxUploaderTest {
    /** The fake server's body limit: 40 small items fit in one body, the photo does not, even alone. */
    static final long SERVER_LIMIT = 64 * 1024;
    static final int SMALL = 1000;
    static final int PHOTO = 1024 * 1024;

    @TempDir Path dir;
    final OutboxTest.MutableClock clock = new OutboxTest.MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    <T extends AutoCloseable> T opened(T c) {
        open.add(c);
        return c;
    }

    FakeOutboxServer server;
    Outbox outbox;
    OutboxUploader uploader;
    /** What {@link #capture} put in the outbox, in capture order. */
    List<OutboxItem> items;

    /** A server with this body limit, an outbox holding {@link #capture}'s items, and its uploader. */
    void start(long serverBodyLimit) throws Exception {
        server = opened(new FakeOutboxServer(serverBodyLimit));
        outbox = opened(new Outbox(dir.resolve("outbox.db"), clock, 10_000, 0));
        uploader = new OutboxUploader(outbox, http, server.url(), "CHARIOT-01:secret", clock,
                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), new Random(7)), Duration.ofSeconds(20));
        items = capture(outbox);
    }

    /** Captures 40 measurements over two streams with a photo as the 13th item; returns them in capture order. */
    static List<OutboxItem> capture(Outbox outbox) throws Exception {
        List<OutboxItem> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            if (i == 12) items.add(outbox.enqueue("otoscope:SIM-1", "IMAGE", "image/jpeg", new byte[PHOTO]));
            byte[] value = ("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(SMALL) + "\"}").getBytes(StandardCharsets.UTF_8);
            items.add(outbox.enqueue(i % 2 == 0 ? "a" : "b", "MEASUREMENT", "application/json", value));
        }
        return items;
    }

    /** Drains until nothing is pending, moving the clock past each retry time; bounded so a bug cannot hang. */
    void drainAll() throws Exception {
        for (int round = 0; round < 50 && outbox.pendingCount() > 0; round++) {
            if (uploader.drainOnce() == 0) clock.advance(Duration.ofSeconds(2));
        }
        assertThat(outbox.pendingCount()).as("everything settled").isZero();
    }

    @Test
    void aBatchRefusedAsTooLargeIsSplitAndOnlyTheItemRefusedAloneFails() throws Exception {
        start(SERVER_LIMIT);

        int settled = uploader.drainOnce();

        assertThat(settled).as("one claimed batch, settled at once without waiting for a retry").isEqualTo(41);
        assertThat(server.statuses()).as("the whole batch, then halves").startsWith(413, 413).contains(200);
        assertAllButThePhotoDeliveredOnceInOrder();
        assertThat(uploader.uploaded()).isEqualTo(41);

        OutboxItem later = outbox.enqueue("a", "MEASUREMENT", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(uploader.drainOnce()).as("the queue flows after the refused photo").isEqualTo(1);
        assertThat(server.stored()).last().extracting(FakeOutboxServer.Stored::key).isEqualTo(later.idempotencyKey());
        assertThat(uploader.drainOnce()).as("the failed photo is never sent again").isZero();

        // Support raised the limit and ran the agent with --requeue-too-large: the photo goes, and only it.
        server.raiseLimit(Long.MAX_VALUE);
        assertThat(outbox.requeueFailed(OutboxUploader.TOO_LARGE_ERROR)).isEqualTo(1);
        assertThat(uploader.drainOnce()).isEqualTo(1);
        assertThat(server.stored()).last().extracting(FakeOutboxServer.Stored::key)
                .isEqualTo(items.get(12).idempotencyKey());
        assertThat(server.answeredKeys()).hasSize(42).doesNotHaveDuplicates();
        assertThat(outbox.countByState()).containsEntry(OutboxState.ACKNOWLEDGED, 42L)
                .containsEntry(OutboxState.FAILED, 0L);
    }

    @Test
    void aFailureAfterASplitPutsBackWhatIsNotStoredAndNothingOvertakesIt() throws Exception {
        start(SERVER_LIMIT);
        // 41 items: refused (413), its first half 0–19 with the photo refused too, the quarter 0–9 stored, then the
        // server fails on the quarter 10–19: that one and everything behind it wait for the retry.
        server.failRequest(4, 503);

        assertThat(uploader.drainOnce()).as("the first quarter is stored").isEqualTo(10);
        assertThat(server.statuses()).containsExactly(413, 413, 200, 503);
        assertThat(server.stored()).extracting(FakeOutboxServer.Stored::key)
                .containsExactlyElementsOf(items.subList(0, 10).stream().map(OutboxItem::idempotencyKey).toList());
        assertThat(outbox.countByState()).containsEntry(OutboxState.ACKNOWLEDGED, 10L)
                .containsEntry(OutboxState.QUEUED, 31L).containsEntry(OutboxState.FAILED, 0L);
        assertThat(uploader.lastError()).isEqualTo("le serveur a répondu HTTP 503");
        assertThat(uploader.drainOnce()).as("nothing before the retry time").isZero();
        assertThat(server.statuses()).hasSize(4);

        clock.advance(Duration.ofSeconds(2));
        drainAll();

        assertAllButThePhotoDeliveredOnceInOrder();
    }

    /**
     * Refusals of the whole batch that are not about its size (a malformed batch, a credential, a server error) say
     * nothing about one item: no split, nothing failed, the batch waits for its retry and the nurse sees why.
     */
    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 429, 500, 503})
    void otherRefusalsAreRetriedWithBackoffWithoutSplittingOrFailingAnything(int status) throws Exception {
        start(Long.MAX_VALUE);
        server.failRequest(1, status);

        assertThat(uploader.drainOnce()).isZero();
        assertThat(server.statuses()).containsExactly(status);
        assertThat(outbox.countByState()).containsEntry(OutboxState.QUEUED, 41L).containsEntry(OutboxState.FAILED, 0L);
        assertThat(uploader.lastError()).contains("HTTP " + status);
        if (status == 401 || status == 403) assertThat(uploader.lastError()).contains("station non reconnue");
        assertThat(uploader.drainOnce()).as("waits for its retry time").isZero();

        clock.advance(Duration.ofSeconds(2));
        drainAll();
        assertThat(server.stored()).extracting(FakeOutboxServer.Stored::key)
                .containsExactlyElementsOf(items.stream().map(OutboxItem::idempotencyKey).toList());
        assertThat(outbox.countByState()).containsEntry(OutboxState.ACKNOWLEDGED, 41L);
        assertThat(uploader.lastError()).isNull();
    }

    /** Every item but the photo (the 13th) read by the server once and stored in capture order; the photo FAILED. */
    void assertAllButThePhotoDeliveredOnceInOrder() throws Exception {
        OutboxItem photo = items.get(12);
        List<String> delivered = items.stream().filter(i -> i != photo).map(OutboxItem::idempotencyKey).toList();
        assertThat(server.answeredKeys()).as("each item but the photo read by the server exactly once")
                .containsExactlyInAnyOrderElementsOf(delivered);
        assertThat(server.stored()).extracting(FakeOutboxServer.Stored::key).as("in capture order")
                .containsExactlyElementsOf(delivered);
        assertInStreamOrder(server.stored());

        OutboxItem failed = outbox.recent(100).stream().filter(i -> i.idempotencyKey().equals(photo.idempotencyKey()))
                .findFirst().orElseThrow();
        assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
        assertThat(failed.lastError()).isEqualTo(OutboxUploader.TOO_LARGE_ERROR);
        // What the nurse's screen shows: 40 delivered, 1 refused, nothing waiting, no link error.
        assertThat(outbox.countByState()).containsEntry(OutboxState.ACKNOWLEDGED, 40L)
                .containsEntry(OutboxState.FAILED, 1L).containsEntry(OutboxState.QUEUED, 0L)
                .containsEntry(OutboxState.SENDING, 0L);
        assertThat(uploader.lastError()).isNull();
    }

    static void assertInStreamOrder(List<FakeOutboxServer.Stored> stored) {
        var byStream = stored.stream().collect(Collectors.groupingBy(FakeOutboxServer.Stored::stream));
        byStream.forEach((stream, list) -> assertThat(list).as("stream %s in order", stream)
                .isSortedAccordingTo(Comparator.comparingLong(FakeOutboxServer.Stored::streamSeq)));
    }
}
