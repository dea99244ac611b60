package org.telestation.station.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server side of {@code POST /api/station/outbox} as the real one answers it, on a JDK HttpServer: a body whose
 * declared length is over {@code maxBodyBytes} gets a 413 problem detail, unparsed (like
 * {@code ApiBodySizeFilter}); otherwise one result per key, STORED the first time and DUPLICATE after. A request
 * given to {@link #failRequest} gets that status instead (a 401, a 503…).
 */
final class FakeOutboxServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One item the server stored, in arrival order. */
    record Stored(String key, String stream, long streamSeq) {
    }

    private final HttpServer server;
    private long maxBodyBytes;
    private final Set<String> keys = new HashSet<>();
    private final List<Stored> stored = new ArrayList<>();
    private final List<String> answeredKeys = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();
    private final Map<Integer, Integer> forcedStatuses = new HashMap<>();

    FakeOutboxServer(long maxBodyBytes) throws IOException {
        this.maxBodyBytes = maxBodyBytes;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/station/outbox", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private synchronized void handle(HttpExchange ex) throws IOException {
        try (ex) {
            // Every body is read to its end, refused or not, as Tomcat (up to its maxSwallowSize) and nginx (lingering
            // close) do: a server that resets the connection instead loses its own answer.
            byte[] body = ex.getRequestBody().readAllBytes();
            Integer forced = forcedStatuses.get(statuses.size() + 1);
            if (forced != null) {
                answer(ex, forced, problem(forced, "forced by the test"));
                return;
            }
            String length = ex.getRequestHeaders().getFirst("Content-Length");
            if (length == null || Long.parseLong(length) > maxBodyBytes) {
                answer(ex, 413, problem(413, "Request body larger than " + maxBodyBytes + " bytes"));
                return;
            }
            JsonNode batch = JSON.readTree(body);
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode results = answer.putArray("results");
            for (JsonNode item : batch.get("items")) {
                String key = item.get("key").asText();
                answeredKeys.add(key);
                boolean isNew = keys.add(key);
                if (isNew) stored.add(new Stored(key, item.get("stream").asText(), item.get("streamSeq").asLong()));
                results.addObject().put("key", key).put("status", isNew ? "STORED" : "DUPLICATE");
            }
            answer(ex, 200, JSON.writeValueAsBytes(answer));
        }
    }

    private static byte[] problem(int status, String detail) {
        String code = status == 413 ? "error.too-large" : "error.forced";
        return ("{\"title\":\"refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code
                + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void answer(HttpExchange ex, int status, byte[] body) throws IOException {
        statuses.add(status);
        ex.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    /** Stored items, in arrival order. */
    synchronized List<Stored> stored() {
        return List.copyOf(stored);
    }

    /** Every key of every batch the server read and answered with 200, resends included. */
    synchronized List<String> answeredKeys() {
        return List.copyOf(answeredKeys);
    }

    /** The status of every request, in order. */
    synchronized List<Integer> statuses() {
        return List.copyOf(statuses);
    }

    synchronized void raiseLimit(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The {@code number}-th request (1 for the first) is answered {@code status} whatever it carries. */
    synchronized void failRequest(int number, int status) {
        forcedStatuses.put(number, status);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
