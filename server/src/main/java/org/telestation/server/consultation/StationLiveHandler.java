package org.telestation.server.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.telestation.server.measurements.StationRef;
import org.telestation.server.measurements.StationRefs;

/**
 * {@code /api/station/live}: a station's one live WebSocket (docs/wire-protocol.md). Answers pings with server
 * timestamps for the station's clock-offset estimate, checks and forwards sample frames and status messages to the
 * {@link LiveBus}. Bad input is counted and answered with an error message; it never reaches a viewer.
 */
class StationLiveHandler extends AbstractWebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(StationLiveHandler.class);
    static final int MAX_TEXT_CHARS = 16 * 1024;
    static final int MAX_FRAME_BYTES = 256 * 1024;
    private static final String STATION_ID = "stationId";
    private static final String BAD_MESSAGES = "badMessages";
    private static final String OUT = "out";
    /** A station that keeps sending garbage is disconnected; its backoff slows it down. */
    private static final int MAX_BAD_MESSAGES = 100;

    private final ObjectMapper json = new ObjectMapper();
    private final LiveBus bus;
    private final StationRefs stations;
    private final Clock clock;
    private final StationCommands commands;

    StationLiveHandler(LiveBus bus, StationRefs stations, Clock clock, StationCommands commands) {
        this.commands = commands;
        this.bus = bus;
        this.stations = stations;
        this.clock = clock;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        Principal principal = session.getPrincipal();
        Optional<StationRef> station = principal instanceof Authentication auth ? stations.of(auth) : Optional.empty();
        if (station.isEmpty()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("station credential required"));
            return;
        }
        // Per-session limits rather than a container bean, which would break MockMvc tests elsewhere.
        session.setBinaryMessageSizeLimit(MAX_FRAME_BYTES);
        session.setTextMessageSizeLimit(MAX_TEXT_CHARS);
        session.getAttributes().put(STATION_ID, station.get().id());
        session.getAttributes().put(BAD_MESSAGES, 0);
        session.getAttributes().put(OUT, commands.connected(station.get().id(), session));
        out(session).sendMessage(new TextMessage(json.createObjectNode().put("type", "welcome")
                .put("stationId", station.get().id().toString()).put("serverTime", clock.millis()).toString()));
        log.info("station {} live link up", station.get().code());
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
        long t1 = clock.millis();
        UUID stationId = (UUID) session.getAttributes().get(STATION_ID);
        if (stationId == null) return;
        String text = message.getPayload();
        JsonNode node = null;
        if (text.length() <= MAX_TEXT_CHARS) {
            try {
                node = json.readTree(text);
            } catch (Exception e) {
                node = null;
            }
        }
        String type = node != null && node.isObject() && node.path("type").isTextual() ? node.get("type").asText() : null;
        if ("ping".equals(type) && node.path("id").canConvertToLong() && node.path("t0").canConvertToLong()) {
            out(session).sendMessage(new TextMessage(json.createObjectNode().put("type", "pong")
                    .put("id", node.get("id").asLong()).put("t0", node.get("t0").asLong())
                    .put("t1", t1).put("t2", clock.millis()).toString()));
        } else if ("status".equals(type)) {
            bus.publish(new LiveFrame(stationId, clock.instant(), LiveFrame.Kind.STATUS,
                    node.toString().getBytes(StandardCharsets.UTF_8)));
        } else if ("hello".equals(type)) {
            // nothing to do: the credential already says who it is
        } else {
            bad(session, "unknown or malformed control message");
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) throws Exception {
        UUID stationId = (UUID) session.getAttributes().get(STATION_ID);
        if (stationId == null) return;
        ByteBuffer b = message.getPayload();
        byte[] frame = new byte[b.remaining()];
        b.get(frame);
        // Only the header is checked here: viewers decode the entries, and the header is what routing needs.
        if (frame.length < 18 || frame.length > MAX_FRAME_BYTES || frame[0] != 'T' || frame[1] != 'L'
                || frame[2] != 1 || frame[3] != 1) {
            bad(session, "malformed live frame");
            return;
        }
        bus.publish(new LiveFrame(stationId, clock.instant(), LiveFrame.Kind.SAMPLES, frame));
    }

    private void bad(WebSocketSession session, String why) throws Exception {
        int count = (Integer) session.getAttributes().merge(BAD_MESSAGES, 1, (a, b) -> (Integer) a + (Integer) b);
        if (count > MAX_BAD_MESSAGES) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("too many malformed messages"));
            return;
        }
        out(session).sendMessage(new TextMessage(json.createObjectNode().put("type", "error").put("message", why)
                .toString()));
    }

    /** Sends go through the same serialising decorator as the server's requests to the station. */
    private static WebSocketSession out(WebSocketSession session) {
        return session.getAttributes().get(OUT) instanceof WebSocketSession out ? out : session;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(STATION_ID) instanceof UUID stationId) {
            commands.disconnected(stationId, session);
            log.info("station live link closed: {}", status.getCode());
        }
    }
}
