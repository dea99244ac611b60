package org.telestation.server.directory;

import java.util.List;
import java.util.UUID;

/**
 * A health professional of the territory (FHIR Practitioner + PractitionerRole).
 *
 * @param practiceAddress where they receive patients (one line, e.g. "3 place de la Liberté, 52100 Saint-Dizier"),
 *                        or null; the default place of an appointment booked with them
 */
public record Professional(UUID id, String rpps, String familyName, String givenName, Profession profession,
                           List<Speciality> specialities, String email, String phone, String mssanteAddress,
                           String practiceAddress) {

    /** The earlier shape, without the practice address (kept so existing callers compile). */
    public Professional(UUID id, String rpps, String familyName, String givenName, Profession profession,
                        List<Speciality> specialities, String email, String phone, String mssanteAddress) {
        this(id, rpps, familyName, givenName, profession, specialities, email, phone, mssanteAddress, null);
    }

    public enum Profession { MEDECIN, INFIRMIER, PHARMACIEN, ORTHOPTISTE, SAGE_FEMME, ASSISTANT_MEDICAL, AUTRE }

    /** Specialities used for tele-expertise routing. */
    public enum Speciality {
        MEDECINE_GENERALE, CARDIOLOGIE, OPHTALMOLOGIE, DERMATOLOGIE, NEPHROLOGIE, ENDOCRINOLOGIE, GYNECOLOGIE,
        PEDIATRIE, GERIATRIE, PSYCHIATRIE, PNEUMOLOGIE
    }

    public String displayName() {
        return givenName + " " + familyName.toUpperCase(java.util.Locale.FRENCH);
    }

    /** Input for creating a professional. */
    public record Draft(String rpps, String familyName, String givenName, Profession profession,
                        List<Speciality> specialities, String email, String phone, String mssanteAddress,
                        String practiceAddress) {

        /** The earlier shape, without the practice address (kept so existing callers compile). */
        public Draft(String rpps, String familyName, String givenName, Profession profession,
                     List<Speciality> specialities, String email, String phone, String mssanteAddress) {
            this(rpps, familyName, givenName, profession, specialities, email, phone, mssanteAddress, null);
        }
    }
}
