package org.telestation.server.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * The teleconsultation report (compte rendu; FHIR DocumentReference, CI-SIS TLM-CR, LOINC 85208-7). DRAFT while the
 * doctor writes it; SIGNED is final and carries its PDF.
 *
 * @param relay          the relay doctor's appointment, only when {@code reorientation} is RELAY_DOCTOR
 * @param emergency      how and when the patient went to emergency services, only when it is EMERGENCY
 * @param sentTo         where the PDF went to the MT ({@code sentAt}, {@code sendError} likewise)
 * @param relayDelivery  the relay doctor's copy of the PDF, null before any attempt
 * @param patientNotice  the appointment notice to the patient, null before any attempt
 */
public record Report(UUID id, UUID consultationId, UUID patientId, Status status, String reason, String findings,
                     String conclusion, String prescriptions, Reorientation reorientation, String reorientationNote,
                     Relay relay, Emergency emergency, String authorUsername, String authorDisplayName,
                     Instant signedAt, String sentTo, Instant sentAt, String sendError, Delivery relayDelivery,
                     PatientNotice patientNotice) {

    public enum Status { DRAFT, SIGNED }

    /** Where the patient goes next. */
    public enum Reorientation { NONE, MT, RELAY_DOCTOR, EMERGENCY }

    /** How the patient reaches emergency services. */
    public enum EmergencyMode { SAMU_CALLED, OWN_MEANS, MEDICAL_TRANSPORT }

    /** The appointment booked with a relay doctor of the directory. */
    public record Relay(UUID professionalId, Instant appointmentAt, String place) {
    }

    /** The emergency re-orientation: the mode the doctor chose and its time. */
    public record Emergency(EmergencyMode mode, Instant at) {
    }

    /** One sending of the PDF: where it went and when, or why it could not. */
    public record Delivery(String to, Instant at, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** The patient's appointment notice: by SMS and by e-mail (each time null until sent), or why it could not. */
    public record PatientNotice(Instant smsAt, Instant emailAt, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** What the editor posts. {@code relay} and {@code emergency} count only for their re-orientation. */
    public record Content(String reason, String findings, String conclusion, String prescriptions,
                          Reorientation reorientation, String reorientationNote, Relay relay, Emergency emergency) {

        /** A content without a relay appointment or an emergency mode. */
        public Content(String reason, String findings, String conclusion, String prescriptions,
                       Reorientation reorientation, String reorientationNote) {
            this(reason, findings, conclusion, prescriptions, reorientation, reorientationNote, null, null);
        }
    }

    /** This report as the editor would show it with {@code c} typed in (nothing stored). */
    Report withContent(Content c) {
        return new Report(id, consultationId, patientId, status, c.reason(), c.findings(), c.conclusion(),
                c.prescriptions(), c.reorientation() == null ? Reorientation.NONE : c.reorientation(),
                c.reorientationNote(), c.relay(), c.emergency(), authorUsername, authorDisplayName, signedAt, sentTo,
                sentAt, sendError, relayDelivery, patientNotice);
    }

    /** This draft as it is printed when signed. */
    Report signedBy(String displayName, Instant at) {
        return new Report(id, consultationId, patientId, Status.SIGNED, reason, findings, conclusion, prescriptions,
                reorientation, reorientationNote, relay, emergency, authorUsername, displayName, at, null, null, null,
                null, null);
    }
}
