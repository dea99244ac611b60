package org.telestation.server.consultation;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The way back to a station: its live WebSocket is the only connection there is (stations connect outbound only),
 * so server → station messages (measurement requests) go down that socket. Held per instance; with several server
 * instances the request must reach the instance holding the socket (docs/consultation.md, "Beyond one machine").
 */
@Component
class StationCommands {
    private final Map<UUID, WebSocketSession> sockets = new ConcurrentHashMap<>();

    /** @return the thread-safe view of the socket that every sender (handler and requests) must use */
    WebSocketSession connected(UUID stationId, WebSocketSession session) {
        WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, 5000, 64 * 1024);
        sockets.put(stationId, out);
        return out;
    }

    void disconnected(UUID stationId, WebSocketSession session) {
        sockets.computeIfPresent(stationId, (id, s) -> s.getId().equals(session.getId()) ? null : s);
    }

    /** Sends a JSON control message; false when the station is not connected here or the send failed. */
    boolean send(UUID stationId, String json) {
        WebSocketSession s = sockets.get(stationId);
        if (s == null || !s.isOpen()) return false;
        try {
            s.sendMessage(new TextMessage(json));
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }
}
