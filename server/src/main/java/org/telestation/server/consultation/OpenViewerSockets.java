package org.telestation.server.consultation;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The viewers' sockets that carry a station's patient data — the live device data and the clinical media — by
 * consultation. They stream whatever the STATION sends, so they may only stay open while that station is this
 * consultation's patient's: live data while the consultation is in progress or interrupted, clinical media while it
 * is in progress. When the consultation leaves those states (ended, closed, cancelled, interrupted), the sockets are
 * closed at once; otherwise a page left open would go on showing the next patient examined at that cart.
 */
@Component
class OpenViewerSockets {
    enum Stream {
        LIVE(EnumSet.of(ConsultationStatus.IN_PROGRESS, ConsultationStatus.INTERRUPTED)),
        MEDIA(EnumSet.of(ConsultationStatus.IN_PROGRESS));

        private final Set<ConsultationStatus> openWhile;

        Stream(Set<ConsultationStatus> openWhile) {
            this.openWhile = openWhile;
        }

        boolean allowedIn(ConsultationStatus status) {
            return openWhile.contains(status);
        }
    }

    /** A consultation moved from one status to another (published by {@link ConsultationService}). */
    record StatusChanged(UUID consultationId, ConsultationStatus from, ConsultationStatus to) {
    }

    private final Map<UUID, Map<WebSocketSession, Stream>> open = new ConcurrentHashMap<>();

    void opened(UUID consultationId, Stream stream, WebSocketSession session) {
        open.computeIfAbsent(consultationId, id -> new ConcurrentHashMap<>()).put(session, stream);
    }

    void closed(UUID consultationId, WebSocketSession session) {
        open.computeIfPresent(consultationId, (id, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }

    /** After the status change is committed (a rolled-back transition closes nothing). */
    @TransactionalEventListener(fallbackExecution = true)
    void onStatusChanged(StatusChanged change) {
        Map<WebSocketSession, Stream> sessions = open.get(change.consultationId());
        if (sessions == null) return;
        sessions.forEach((session, stream) -> {
            if (stream.allowedIn(change.to())) return;
            try {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("consultation " + change.to().name()
                        .toLowerCase()));
            } catch (IOException | IllegalStateException e) {
                // already closing: afterConnectionClosed removes it
            }
        });
    }
}
