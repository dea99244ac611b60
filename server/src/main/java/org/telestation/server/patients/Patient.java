package org.telestation.server.patients;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient with the INS identity traits (standards.md §4.2, §5.7).
 *
 * @param insMatricule   NIR or NIA with its 2-digit key (15 digits), or null
 * @param insOid         the INS OID ({@link Ins#NIR_OID}, {@link Ins#NIA_OID}, test or demo), null when no INS
 * @param identityStatus identity reliability under the RNIV
 * @param mtStatus       whether the patient has a médecin traitant: DECLARED, explicitly NONE, or UNKNOWN (only for
 *                       identities created by the patient on line; staff screens ask DECLARED or NONE)
 * @param identityDocumentChecked whether the nurse or coordinator checked an identity document (needed for VALI, QUAL)
 * @param identityDocumentKind    the kind of document checked, or null
 */
public record Patient(UUID id, String insMatricule, String insOid, IdentityStatus identityStatus,
                      String birthFamilyName, String birthGivenNames, String usedFamilyName, String usedGivenName,
                      char sex, LocalDate birthDate, String birthPlaceInsee, String phone, String email,
                      String addressLine, String postalCode, String city, MtStatus mtStatus, UUID mtProfessionalId,
                      String mtName, String mtEmail, boolean ald, boolean disability, String mobilityNotes,
                      boolean identityDocumentChecked, IdentityDocument identityDocumentKind) {

    /** The earlier shape, without the identity-document check (kept so existing callers compile). */
    public Patient(UUID id, String insMatricule, String insOid, IdentityStatus identityStatus,
                   String birthFamilyName, String birthGivenNames, String usedFamilyName, String usedGivenName,
                   char sex, LocalDate birthDate, String birthPlaceInsee, String phone, String email,
                   String addressLine, String postalCode, String city, MtStatus mtStatus, UUID mtProfessionalId,
                   String mtName, String mtEmail, boolean ald, boolean disability, String mobilityNotes) {
        this(id, insMatricule, insOid, identityStatus, birthFamilyName, birthGivenNames, usedFamilyName, usedGivenName,
                sex, birthDate, birthPlaceInsee, phone, email, addressLine, postalCode, city, mtStatus,
                mtProfessionalId, mtName, mtEmail, ald, disability, mobilityNotes, false, null);
    }

    /** Documents accepted for the identity check (RNIV). */
    public enum IdentityDocument { CARTE_IDENTITE, PASSEPORT, TITRE_SEJOUR, LIVRET_FAMILLE, ACTE_NAISSANCE }

    /** Identity reliability (RNIV, FR Core value set). Only QUAL may carry the INS in exchanged documents. */
    public enum IdentityStatus { PROV, RECUP, VALI, QUAL }

    public enum MtStatus { DECLARED, NONE, UNKNOWN }

    public String displayName() {
        String family = usedFamilyName != null && !usedFamilyName.isBlank() ? usedFamilyName : birthFamilyName;
        String given = usedGivenName != null && !usedGivenName.isBlank() ? usedGivenName : firstGivenName();
        return family.toUpperCase(java.util.Locale.FRENCH) + " " + given;
    }

    public String firstGivenName() {
        return birthGivenNames.trim().split("\\s+")[0];
    }

    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }
}
