package org.telestation.server.expertise;

import java.time.Instant;
import java.util.UUID;

/**
 * The expert's structured answer (FHIR DiagnosticReport-shaped). Which fields apply depends on {@link #form}: ECG
 * (conclusion, findings, recommendation, consultation needed), retinography (ICDR grade and maculopathy per eye,
 * recommendation, follow-up interval, appointment proposed when abnormal), or free text alone.
 */
public record Answer(UUID requestId, UUID expertId, String answeredBy, Instant answeredAt, Form form,
                     EcgConclusion conclusion, String findings, String recommendation, boolean consultationNeeded,
                     Icdr gradeLeft, Icdr gradeRight, Boolean maculopathyLeft, Boolean maculopathyRight,
                     Integer followUpMonths, boolean appointmentProposed, String freeText) {

    public enum Form { ECG, RETINOGRAPHY, FREE_TEXT }

    public enum EcgConclusion { NORMAL, ABNORMAL }

    /**
     * International Clinical Diabetic Retinopathy scale: R0 none, R1 mild, R2 moderate, R3 severe non-proliferative,
     * R4 proliferative; UNGRADABLE when the image cannot be read.
     */
    public enum Icdr {
        R0, R1, R2, R3, R4, UNGRADABLE;

        /** Anything beyond "no retinopathy" (or an unreadable image) needs the ophthalmologist. */
        public boolean abnormal() {
            return this != R0;
        }
    }

    /** Whether the reading found an anomaly (ECG abnormal, or any eye graded above R0 or with maculopathy). */
    public boolean abnormal() {
        return switch (form) {
            case ECG -> conclusion == EcgConclusion.ABNORMAL;
            case RETINOGRAPHY -> gradeLeft != null && gradeLeft.abnormal() || gradeRight != null && gradeRight.abnormal()
                    || Boolean.TRUE.equals(maculopathyLeft) || Boolean.TRUE.equals(maculopathyRight);
            case FREE_TEXT -> consultationNeeded;
        };
    }

    /** Input from the expert's form or the API. */
    public record Draft(Form form, EcgConclusion conclusion, String findings, String recommendation,
                        Boolean consultationNeeded, Icdr gradeLeft, Icdr gradeRight, Boolean maculopathyLeft,
                        Boolean maculopathyRight, Integer followUpMonths, Boolean appointmentProposed,
                        String freeText) {}
}
