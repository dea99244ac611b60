package org.telestation.server.consultation;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.telestation.server.audit.AuditLog;

/**
 * {@code /ws/live/{stationId}}: a professional's browser watching a station's live data. Receives the station's
 * frames as they arrive (binary sample frames verbatim, status messages as text). A slow viewer loses frames rather
 * than slowing the station or the other viewers.
 */
class ViewerLiveHandler extends AbstractWebSocketHandler {
    static final Set<String> VIEWER_ROLES = Set.of("ROLE_GP", "ROLE_SPECIALIST", "ROLE_NURSE", "ROLE_COORDINATOR",
            "ROLE_ADMIN");
    private static final String STATION_ID = "stationId";
    private static final String SUBSCRIPTION = "subscription";

    private final LiveBus bus;

    ViewerLiveHandler(LiveBus bus) {
        this.bus = bus;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        UUID stationId = (UUID) session.getAttributes().get(STATION_ID);
        // Bounded send buffer: past 512 KB pending (about 10 s of a 12-lead ECG) frames are dropped.
        WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, 5000, 512 * 1024,
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.DROP);
        session.getAttributes().put(SUBSCRIPTION, bus.subscribe(stationId, frame -> {
            try {
                out.sendMessage(frame.kind() == LiveFrame.Kind.SAMPLES ? new BinaryMessage(frame.payload())
                        : new TextMessage(frame.payload()));
            } catch (IOException | IllegalStateException e) {
                // the viewer went away; afterConnectionClosed unsubscribes
            }
        }));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // Viewers only listen for now; requests to the station come with the consultation page.
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().remove(SUBSCRIPTION) instanceof LiveBus.Subscription s) s.close();
    }

    /** Lets only signed-in professionals in, with a valid station id in the path; leaves an audit trace. */
    static final class ProfessionalsOnly implements HandshakeInterceptor {
        private final AuditLog audit;

        ProfessionalsOnly(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Map<String, Object> attributes) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            boolean professional = auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority).anyMatch(VIEWER_ROLES::contains);
            String path = request.getURI().getPath();
            UUID stationId;
            try {
                stationId = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            } catch (IllegalArgumentException e) {
                response.setStatusCode(org.springframework.http.HttpStatus.BAD_REQUEST);
                return false;
            }
            if (!professional) {
                response.setStatusCode(org.springframework.http.HttpStatus.FORBIDDEN);
                audit.record(AuditLog.Action.READ, "LiveStream", stationId.toString(), null,
                        AuditLog.Outcome.DENIED, null);
                return false;
            }
            audit.record(AuditLog.Action.READ, "LiveStream", stationId.toString(), null, AuditLog.Outcome.SUCCESS,
                    null);
            attributes.put(STATION_ID, stationId);
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }
    }
}
