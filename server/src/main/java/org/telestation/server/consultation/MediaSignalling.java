package org.telestation.server.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The relay between a station's clinical-media publisher and its viewers' browsers, keyed by station and by media
 * session (one per viewer socket). It forwards only the few signalling message types, with checked fields and sizes,
 * and stamps the session id itself: a viewer can neither reach another viewer's session nor another station, and a
 * station can only answer its own viewers. The server never sees the media, only SDP and ICE candidates.
 *
 * <p>In memory: a station's signalling socket and its viewers must land on the same server instance (the same
 * constraint as the live link; docs/operations.md).
 */
public final class MediaSignalling {
    private static final Logger log = LoggerFactory.getLogger(MediaSignalling.class);
    /** SDP of a two-track session is 3–6 KB; a candidate line well under 1 KB. */
    static final int MAX_SDP_CHARS = 32 * 1024;
    static final int MAX_CANDIDATE_CHARS = 1024;
    static final int MAX_TEXT_CHARS = 40 * 1024;
    static final int MAX_VIEWERS_PER_STATION = 4;
    private static final Set<String> FROM_STATION = Set.of("offer", "candidate", "media-error", "media-status",
            "snapshot-stored", "ping", "hello");
    private static final Set<String> FROM_VIEWER = Set.of("answer", "candidate", "snapshot");

    private final ObjectMapper json = new ObjectMapper();
    private final WebRtcProperties properties;
    private final Map<UUID, WebSocketSession> stations = new ConcurrentHashMap<>();
    private final Map<String, Viewer> viewers = new ConcurrentHashMap<>();

    record Viewer(String session, UUID stationId, WebSocketSession socket) {
    }

    public MediaSignalling(WebRtcProperties properties) {
        this.properties = properties;
    }

    /** The ICE servers as the browser's RTCConfiguration takes them. */
    JsonNode iceServers() {
        return json.valueToTree(properties.iceServers());
    }

    void stationConnected(UUID stationId, WebSocketSession socket) {
        WebSocketSession previous = stations.put(stationId, socket);
        if (previous != null && previous.isOpen()) close(previous);
        // Viewers waiting for this station ask again now that it can hear them.
        viewers.values().stream().filter(v -> v.stationId().equals(stationId)).forEach(this::request);
    }

    void stationDisconnected(UUID stationId, WebSocketSession socket) {
        if (!stations.remove(stationId, socket)) return;
        viewers.values().stream().filter(v -> v.stationId().equals(stationId))
                .forEach(v -> send(v.socket(), message("station-offline").put("session", v.session())));
    }

    /**
     * Registers a viewer socket; returns its media session id, or null when the station has too many viewers.
     * Synchronized so that two viewers arriving together cannot both take the last place.
     */
    synchronized String viewerConnected(UUID stationId, WebSocketSession socket) {
        long count = viewers.values().stream().filter(v -> v.stationId().equals(stationId)).count();
        if (count >= MAX_VIEWERS_PER_STATION) return null;
        Viewer viewer = new Viewer(UUID.randomUUID().toString(), stationId, socket);
        viewers.put(viewer.session(), viewer);
        send(socket, message("config").put("session", viewer.session()).set("iceServers", iceServers()));
        request(viewer);
        return viewer.session();
    }

    void viewerDisconnected(String session) {
        Viewer viewer = viewers.remove(session);
        if (viewer == null) return;
        WebSocketSession station = stations.get(viewer.stationId());
        if (station != null) send(station, message("hangup").put("session", session));
    }

    private void request(Viewer viewer) {
        WebSocketSession station = stations.get(viewer.stationId());
        if (station == null) {
            send(viewer.socket(), message("station-offline").put("session", viewer.session()));
            return;
        }
        ObjectNode request = message("media-request").put("session", viewer.session());
        request.set("iceServers", iceServers());
        send(station, request);
    }

