package org.telestation.devices.ecg;

import java.util.Locale;

/**
 * The twelve standard leads, with the codes each format uses for them (standards.md §3.2 table).
 *
 * <p>SCP-ECG lead ids (section 3) and the DICOM {@code SCPECG} scheme share the same numbers; the MDC codes are
 * ISO/IEEE 11073-10101 MDC_ECG_ELEC_POTL_* values as used by the HL7 FHIR example (131329 = lead I).
 */
public enum EcgLead {
    I("I", 1, 131329),
    II("II", 2, 131330),
    III("III", 61, 131389),
    AVR("aVR", 62, 131390),
    AVL("aVL", 63, 131391),
    AVF("aVF", 64, 131392),
    V1("V1", 3, 131331),
    V2("V2", 4, 131332),
    V3("V3", 5, 131333),
    V4("V4", 6, 131334),
    V5("V5", 7, 131335),
    V6("V6", 8, 131336);

    private final String label;
    private final int scpId;
    private final int mdcCode;

    EcgLead(String label, int scpId, int mdcCode) {
        this.label = label;
        this.scpId = scpId;
        this.mdcCode = mdcCode;
    }

    /** Clinical name: I, II, III, aVR, aVL, aVF, V1…V6. */
    public String label() { return label; }

    /** SCP-ECG section 3 lead id, also the last number of the DICOM SCPECG code 5.6.3-9-n. */
    public int scpId() { return scpId; }

    /** MDC_ECG_ELEC_POTL_* code (partition 2), used in FHIR components. */
    public int mdcCode() { return mdcCode; }

    /** DICOM Channel Source code value in the SCPECG scheme (CID 3001). */
    public String dicomScpCode() { return "5.6.3-9-" + scpId; }

    /** HL7 aECG sequence code, e.g. MDC_ECG_LEAD_AVR. */
    public String aecgCode() { return "MDC_ECG_LEAD_" + label.toUpperCase(Locale.ROOT); }

    public static EcgLead fromScpId(int id) {
        for (EcgLead lead : values()) if (lead.scpId == id) return lead;
        return null;
    }

    public static EcgLead fromMdcCode(int code) {
        for (EcgLead lead : values()) if (lead.mdcCode == code) return lead;
        return null;
    }

    /**
     * Recognises a lead from the free text that formats put in labels and descriptions: "II", "Lead aVR",
     * "MDC_ECG_LEAD_V1", "ECG Lead III", "5.6.3-9-61", "2:61". Returns null when nothing matches.
     */
    public static EcgLead fromText(String text) {
        if (text == null) return null;
        String t = text.trim();
        if (t.startsWith("5.6.3-9-")) return parseId(t.substring(8), true);
        if (t.startsWith("2:")) return parseId(t.substring(2), true);
        String u = t.toUpperCase(Locale.ROOT);
        for (String prefix : new String[] {"MDC_ECG_LEAD_", "ECG LEAD ", "LEAD "}) {
            if (u.startsWith(prefix)) u = u.substring(prefix.length()).trim();
        }
        for (EcgLead lead : values()) {
            if (lead.label.toUpperCase(Locale.ROOT).equals(u)) return lead;
        }
        return null;
    }

    private static EcgLead parseId(String digits, boolean scp) {
        if (digits.isEmpty() || digits.length() > 3) return null;
        for (int i = 0; i < digits.length(); i++) if (!Character.isDigit(digits.charAt(i))) return null;
        return scp ? fromScpId(Integer.parseInt(digits)) : null;
    }
}
