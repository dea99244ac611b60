package org.telestation.server.consultation;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The guest passes a browser holds, in its HTTP session (a redeemed invitation; gone when the session ends). */
final class GuestPasses {
    static final String ATTRIBUTE = "telestation.consultation.guestPasses";

    private GuestPasses() {
    }

    @SuppressWarnings("unchecked")
    static Map<UUID, InvitationService.GuestPass> of(HttpSession session) {
        if (session == null) return Map.of();
        Object o = session.getAttribute(ATTRIBUTE);
        return o instanceof Map<?, ?> m ? (Map<UUID, InvitationService.GuestPass>) m : Map.of();
    }

    static void add(HttpSession session, InvitationService.GuestPass pass) {
        Map<UUID, InvitationService.GuestPass> passes = new ConcurrentHashMap<>(of(session));
        passes.put(pass.consultationId(), pass);
        session.setAttribute(ATTRIBUTE, passes);
    }

    static boolean holds(HttpSession session, UUID consultationId) {
        return of(session).containsKey(consultationId);
    }
}
