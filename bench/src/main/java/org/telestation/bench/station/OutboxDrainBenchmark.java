package org.telestation.bench.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.telestation.station.link.Backoff;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxUploader;

/**
 * How fast the station empties a backlog once the network is back: the real {@link Outbox} (SQLite, WAL,
 * synchronous=FULL) and the real {@link OutboxUploader} (JSON batches of 200 over HTTP) against a local endpoint
 * that acknowledges every key the way the server does. Score = items/s (target ≥ 1,000). The server's own insert
 * rate is exercised by the loss test (StationOutboxLossTest), not here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutboxDrainBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MEASUREMENT = ("{\"sign\":\"OXYGEN_SATURATION\",\"loinc\":\"2708-6\",\"unit\":\"%\","
            + "\"origin\":\"NURSE_CAPTURE\",\"receiptTime\":\"2026-11-22T10:00:00Z\",\"value\":97.0,"
            + "\"device\":{\"id\":\"pulse_oximeter:SIM-1\",\"kind\":\"PULSE_OXIMETER\"},\"flags\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    private Path dir;
    private HttpServer server;
    private Outbox outbox;
    private OutboxUploader uploader;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("outbox-bench");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/station/outbox", ex -> {
            JsonNode batch = JSON.readTree(ex.getRequestBody());
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode results = answer.putArray("results");
            for (JsonNode item : batch.get("items")) {
                results.addObject().put("key", item.get("key").asText()).put("status", "STORED");
            }
            byte[] bytes = JSON.writeValueAsBytes(answer);
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        outbox = new Outbox(dir.resolve("outbox.db"), Clock.systemUTC(), 1_000_000, 0);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        uploader = new OutboxUploader(outbox, http, URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "BENCH:secret", Clock.systemUTC(), new Backoff(Duration.ofMillis(1), Duration.ofMillis(10),
                new Random()), Duration.ofSeconds(10));
    }

    /** Keeps a backlog: the benchmark measures draining, not capturing. */
    @Setup(Level.Invocation)
    public void backlog() throws Exception {
        if (outbox.pendingCount() < OutboxUploader.MAX_BATCH_ITEMS) {
            for (int i = 0; i < 10 * OutboxUploader.MAX_BATCH_ITEMS; i++) {
                outbox.enqueue("pulse_oximeter:SIM-" + (i % 3), "MEASUREMENT", "application/json", MEASUREMENT);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(OutboxUploader.MAX_BATCH_ITEMS)
    public int drainOneBatch() throws Exception {
        int sent = uploader.drainOnce();
        if (sent != OutboxUploader.MAX_BATCH_ITEMS) throw new IllegalStateException("batch of " + sent);
        return sent;
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        uploader.close();
        outbox.close();
        server.stop(0);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
