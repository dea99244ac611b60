package org.telestation.server.directory;

import java.util.List;
import java.util.UUID;

/** A health professional of the territory (FHIR Practitioner + PractitionerRole). */
public record Professional(UUID id, String rpps, String familyName, String givenName, Profession profession,
                           List<Speciality> specialities, String email, String phone, String mssanteAddress) {

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
                        List<Speciality> specialities, String email, String phone, String mssanteAddress) {}
}
