package org.telestation.server.consultation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a teleconsultation stands (FHIR Encounter.status in brackets). The allowed moves are the workflow: check-in →
 * pre-interview done (waiting room) → admitted by a doctor → (interrupted ↔ resumed) → video ended, report being
 * written → closed when the report is signed. Cancelling is possible until the doctor admits.
 */
public enum ConsultationStatus {
    CHECKED_IN("arrived"),
    WAITING("triaged"),
    IN_PROGRESS("in-progress"),
    INTERRUPTED("onleave"),
    REPORTING("in-progress"),
    CLOSED("finished"),
    CANCELLED("cancelled");

    private final String fhirCode;

    ConsultationStatus(String fhirCode) {
        this.fhirCode = fhirCode;
    }

    public String fhirCode() {
        return fhirCode;
    }

    public Set<ConsultationStatus> next() {
        return switch (this) {
            case CHECKED_IN -> EnumSet.of(WAITING, CANCELLED);
            case WAITING -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> EnumSet.of(INTERRUPTED, REPORTING);
            case INTERRUPTED -> EnumSet.of(IN_PROGRESS, REPORTING);
            case REPORTING -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(ConsultationStatus.class);
        };
    }

    public boolean canMoveTo(ConsultationStatus target) {
        return next().contains(target);
    }

    /** Live data, video and measurement requests are open while the doctor is with the patient. */
    public boolean live() {
        return this == IN_PROGRESS;
    }
}
