package org.telestation.station.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telestation.devices.model.Measurement;
import org.telestation.station.DoctorRequests;
import org.telestation.station.EmergencyCall;
import org.telestation.station.StationHub;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxFullException;
import org.telestation.station.outbox.OutboxItem;
import org.telestation.station.outbox.OutboxItemTooLargeException;
import org.telestation.station.outbox.OutboxState;
import org.telestation.station.source.DeviceAction;
import org.telestation.station.source.DeviceStatus;

/**
 * The nurse's screen, served by the agent on port 8081 with the JDK's HTTP server: one French page, a small ES
 * module that polls {@code /api/state} and {@code /api/waveform}, and {@code POST /api/capture}; plus
 * {@code GET /health} for the systemd health timer. Bound to 127.0.0.1 by default: the screen is the cart's own
 * browser.
 */
public final class NurseScreen implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NurseScreen.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/nurse.js", "nurse.js", "/nurse.css", "nurse.css");

    /** What the screen shows about the link, supplied by the agent. */
    public record LinkInfo(boolean online, long clockOffsetMs, long roundTripMs, String uploadError) {
    }

    private final HttpServer server;
    private final StationHub hub;
    private final Outbox outbox;
    private final Supplier<LinkInfo> link;
    private final DoctorRequests requests;
    private final Supplier<EmergencyCall.Result> emergency;

    public NurseScreen(String bind, int port, StationHub hub, Outbox outbox, Supplier<LinkInfo> link)
            throws IOException {
        this(bind, port, hub, outbox, link, new DoctorRequests(),
                () -> new EmergencyCall.Result(false, null, null, "alerte indisponible"));
    }

    /**
     * @param requests  the doctor's measurement requests, shown at the top of the screen
     * @param emergency what the emergency button does (calls the server)
     */
    public NurseScreen(String bind, int port, StationHub hub, Outbox outbox, Supplier<LinkInfo> link,
                       DoctorRequests requests, Supplier<EmergencyCall.Result> emergency) throws IOException {
        this.requests = requests;
        this.emergency = emergency;
        this.hub = hub;
        this.outbox = outbox;
        this.link = link;
        this.server = HttpServer.create(new InetSocketAddress(bind, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "nurse-screen");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if ("GET".equals(method) && STATIC.containsKey(path)) {
                serveStatic(ex, STATIC.get(path));
            } else if ("GET".equals(method) && "/health".equals(path)) {
                // Liveness for telestation-station-health.timer: the screen's threads answer and the outbox reads.
                // An outbox that cannot be read ends in the 500 below, and the timer restarts the agent.
                sendJson(ex, 200, JSON.createObjectNode().put("status", "UP").put("pending", outbox.pendingCount()));
            } else if ("GET".equals(method) && "/api/state".equals(path)) {
                sendJson(ex, 200, state());
            } else if ("GET".equals(method) && "/api/outbox".equals(path)) {
                sendJson(ex, 200, outboxList());
            } else if ("GET".equals(method) && "/api/waveform".equals(path)) {
                sendJson(ex, 200, waveform(longParam(ex.getRequestURI().getRawQuery(), "after")));
            } else if ("POST".equals(method) && "/api/capture".equals(path)) {
                capture(ex);
            } else if ("POST".equals(method) && "/api/action".equals(path)) {
                action(ex);
            } else if ("POST".equals(method) && "/api/emergency".equals(path)) {
                EmergencyCall.Result r = emergency.get();
                sendJson(ex, 200, JSON.createObjectNode().put("alerted", r.alerted()).put("doctor", r.doctor())
                        .put("phone", r.phone()).put("error", r.error()));
            } else {
                sendJson(ex, 404, JSON.createObjectNode().put("error", "introuvable"));
            }
        } catch (Exception e) {
            log.warn("nurse screen request failed: {}", e.toString());
            try {
                sendJson(ex, 500, JSON.createObjectNode().put("error", "erreur interne de la station"));
            } catch (IOException ignored) {
                // the browser went away
            }
        } finally {
            // Here, not try-with-resources: that would close the exchange before the 500 above is written.
            ex.close();
        }
    }

    private void capture(HttpExchange ex) throws Exception {
        String deviceId = formParam(ex, "device");
        if (deviceId == null) {
            sendJson(ex, 400, JSON.createObjectNode().put("error", "appareil manquant"));
            return;
        }
        try {
            var items = hub.capture(deviceId);
            if (items.isEmpty()) {
                sendJson(ex, 409, JSON.createObjectNode().put("error", "aucune valeur à enregistrer pour cet appareil"));
                return;
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("captured", items.size());
            sendJson(ex, 200, body);
        } catch (OutboxFullException e) {
            sendJson(ex, 507, JSON.createObjectNode().put("error", hub.alarm()));
        } catch (OutboxItemTooLargeException e) {
            sendJson(ex, 413, JSON.createObjectNode().put("error", hub.alarm()));
        }
    }

    /** A device action (record an ECG, take a photo…): 202 with the sentence for the nurse, 409 when busy. */
    private void action(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readNBytes(4096);
        String form = new String(body, StandardCharsets.UTF_8);
        String deviceId = param(form, "device");
        String actionId = param(form, "action");
        if (deviceId == null || actionId == null) {
            sendJson(ex, 400, JSON.createObjectNode().put("error", "appareil ou action manquant"));
            return;
        }
        try {
            sendJson(ex, 202, JSON.createObjectNode().put("message", hub.perform(deviceId, actionId)));
        } catch (IllegalArgumentException e) {
            sendJson(ex, 404, JSON.createObjectNode().put("error", "action inconnue pour cet appareil"));
        } catch (IllegalStateException e) {
            sendJson(ex, 409, JSON.createObjectNode().put("error", e.getMessage()));
        }
    }

    private ObjectNode state() throws Exception {
        ObjectNode root = JSON.createObjectNode();
        LinkInfo l = link.get();
        root.put("online", l.online()).put("clockOffsetMs", l.clockOffsetMs()).put("roundTripMs", l.roundTripMs());
        root.put("uploadError", l.uploadError());
        Map<OutboxState, Long> counts = outbox.countByState();
        root.putObject("outbox")
                .put("pending", counts.get(OutboxState.QUEUED) + counts.get(OutboxState.SENDING))
                .put("acknowledged", counts.get(OutboxState.ACKNOWLEDGED))
                .put("failed", counts.get(OutboxState.FAILED))
                .put("max", outbox.maxPendingItems());
        root.put("alarm", hub.alarm());
        ArrayNode asked = root.putArray("requests");
        for (DoctorRequests.Request r : requests.recent()) {
            asked.addObject().put("id", r.id()).put("kind", r.kind()).put("requestedAt", r.requestedAtMs())
                    .put("automatic", r.automatic());
        }
        ArrayNode devices = root.putArray("devices");
        for (DeviceStatus s : hub.statuses()) {
            ObjectNode d = devices.addObject()
                    .put("id", s.device().id())
                    .put("kind", s.device().kind().name())
                    .put("model", s.device().model())
                    .put("address", s.device().address())
                    .put("state", s.state().name())
                    .put("diagnostic", s.diagnostic());
            if (s.batteryPercent() != null) d.put("battery", s.batteryPercent());
            ArrayNode actions = d.putArray("actions");
            for (DeviceAction a : hub.actions(s.device().id())) actions.addObject().put("id", a.id()).put("label", a.label());
            ArrayNode values = d.putArray("values");
            for (Measurement m : hub.lastValues(s.device().id()).values()) {
                ObjectNode v = values.addObject().put("sign", m.sign().name()).put("unit", m.unit())
                        .put("time", m.effectiveTime().toString());
                if (m.hasValue()) v.put("value", m.value());
            }
        }
        return root;
    }

    private ArrayNode outboxList() throws Exception {
        ArrayNode list = JSON.createArrayNode();
        for (OutboxItem item : outbox.recent(50)) {
            list.addObject()
                    .put("key", item.idempotencyKey())
                    .put("stream", item.stream())
                    .put("streamSeq", item.streamSeq())
                    .put("kind", item.kind())
                    .put("contentType", item.contentType())
                    .put("state", item.state().name())
                    .put("capturedAt", item.capturedAt().toString())
                    .put("summary", summary(item))
                    .put("error", item.lastError());
        }
        return list;
    }

    /** "OXYGEN_SATURATION 97 %" for a measurement; the kind otherwise. */
    private static String summary(OutboxItem item) {
        if (!"MEASUREMENT".equals(item.kind())) return item.kind();
        try {
            var n = JSON.readTree(item.payload());
            return n.path("sign").asText() + " " + n.path("value").asText() + " " + n.path("unit").asText();
        } catch (IOException e) {
            return item.kind();
        }
    }

    private ObjectNode waveform(long after) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode channels = root.putArray("channels");
        for (StationHub.WaveformHistory.Slice s : hub.waveformsAfter(after)) {
            ObjectNode c = channels.addObject().put("device", s.deviceId()).put("channel", s.channel())
                    .put("rate", s.sampleRateHz()).put("next", s.next());
            ArrayNode samples = c.putArray("samples");
            for (short v : s.samples()) samples.add(v);
        }
        return root;
    }

    private void serveStatic(HttpExchange ex, String name) throws IOException {
        try (InputStream in = NurseScreen.class.getResourceAsStream("/nurse-screen/" + name)) {
            if (in == null) {
                sendJson(ex, 404, JSON.createObjectNode().put("error", "introuvable"));
                return;
            }
            byte[] bytes = in.readAllBytes();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            ex.getResponseHeaders().set("Content-Type", type);
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String formParam(HttpExchange ex, String name) throws IOException {
        byte[] body = ex.getRequestBody().readNBytes(4096);
        return param(new String(body, StandardCharsets.UTF_8), name);
    }

    private static long longParam(String query, String name) {
        try {
            String v = param(query, name);
            return v == null ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String param(String query, String name) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
