package org.telestation.devices.ieee11073;

/**
 * The reserved bit patterns of IEEE 11073-20601 SFLOAT and FLOAT (standards.md §1.3). They stay distinct because
 * they mean different things to a clinician: "no value" is not "too high to measure".
 */
public enum SpecialValue {
    /** Not a number: the device has no value (e.g. measurement failed). */
    NAN(0x07FF, 0x007FFFFF),
    /** Not at this resolution: the value exists but cannot be expressed in this format. */
    NRES(0x0800, 0x00800000),
    /** Above the measurable range. */
    POSITIVE_INFINITY(0x07FE, 0x007FFFFE),
    /** Below the measurable range. */
    NEGATIVE_INFINITY(0x0802, 0x00800002),
    /** Reserved for future use: treat as an error. */
    RESERVED(0x0801, 0x00800001);

    private final int sfloatRaw;
    private final int floatRaw;

    SpecialValue(int sfloatRaw, int floatRaw) {
        this.sfloatRaw = sfloatRaw;
        this.floatRaw = floatRaw;
    }

    /** The 16-bit SFLOAT pattern. */
    public int sfloatRaw() {
        return sfloatRaw;
    }

    /** The 32-bit FLOAT pattern. */
    public int floatRaw() {
        return floatRaw;
    }

    /** The FHIR {@code Observation.dataAbsentReason} code the HL7 PHD IG assigns to this value. */
    public String dataAbsentReason() {
        return switch (this) {
            case NAN -> "not-a-number";
            case POSITIVE_INFINITY -> "positive-infinity";
            case NEGATIVE_INFINITY -> "negative-infinity";
            case NRES, RESERVED -> "error";
        };
    }

    static SpecialValue ofSfloat(int raw) {
        for (SpecialValue v : values()) {
            if (v.sfloatRaw == raw) return v;
        }
        return null;
    }

    static SpecialValue ofFloat(int raw) {
        for (SpecialValue v : values()) {
            if (v.floatRaw == raw) return v;
        }
        return null;
    }
}
