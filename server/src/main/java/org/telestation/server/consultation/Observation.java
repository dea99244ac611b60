package org.telestation.server.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A capture from the station during a consultation. PRELIMINARY is a draft the doctor has not looked at; only FINAL
 * ones are part of the patient record. A {@link Kind#MEASUREMENT} is a scalar vital sign (FHIR Observation,
 * vital-signs category: {@code sign}, {@code value}, {@code unit}); an {@link Kind#ECG} is a 12-lead recording (FHIR
 * Observation LOINC 11524-6 whose waveform is the station item); an {@link Kind#IMAGE} or {@link Kind#AUDIO} is FHIR
 * {@code Media}. The non-scalar kinds carry {@link Media}, and no sign, value or unit.
 */
public record Observation(UUID id, UUID consultationId, UUID patientId, Kind kind, Status status, String sign,
                          String loinc, Double value, String unit, Instant effectiveAt, String device,
                          String decidedBy, Instant decidedAt, Media media) {

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

    /** The station item's kind, and the FHIR resource the draft is. */
    public enum Kind {
        MEASUREMENT("Observation"), ECG("Observation"), IMAGE("Media"), AUDIO("Media");

        private final String fhirResource;

        Kind(String fhirResource) {
            this.fhirResource = fhirResource;
        }

        public String fhirResource() {
            return fhirResource;
        }
    }

    public static final String ECG_LOINC = "11524-6";

    /**
     * FHIR Media-shaped facts of a non-scalar draft, read from the payload at import.
     *
     * @param contentType  the type the content endpoint serves
     * @param bodySite     SNOMED CT code when the device says (retinograph: 24028007 right eye, 7771000 left eye)
     * @param channels     ECG leads or audio channels
     * @param heartRateBpm ECG only, with the intervals after it: null when not measurable
     */
    public record Media(String contentType, long sizeBytes, Integer width, Integer height, Long durationMs,
                        Double sampleRateHz, Integer channels, String bodySite, Double heartRateBpm, Double prMs,
                        Double qrsMs, Double qtMs, Double qtcMs) {

        /** Whole seconds, for "ECG 12 dérivations, 10 s". */
        public long durationSeconds() {
            return durationMs == null ? 0 : Math.round(durationMs / 1000.0);
        }

        public boolean hasIntervals() {
            return heartRateBpm != null;
        }

        /** Heart rate, PR, QRS and QTc rounded for display, "–" where not measurable. */
        public List<String> intervalTexts() {
            return Stream.of(heartRateBpm, prMs, qrsMs, qtcMs).map(v -> v == null ? "–" : Long.toString(Math.round(v)))
                    .toList();
        }
    }

    public boolean scalar() {
        return kind == Kind.MEASUREMENT;
    }
}
