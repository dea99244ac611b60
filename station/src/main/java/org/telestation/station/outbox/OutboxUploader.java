package org.telestation.station.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.Threads;
import org.telestation.station.link.Backoff;

/**
 * Drains the {@link Outbox} to {@code POST /api/station/outbox}, one batch at a time and oldest first, so every
 * stream reaches the server in order. The server answers per idempotency key: STORED or DUPLICATE → acknowledged,
 * REJECTED → failed for good. A 413 (too large) splits the batch in halves sent at once, and an item refused alone
 * is failed for good, so it never blocks the items behind it. A key the answer does not mention, any other status
 * (400, 401/403, 5xx…), a network error or an unreadable answer → what is not settled yet is retried after a
 * backoff with jitter (the server dedupes, so resending is always safe). docs/station.md, "The outbox".
 */
public final class OutboxUploader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxUploader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final int MAX_BATCH_ITEMS = 200;
    public static final long MAX_BATCH_BYTES = 4L * 1024 * 1024;
    /** An answer larger than this is not the server's. */
    private static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private final Outbox outbox;
    private final HttpClient http;
    private final URI endpoint;
    private final String bearer;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration requestTimeout;
    private final Object wakeUp = new Object();
    private final AtomicLong uploaded = new AtomicLong();
    private volatile boolean closed;
    private volatile String lastError;
    private volatile boolean reachable;
    private Thread worker;

    /** @param requestTimeout how long one batch may take end to end before it counts as lost and is retried */
    public OutboxUploader(Outbox outbox, HttpClient http, URI serverUrl, String bearer, Clock clock, Backoff backoff,
                          Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.outbox = outbox;
        this.http = http;
        this.endpoint = serverUrl.resolve("/api/station/outbox");
        this.bearer = bearer;
        this.clock = clock;
        this.backoff = backoff;
    }

    public synchronized void start() {
        if (worker != null) return;
        worker = new Thread(this::drainForever, "outbox-uploader");
        worker.setDaemon(true);
        worker.start();
    }

    /** Something new is in the outbox or the network came back: try now rather than at the next poll. */
    public void wake() {
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
    }

    private void drainForever() {
        while (!closed) {
            try {
                int sent = drainOnce();
                if (sent == 0) {
                    synchronized (wakeUp) {
                        wakeUp.wait(250);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // A local database error: log and keep going, the items stay stored.
                log.warn("outbox drain failed: {}", e.toString());
                sleepQuietly(1000);
            }
        }
    }

    /**
     * Sends one batch; returns how many items the server settled (acknowledged or refused for good; 0 when nothing
     * was due or the batch went back to the queue).
     */
    public int drainOnce() throws Exception {
        List<OutboxItem> batch = outbox.claimBatch(MAX_BATCH_ITEMS, MAX_BATCH_BYTES);
        if (batch.isEmpty()) return 0;
        List<String> keys = batch.stream().map(OutboxItem::idempotencyKey).toList();
        Delivery delivery = new Delivery();
        try {
            deliver(batch, delivery);
            reachable = true;
            lastError = null;
            backoff.reset();
        } catch (InterruptedException e) {
            outbox.retryLater(delivery.unsettled(keys), clock.instant(), "interrupted");
            throw e;
        } catch (Exception e) {
            reachable = e instanceof UploadException u && u.serverAnswered;
            Duration delay = backoff.nextDelay();
            lastError = describe(e);
            // What was settled before the failure stays settled; the rest, including the halves of a split batch
            // not sent yet, waits for the same retry time, so nothing overtakes an item still to be delivered.
            List<String> unsettled = delivery.unsettled(keys);
            outbox.retryLater(unsettled, clock.instant().plus(delay), lastError);
            log.info("outbox upload of {} items failed ({}), retry in {} ms", unsettled.size(), lastError,
                    delay.toMillis());
        }
        uploaded.addAndGet(delivery.settled.size());
        return delivery.settled.size();
    }

    /** The keys of one claimed batch that the server settled so far (acknowledged or refused for good). */
    private static final class Delivery {
        final Set<String> settled = new HashSet<>();

        List<String> unsettled(List<String> keys) {
            return keys.stream().filter(k -> !settled.contains(k)).toList();
        }
    }

    /**
     * Posts {@code batch}. A 413 is about the body's size, so the same body would be refused for ever: the batch is
     * split in two halves sent at once, in order, and an item refused alone is failed for good so the items behind
     * it flow. Any other failure throws, and the caller puts back what is not settled.
     */
    private void deliver(List<OutboxItem> batch, Delivery delivery) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 413) {
            if (batch.size() == 1) {
                OutboxItem item = batch.get(0);
                // Kind and sizes only: the payload is the patient's data.
                log.warn("server refused an item alone as too large (HTTP 413: {}, {} bytes): failed for good",
                        item.kind(), item.payload().length);
                outbox.reject(Map.of(item.idempotencyKey(), TOO_LARGE_ERROR));
                delivery.settled.add(item.idempotencyKey());
                return;
            }
            int half = batch.size() / 2;
            log.info("server refused a batch of {} items as too large (HTTP 413): sending it in two halves",
                    batch.size());
            deliver(batch.subList(0, half), delivery);
            deliver(batch.subList(half, batch.size()), delivery);
            return;
        }
        if (status != 200) throw new UploadException(statusError(status), true);
        List<String> keys = batch.stream().map(OutboxItem::idempotencyKey).toList();
        UploadAnswer answer = UploadAnswer.parse(response.body(), keys);
        outbox.acknowledge(answer.acknowledged());
        if (!answer.rejected().isEmpty()) outbox.reject(answer.rejected());
        delivery.settled.addAll(answer.acknowledged());
        delivery.settled.addAll(answer.rejected().keySet());
        if (!answer.unanswered().isEmpty()) {
            // A key the server did not mention must be sent again before anything behind it.
            throw new UploadException("pas de réponse du serveur", true);
        }
    }

    /** What the nurse reads for an item the server refused alone as too large ({@link Outbox#requeueFailed}). */
    public static final String TOO_LARGE_ERROR = "refusé par le serveur : trop volumineux (HTTP 413)";

    /**
     * The nurse's (and the support's) words for a refused batch. None of these is about one item: the server
     * judges items one by one in a 200 answer (REJECTED), so the batch is retried with backoff until the cause (a
     * credential, a proxy, a server version) is fixed, and nothing is failed for good.
     */
    static String statusError(int status) {
        return switch (status) {
            case 401, 403 -> "station non reconnue par le serveur (HTTP " + status + ") : prévenez le support";
            case 400 -> "requête refusée par le serveur (HTTP 400) : prévenez le support";
            default -> "le serveur a répondu HTTP " + status;
        };
    }

    private static byte[] body(List<OutboxItem> batch) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        Base64.Encoder b64 = Base64.getEncoder();
        for (OutboxItem item : batch) {
            items.addObject()
                    .put("key", item.idempotencyKey())
                    .put("stream", item.stream())
                    .put("streamSeq", item.streamSeq())
                    .put("kind", item.kind())
                    .put("contentType", item.contentType())
                    .put("capturedAt", item.capturedAt().toString())
                    .put("payload", b64.encodeToString(item.payload()));
        }
        return JSON.writeValueAsBytes(root);
    }

    /**
     * The server's answer to one batch, read defensively: keys that were not in the batch are ignored, unknown
     * statuses count as unanswered, and anything unreadable is an {@link UploadException} (the batch is retried).
     */
    public record UploadAnswer(List<String> acknowledged, Map<String, String> rejected, Set<String> unanswered) {
        public static UploadAnswer parse(byte[] body, Collection<String> sentKeys) throws UploadException {
            if (body == null || body.length > MAX_RESPONSE_BYTES) throw new UploadException("answer too large");
            JsonNode results;
            try {
                JsonNode root = JSON.readTree(body);
                results = root == null ? null : root.get("results");
            } catch (Exception e) {
                throw new UploadException("unreadable answer");
            }
            if (results == null || !results.isArray()) throw new UploadException("answer without results");
            Set<String> open = new HashSet<>(sentKeys);
            List<String> acknowledged = new ArrayList<>();
            Map<String, String> rejected = new HashMap<>();
            for (JsonNode r : results) {
                JsonNode keyNode = r.get("key");
                if (keyNode == null || !keyNode.isTextual() || !open.remove(keyNode.asText())) continue;
                String key = keyNode.asText();
                JsonNode status = r.get("status");
                switch (status != null && status.isTextual() ? status.asText() : "") {
                    case "STORED", "DUPLICATE" -> acknowledged.add(key);
                    case "REJECTED" -> {
                        JsonNode error = r.get("error");
                        String why = error != null && error.isTextual() ? error.asText() : "?";
                        rejected.put(key, "refusé par le serveur : " + (why.length() > 200 ? why.substring(0, 200) : why));
                    }
                    default -> open.add(key);
                }
            }
            return new UploadAnswer(List.copyOf(acknowledged), Map.copyOf(rejected), Set.copyOf(open));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof UploadException) return e.getMessage();
        if (e instanceof java.net.ConnectException) return "serveur injoignable";
        if (e instanceof java.net.http.HttpTimeoutException) return "délai dépassé";
        return "erreur réseau (" + e.getClass().getSimpleName() + ")";
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long uploaded() {
        return uploaded.get();
    }

    public String lastError() {
        return lastError;
    }

    public boolean reachable() {
        return reachable;
    }

    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = worker;
        }
        Threads.interruptAndJoin(t, Duration.ofSeconds(2));
    }

    /** The answer or the exchange was not usable: the batch goes back to the queue. */
    public static final class UploadException extends Exception {
        /** The server answered (an HTTP status, an answer), so it is reachable even though the batch failed. */
        final boolean serverAnswered;

        UploadException(String message) {
            this(message, false);
        }

        UploadException(String message, boolean serverAnswered) {
            super(message);
            this.serverAnswered = serverAnswered;
        }
    }
}
