package org.telestation.server.consultation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * WebRTC signalling for the conversation video ({@code /ws/consultation/{id}/signal}; guests use
 * {@code /public/consultation/{id}/signal}): a relay inside one consultation's room. On joining, a peer gets its id
 * and the ids of the peers already there ({@code welcome}); the others get {@code joined}/{@code left}. Any other
 * message must name a peer in {@code to}; it is forwarded with {@code from} set by the server (a peer cannot
 * pretend to be another). Offers, answers and ICE candidates are opaque here. At most {@link #MAX_PEERS} per room.
 */
class SignalingHandler extends TextWebSocketHandler {
    static final int MAX_PEERS = 4;
    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PEER_ID = "peerId";

    /** room (consultation id) → peer id → socket */
    private final Map<UUID, Map<String, WebSocketSession>> rooms = new ConcurrentHashMap<>();

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Consultation c = (Consultation) session.getAttributes().get(ConsultationSocketAccess.CONSULTATION);
        session.setTextMessageSizeLimit(MAX_MESSAGE_CHARS);
        String peerId = UUID.randomUUID().toString().substring(0, 8);
        WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, 5000, 256 * 1024);
        Map<String, WebSocketSession> room = rooms.computeIfAbsent(c.id(), k -> new ConcurrentHashMap<>());
        synchronized (room) {
            if (room.size() >= MAX_PEERS) {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("room full"));
                return;
            }
            ObjectNode welcome = JSON.createObjectNode().put("type", "welcome").put("id", peerId);
            var peers = welcome.putArray("peers");
            room.forEach((id, s) -> peers.addObject().put("id", id).put("name",
                    String.valueOf(s.getAttributes().get(ConsultationSocketAccess.PARTICIPANT_NAME))));
            session.getAttributes().put(PEER_ID, peerId);
            out.sendMessage(new TextMessage(welcome.toString()));
            broadcast(room, JSON.createObjectNode().put("type", "joined").put("id", peerId).put("name",
                    String.valueOf(session.getAttributes().get(ConsultationSocketAccess.PARTICIPANT_NAME))));
            room.put(peerId, out);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        Consultation c = (Consultation) session.getAttributes().get(ConsultationSocketAccess.CONSULTATION);
        String from = (String) session.getAttributes().get(PEER_ID);
        Map<String, WebSocketSession> room = rooms.get(c.id());
        if (from == null || room == null) return;
        JsonNode node;
        try {
            node = JSON.readTree(message.getPayload());
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.isObject() || !node.path("to").isTextual()) {
            room.get(from).sendMessage(new TextMessage("{\"type\":\"error\",\"message\":\"malformed signal\"}"));
            return;
        }
        WebSocketSession target = room.get(node.get("to").asText());
        if (target == null) return; // the peer left meanwhile
        ((ObjectNode) node).put("from", from);
        try {
            target.sendMessage(new TextMessage(node.toString()));
        } catch (IOException | IllegalStateException e) {
            // the target is going away; its own close event cleans up
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Consultation c = (Consultation) session.getAttributes().get(ConsultationSocketAccess.CONSULTATION);
        String peerId = (String) session.getAttributes().get(PEER_ID);
        if (c == null || peerId == null) return;
        Map<String, WebSocketSession> room = rooms.get(c.id());
        if (room == null) return;
        synchronized (room) {
            room.remove(peerId);
            broadcast(room, JSON.createObjectNode().put("type", "left").put("id", peerId));
            if (room.isEmpty()) rooms.remove(c.id(), room);
        }
    }

    private static void broadcast(Map<String, WebSocketSession> room, ObjectNode message) {
        for (WebSocketSession s : room.values()) {
            try {
                s.sendMessage(new TextMessage(message.toString()));
            } catch (IOException | IllegalStateException e) {
                // a peer going away is cleaned up by its own close
            }
        }
    }
}
