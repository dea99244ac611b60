package org.telestation.server.consultation;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.platform.NotFoundException;

/**
 * Handshake check for the consultation sockets ({@code …/consultation/{id}/live}, {@code …/signal},
 * {@code …/media}): only the nurse, the admitted doctor and invited guests get in, as for the pages — the live device
 * data only for the guests whose role sees it ({@link InvitationService.Role#seesClinicalData}); {@link
 * ConsultationService#view} audits each attempt, and a guest refused the live data is audited DENIED here. Puts the
 * consultation, the participant and a guest's role in the socket's attributes; the clinical-media socket narrows
 * further ({@link MediaSignallingHandlers.ClinicalMediaViewers}).
 */
final class ConsultationSocketAccess implements HandshakeInterceptor {
    static final String CONSULTATION = "consultation";
    static final String PARTICIPANT = "participant";
    static final String PARTICIPANT_NAME = "participantName";
    /** The {@link InvitationService.Role} of a guest let in by a pass; absent for a signed-in participant. */
    static final String GUEST_ROLE = "guestRole";

    private final ConsultationService consultations;
    private final AuditLog audit;

    /** A signed-in participant's name as the others see it (the account's display name). */
    private final java.util.function.UnaryOperator<String> displayName;

    ConsultationSocketAccess(ConsultationService consultations, AuditLog audit) {
        this(consultations, audit, java.util.function.UnaryOperator.identity());
    }

    ConsultationSocketAccess(ConsultationService consultations, AuditLog audit,
                             java.util.function.UnaryOperator<String> displayName) {
        this.consultations = consultations;
        this.audit = audit;
        this.displayName = displayName;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String[] parts = request.getURI().getPath().split("/");
        UUID id = null;
        for (int i = 0; i + 1 < parts.length; i++) {
            if ("consultation".equals(parts[i])) {
                try {
                    id = UUID.fromString(parts[i + 1]);
                } catch (IllegalArgumentException e) {
                    id = null;
                }
            }
        }
        if (id == null) {
            response.setStatusCode(HttpStatus.BAD_REQUEST);
            return false;
        }
        HttpSession session = request instanceof ServletServerHttpRequest s ? s.getServletRequest().getSession(false)
                : null;
        Actor actor = Actor.of(SecurityContextHolder.getContext().getAuthentication());
        var pass = GuestPasses.of(session).get(id);
        try {
            boolean member = participant(actor, id);
            boolean asGuest = pass != null && !member;
            if (asGuest && isLiveSocket(request) && !pass.role().seesClinicalData()) {
                // Clinical data: not for every guest (InvitationService.Role). Audited like any refused view.
                UUID patientId = consultations.load(id).map(Consultation::patientId).orElse(null);
                audit.record(AuditLog.Action.READ, ConsultationService.RESOURCE, id.toString(), patientId,
                        AuditLog.Outcome.DENIED, "live data, guest " + pass.role().name().toLowerCase());
                response.setStatusCode(HttpStatus.FORBIDDEN);
                return false;
            }
            Consultation c = consultations.view(id, actor, asGuest);
            attributes.put(CONSULTATION, c);
            attributes.put(PARTICIPANT, asGuest ? "guest-" + pass.role().name().toLowerCase() : actor.username());
            attributes.put(PARTICIPANT_NAME, asGuest ? pass.displayName() : displayName.apply(actor.username()));
            if (asGuest) attributes.put(GUEST_ROLE, pass.role());
            return true;
        } catch (AccessDeniedException e) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        } catch (NotFoundException e) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return false;
        }
    }

    private static boolean isLiveSocket(ServerHttpRequest request) {
        return request.getURI().getPath().endsWith("/live");
    }

    private boolean participant(Actor actor, UUID id) {
        return consultations.load(id).map(c -> actor.username().equals(c.nurseUsername())
                || actor.username().equals(c.doctorUsername())).orElse(false);
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
