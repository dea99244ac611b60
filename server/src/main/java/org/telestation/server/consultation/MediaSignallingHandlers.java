package org.telestation.server.consultation;

import java.security.Principal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.measurements.StationRef;
import org.telestation.server.measurements.StationRefs;

/**
 * The two WebSocket ends of {@link MediaSignalling}: stations on {@code /api/station/media}, viewers — the admitting
 * doctor on {@code /ws/consultation/{id}/media}, an invited specialist on {@code /public/consultation/{id}/media}.
 */
final class MediaSignallingHandlers {
    private static final Logger log = LoggerFactory.getLogger(MediaSignallingHandlers.class);
    private static final String STATION_ID = "mediaStationId";
    private static final String SESSION = "mediaSession";
    private static final String BAD = "mediaBadMessages";
    /** A peer that keeps sending garbage is disconnected. */
    private static final int MAX_BAD_MESSAGES = 50;

    private MediaSignallingHandlers() {
    }

    /** A station's publisher: authenticated by the station bearer credential on the handshake. */
    static final class Station extends TextWebSocketHandler {
        private final MediaSignalling relay;
        private final StationRefs stations;
        private final Clock clock;

        Station(MediaSignalling relay, StationRefs stations, Clock clock) {
            this.relay = relay;
            this.stations = stations;
            this.clock = clock;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            Principal principal = session.getPrincipal();
            Optional<StationRef> station = principal instanceof Authentication auth ? stations.of(auth)
                    : Optional.empty();
            if (station.isEmpty()) {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("station credential required"));
                return;
            }
            session.setTextMessageSizeLimit(MediaSignalling.MAX_TEXT_CHARS);
            session.getAttributes().put(STATION_ID, station.get().id());
            relay.stationConnected(station.get().id(), session);
            log.info("station {} media signalling up", station.get().code());
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            long receivedAt = clock.millis();
            UUID stationId = (UUID) session.getAttributes().get(STATION_ID);
            if (stationId != null && !relay.fromStation(stationId, session, message.getPayload(), receivedAt, clock)) {
                bad(session);
            }
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            UUID stationId = (UUID) session.getAttributes().get(STATION_ID);
            if (stationId != null) relay.stationDisconnected(stationId, session);
        }
    }

    /**
     * A clinician's browser, let in by {@link ClinicalMediaViewers}. The station's publisher serves at most
     * {@link MediaSignalling#MAX_VIEWERS_PER_STATION} sessions: one more viewer is told so ({@code viewer-limit}, so
     * that the page can say it rather than "station offline") and closed with 1008.
     */
    static final class Viewer extends TextWebSocketHandler {
        private final MediaSignalling relay;
        private final OpenViewerSockets openSockets;

        Viewer(MediaSignalling relay, OpenViewerSockets openSockets) {
            this.relay = relay;
            this.openSockets = openSockets;
        }

        @Override
        public void afterConnectionEstablished(WebSocketSession session) throws Exception {
            UUID stationId = (UUID) session.getAttributes().get(STATION_ID);
            session.setTextMessageSizeLimit(MediaSignalling.MAX_TEXT_CHARS);
            String mediaSession = relay.viewerConnected(stationId, session);
            if (mediaSession == null) {
                synchronized (session) {
                    session.sendMessage(new TextMessage("{\"type\":\"viewer-limit\",\"max\":"
                            + MediaSignalling.MAX_VIEWERS_PER_STATION + "}"));
                }
                session.close(CloseStatus.POLICY_VIOLATION.withReason("too many viewers for this station"));
                return;
            }
            session.getAttributes().put(SESSION, mediaSession);
            if (session.getAttributes().get(ConsultationSocketAccess.CONSULTATION) instanceof Consultation c) {
                openSockets.opened(c.id(), OpenViewerSockets.Stream.MEDIA, session);
            }
        }

        @Override
        protected void handleTextMessage(WebSocketSession session, TextMessage message) throws Exception {
            String mediaSession = (String) session.getAttributes().get(SESSION);
            if (mediaSession != null && !relay.fromViewer(mediaSession, message.getPayload())) bad(session);
        }

        @Override
        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
            String mediaSession = (String) session.getAttributes().get(SESSION);
            if (mediaSession != null) relay.viewerDisconnected(mediaSession);
            if (session.getAttributes().get(ConsultationSocketAccess.CONSULTATION) instanceof Consultation c) {
                openSockets.closed(c.id(), session);
            }
        }
    }

    /**
     * Checks the viewer on the HTTP handshake, after {@link ConsultationSocketAccess} has admitted a participant of
     * the consultation (and audited the Encounter read). The clinical media of the consultation's station, while the
     * consultation is in progress, are for the clinicians examining the patient from afar: the admitting doctor (on
     * {@code /ws/consultation/{id}/media}) and an invited guest whose role sees clinical data, i.e. a specialist (on
     * {@code /public/consultation/{id}/media}; {@link InvitationService.Role#seesClinicalData}) — not the nurse, who is
     * beside the patient, nor an interpreter, another doctor or the coordination. Every attempt is recorded against
     * the patient ({@code READ ClinicalMedia}, SUCCESS or DENIED; a guest's role in the detail).
     */
    static final class ClinicalMediaViewers implements HandshakeInterceptor {
        private final AuditLog audit;

        ClinicalMediaViewers(AuditLog audit) {
            this.audit = audit;
        }

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
                                       WebSocketHandler handler, Map<String, Object> attributes) {
            Consultation c = (Consultation) attributes.get(ConsultationSocketAccess.CONSULTATION);
            if (c == null) return false;
            Object guestRole = attributes.get(ConsultationSocketAccess.GUEST_ROLE);
            boolean viewer = guestRole instanceof InvitationService.Role role ? role.seesClinicalData()
                    : c.doctorUsername() != null
                            && c.doctorUsername().equals(attributes.get(ConsultationSocketAccess.PARTICIPANT));
            boolean allowed = viewer && c.stationId() != null && c.status() == ConsultationStatus.IN_PROGRESS;
            String detail = guestRole instanceof InvitationService.Role role
                    ? "guest " + role.name().toLowerCase() : null;
            audit.record(AuditLog.Action.READ, "ClinicalMedia", c.id().toString(), c.patientId(),
                    allowed ? AuditLog.Outcome.SUCCESS : AuditLog.Outcome.DENIED, detail);
            if (!allowed) {
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }
            attributes.put(STATION_ID, c.stationId());
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }
    }

    private static void bad(WebSocketSession session) throws Exception {
        int count = (Integer) session.getAttributes().merge(BAD, 1, (a, b) -> (Integer) a + (Integer) b);
        if (count > MAX_BAD_MESSAGES) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("too many malformed signalling messages"));
        } else {
            synchronized (session) {
                session.sendMessage(new TextMessage("{\"type\":\"error\",\"message\":\"malformed or unexpected signalling message\"}"));
            }
        }
    }
}