    /**
     * A message from a station's publisher: forwarded to the one viewer whose session it names. The link's own
     * heartbeat ({@code ping}, answered with server times like the live link's) and {@code hello} stop here.
     */
    boolean fromStation(UUID stationId, WebSocketSession station, String text, long receivedAt, java.time.Clock clock) {
        ObjectNode m = checked(text, FROM_STATION);
        if (m != null && "ping".equals(m.get("type").asText())) {
            send(station, message("pong").put("id", m.get("id").asLong()).put("t0", m.get("t0").asLong())
                    .put("t1", receivedAt).put("t2", clock.millis()));
            return true;
        }
        if (m != null && "hello".equals(m.get("type").asText())) return true;
        if (m == null) return false;
        Viewer viewer = viewers.get(m.path("session").asText());
        if (viewer == null || !viewer.stationId().equals(stationId)) return true; // a viewer that left: not an error
        send(viewer.socket(), m);
        return true;
    }

    /** A message from a viewer: forwarded to its station with the viewer's own session id. */
    boolean fromViewer(String session, String text) {
        ObjectNode m = checked(text, FROM_VIEWER);
        Viewer viewer = viewers.get(session);
        if (m == null || viewer == null) return false;
        m.put("session", session);
        WebSocketSession station = stations.get(viewer.stationId());
        if (station == null) {
            send(viewer.socket(), message("station-offline").put("session", session));
        } else {
            send(station, m);
        }
        return true;
    }

    /**
     * Parses and checks one signalling message; returns a fresh object holding only the known fields, or null.
     * Never throws on hostile text.
     */
    ObjectNode checked(String text, Set<String> allowedTypes) {
        if (text == null || text.length() > MAX_TEXT_CHARS) return null;
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) return null;
        String type = node.get("type").asText();
        if (!allowedTypes.contains(type)) return null;
        ObjectNode out = message(type);
        JsonNode session = node.get("session");
        if (session != null) {
            if (!session.isTextual() || session.asText().length() > 64) return null;
            out.put("session", session.asText());
        }
        switch (type) {
            case "offer", "answer" -> {
                String sdp = text(node, "sdp", MAX_SDP_CHARS);
                if (sdp == null || !sdp.startsWith("v=0")) return null;
                out.put("sdp", sdp);
            }
            case "candidate" -> {
                String candidate = text(node, "candidate", MAX_CANDIDATE_CHARS);
                if (candidate == null) return null;
                out.put("candidate", candidate);
                String mid = text(node, "sdpMid", 32);
                if (mid != null) out.put("sdpMid", mid);
                JsonNode index = node.get("sdpMLineIndex");
                if (index != null && index.canConvertToInt() && index.isIntegralNumber()
                        && index.asInt() >= 0 && index.asInt() < 16) {
                    out.put("sdpMLineIndex", index.asInt());
                }
            }
            case "media-error", "media-status" -> {
                String message = text(node, "message", 200);
                if (message != null) out.put("message", message);
                for (String f : new String[] {"video", "audio"}) {
                    String v = text(node, f, 32);
                    if (v != null) out.put(f, v);
                }
            }
            case "ping" -> {
                JsonNode id = node.get("id");
                JsonNode t0 = node.get("t0");
                if (id == null || t0 == null || !id.isIntegralNumber() || !t0.isIntegralNumber()
                        || !id.canConvertToLong() || !t0.canConvertToLong()) {
                    return null;
                }
                out.put("id", id.asLong()).put("t0", t0.asLong());
            }
            case "snapshot-stored" -> {
                String key = text(node, "key", 64);
                if (key == null) return null;
                out.put("key", key);
            }
            default -> { } // snapshot, hello: no fields
        }
        return out;
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && v.asText().length() <= max ? v.asText() : null;
    }

    ObjectNode message(String type) {
        return json.createObjectNode().put("type", type);
    }

    private static void send(WebSocketSession socket, JsonNode message) {
        try {
            synchronized (socket) {
                if (socket.isOpen()) socket.sendMessage(new TextMessage(message.toString()));
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("signalling message not delivered: {}", e.toString());
        }
    }

    private static void close(WebSocketSession socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
