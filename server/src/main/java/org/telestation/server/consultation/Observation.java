package org.telestation.server.consultation;

import java.time.Instant;
import java.util.UUID;

/**
 * A measurement captured at the station during a consultation (FHIR Observation, vital-signs category). PRELIMINARY
 * is a draft the doctor has not looked at; only FINAL ones are part of the patient record.
 */
public record Observation(UUID id, UUID consultationId, UUID patientId, Status status, String sign, String loinc,
                          Double value, String unit, Instant effectiveAt, String device, String decidedBy,
                          Instant decidedAt) {

    public enum Status {
        PRELIMINARY("preliminary"), FINAL("final"), CANCELLED("cancelled");

        private final String fhirCode;

        Status(String fhirCode) {
            this.fhirCode = fhirCode;
        }

        public String fhirCode() {
            return fhirCode;
        }
    }
}
