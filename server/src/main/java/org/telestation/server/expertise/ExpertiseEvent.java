package org.telestation.server.expertise;

import java.time.Instant;
import java.util.UUID;

/** One step of a request's history: created, viewed, reminded, escalated, reassigned, questions and replies, answer. */
public record ExpertiseEvent(long id, UUID requestId, Instant occurredAt, String actor, Kind kind, String message) {

    public enum Kind {
        CREATED, ATTACHED, ASSIGNED, REMINDER_SENT, ESCALATED, REASSIGNED, INFO_REQUESTED, INFO_PROVIDED, ANSWERED,
        REQUESTER_NOTIFIED
    }
}
