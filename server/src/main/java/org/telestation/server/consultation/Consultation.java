package org.telestation.server.consultation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A nurse-assisted teleconsultation (FHIR Encounter, class VR "virtual", standards.md §4.4).
 *
 * @param appointmentId booking's appointment, or null for a same-day walk-in
 * @param place         SITE (the cart in a fixed place) or HOME (the briefcase at the patient's home)
 * @param plannedNursingVisit the nurse came for a planned visit anyway: her act is TLS, not TLL/TLD
 * @param dmpChoice     CONSENT or OPPOSITION to the DMP, null until the pre-interview
 * @param videoRoom     random room name (WebRTC room, Jitsi room)
 */
public record Consultation(UUID id, UUID patientId, UUID stationId, UUID siteId, UUID appointmentId, Place place,
                           boolean plannedNursingVisit, ConsultationStatus status, boolean identityChecked,
                           String identityStatus, boolean teleconsultationConsent, DmpChoice dmpChoice, String reason,
                           String nurseUsername, String doctorUsername, String doctorDisplayName, String videoRoom,
                           Instant checkedInAt, Instant waitingSince, Instant admittedAt, Instant endedAt,
                           Instant closedAt) {

    public enum Place { SITE, HOME }

    public enum DmpChoice { CONSENT, OPPOSITION }

    /** How long the patient has been in the waiting room at {@code now}; zero when not waiting. */
    public Duration waited(Instant now) {
        return status == ConsultationStatus.WAITING && waitingSince != null ? Duration.between(waitingSince, now)
                : Duration.ZERO;
    }

    public boolean preInterviewComplete() {
        return identityChecked && teleconsultationConsent && dmpChoice != null && reason != null && !reason.isBlank();
    }
}
