package org.telestation.server.consultation;

import java.time.Instant;

/** One entry of the status history (Encounter.statusHistory): who moved the consultation, when. */
public record Transition(ConsultationStatus from, ConsultationStatus to, String actor, String actorRole,
                         Instant at) {
}
