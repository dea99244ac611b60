package org.telestation.devices.model;

/**
 * The quantities a station measures, with the codes every consumer needs: LOINC and UCUM for FHIR R4 vital signs
 * (standards.md §4.1) and the ISO/IEEE 11073-10101 MDC code where one exists (§1.9).
 */
public enum VitalSign {
    SYSTOLIC_PRESSURE("8480-6", "Systolic blood pressure", "mm[Hg]", 150021),
    DIASTOLIC_PRESSURE("8462-4", "Diastolic blood pressure", "mm[Hg]", 150022),
    MEAN_ARTERIAL_PRESSURE("8478-0", "Mean blood pressure", "mm[Hg]", 150023),
    PULSE_RATE("8867-4", "Heart rate", "/min", 149530),
    HEART_RATE("8867-4", "Heart rate", "/min", 147842),
    OXYGEN_SATURATION("2708-6", "Oxygen saturation in Arterial blood", "%", 150456),
    BODY_TEMPERATURE("8310-5", "Body temperature", "Cel", 150364),
    RESPIRATORY_RATE("9279-1", "Respiratory rate", "/min", 151562),
    PERFUSION_INDEX("61006-3", "Perfusion index", "%", 150488),
    BODY_WEIGHT("29463-7", "Body weight", "kg", 188736);

    private final String loinc;
    private final String display;
    private final String ucum;
    private final int mdcCode;

    VitalSign(String loinc, String display, String ucum, int mdcCode) {
        this.loinc = loinc;
        this.display = display;
        this.ucum = ucum;
        this.mdcCode = mdcCode;
    }

    public String loinc() { return loinc; }
    public String display() { return display; }
    /** The canonical UCUM unit; values of this sign are always stored in it. */
    public String ucum() { return ucum; }
    /** ISO/IEEE 11073-10101 code (partition << 16 | term), 0 where none exists. */
    public int mdcCode() { return mdcCode; }
}
