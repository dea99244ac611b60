package org.telestation.server.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * The teleconsultation report (compte rendu; FHIR DocumentReference, CI-SIS TLM-CR, LOINC 85208-7). DRAFT while the
 * doctor writes it; SIGNED is final and carries its PDF.
 */
public record Report(UUID id, UUID consultationId, UUID patientId, Status status, String reason, String findings,
                     String conclusion, String prescriptions, Reorientation reorientation, String reorientationNote,
                     String authorUsername, String authorDisplayName, Instant signedAt, String sentTo, Instant sentAt,
                     String sendError) {

    public enum Status { DRAFT, SIGNED }

    /** Where the patient goes next. */
    public enum Reorientation { NONE, MT, RELAY_DOCTOR, EMERGENCY }

    /** What the editor posts. */
    public record Content(String reason, String findings, String conclusion, String prescriptions,
                          Reorientation reorientation, String reorientationNote) {
    }
}
