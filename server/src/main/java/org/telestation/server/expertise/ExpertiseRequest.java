package org.telestation.server.expertise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.telestation.server.directory.Professional.Speciality;

/**
 * A tele-expertise request: the FHIR ServiceRequest (question, patient, requester, performer) and its Task (state, due
 * date) in one record (standards.md §4.5).
 */
public record ExpertiseRequest(UUID id, UUID patientId, Kind kind, Speciality speciality, UUID requesterId,
                               String createdBy, UUID expertId, String question, Urgency urgency, State state,
                               Instant requestedAt, Instant dueAt, int deadlineVersion, Instant pausedAt,
                               Instant escalatedAt, Instant answeredAt) {

    /** What is to be read; decides the viewer and the answer form. */
    public enum Kind { ECG, RETINOGRAPHY, IMAGES, GENERAL }

    public enum Urgency { ROUTINE, URGENT }

    /**
     * Task states. REQUESTED: waiting for the expert; INFO_REQUESTED: back with the requester; ESCALATED: deadline passed,
     * with the coordinator; ANSWERED and CANCELLED are final.
     */
    public enum State {
        REQUESTED, INFO_REQUESTED, ESCALATED, ANSWERED, CANCELLED;

        public boolean open() {
            return this != ANSWERED && this != CANCELLED;
        }
    }

    /** Time left before the deadline at {@code now}; negative when late; frozen while the clock is paused. */
    public Duration timeLeft(Instant now) {
        return Duration.between(pausedAt != null ? pausedAt : now, dueAt);
    }

    public Duration timeLeft(Clock clock) {
        return timeLeft(clock.instant());
    }

    /** Whether the answer came in time (only meaningful once answered). */
    public boolean answeredInTime() {
        return answeredAt != null && !answeredAt.isAfter(dueAt);
    }
}
