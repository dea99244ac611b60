package org.telestation.server.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * {@code /ws/consultation/{id}/live} (and {@code /public/consultation/{id}/live} for invited guests): the live data
 * of the consultation's station for its participants ({@link ConsultationSocketAccess} decides who). Receives the
 * station's frames as they arrive (binary sample frames verbatim, status messages as text). A slow viewer loses
 * frames rather than slowing the station or the other viewers. Answers {@code {"type":"ping","t0":…}} with the
 * server time so the page can put the station's timestamps on its own clock and show each value's delay.
 */
class ViewerLiveHandler extends AbstractWebSocketHandler {
    private static final String SUBSCRIPTION = "subscription";
    private static final String OUT = "out";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LiveBus bus;
    private final Clock clock;
    private final OpenViewerSockets openSockets;

    ViewerLiveHandler(LiveBus bus, Clock clock, OpenViewerSockets openSockets) {
        this.bus = bus;
        this.clock = clock;
        this.openSockets = openSockets;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Consultation c = (Consultation) session.getAttributes().get(ConsultationSocketAccess.CONSULTATION);
        if (c == null || c.stationId() == null) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("no station for this consultation"));
            return;
        }
        // The station streams whoever is in front of it: only while this consultation's patient is.
        if (!OpenViewerSockets.Stream.LIVE.allowedIn(c.status())) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("consultation " + c.status().name().toLowerCase()));
            return;
        }
        openSockets.opened(c.id(), OpenViewerSockets.Stream.LIVE, session);
        session.setTextMessageSizeLimit(1024);
        // Bounded send buffer: past 512 KB pending (about 10 s of a 12-lead ECG) frames are dropped.
        WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, 5000, 512 * 1024,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.DROP);
        session.getAttributes().put(OUT, out);
        session.getAttributes().put(SUBSCRIPTION, bus.subscribe(c.stationId(), frame -> send(out, frame)));
        // Stations send their device status on change only: a late viewer starts from the latest one.
        bus.lastStatus(c.stationId()).ifPresent(frame -> send(out, frame));
    }

    private static void send(WebSocketSession out, LiveFrame frame) {
        try {
            out.sendMessage(frame.kind() == LiveFrame.Kind.SAMPLES ? new BinaryMessage(frame.payload())
                    : new TextMessage(frame.payload()));
        } catch (IOException | IllegalStateException e) {
            // the viewer went away; afterConnectionClosed unsubscribes
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        long t1 = clock.millis();
        JsonNode node;
        try {
            node = JSON.readTree(message.getPayload());
        } catch (IOException e) {
            return;
        }
        if (node != null && "ping".equals(node.path("type").asText()) && node.path("t0").isNumber()
                && session.getAttributes().get(OUT) instanceof WebSocketSession out) {
            out.sendMessage(new TextMessage(JSON.createObjectNode().put("type", "pong")
                    .put("t0", node.get("t0").asDouble()).put("t1", t1).toString()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().remove(SUBSCRIPTION) instanceof LiveBus.Subscription s) s.close();
        if (session.getAttributes().get(ConsultationSocketAccess.CONSULTATION) instanceof Consultation c) {
            openSockets.closed(c.id(), session);
        }
    }
}
