package org.telestation.server.patients;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;

/** What the patient screen and the JSON API send to create or change an identity. */
record PatientForm(String insMatricule, String insOid, Patient.IdentityStatus identityStatus,
                   Boolean identityDocumentChecked, Patient.IdentityDocument identityDocumentKind,
                   String birthFamilyName, String birthGivenNames, String usedFamilyName, String usedGivenName,
                   String sex, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
                   String birthPlaceInsee, String phone, String email, String addressLine, String postalCode,
                   String city, Patient.MtStatus mtStatus, UUID mtProfessionalId, String mtName, String mtEmail,
                   Boolean ald, Boolean disability, String mobilityNotes) {

    static PatientForm empty() {
        return new PatientForm(null, null, Patient.IdentityStatus.PROV, false, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, false, false, null);
    }

    static PatientForm of(Patient p) {
        return new PatientForm(p.insMatricule(), p.insOid(), p.identityStatus(), p.identityDocumentChecked(),
                p.identityDocumentKind(), p.birthFamilyName(), p.birthGivenNames(), p.usedFamilyName(),
                p.usedGivenName(), String.valueOf(p.sex()), p.birthDate(), p.birthPlaceInsee(), p.phone(), p.email(),
                p.addressLine(), p.postalCode(), p.city(), p.mtStatus(), p.mtProfessionalId(), p.mtName(),
                p.mtEmail(), p.ald(), p.disability(), p.mobilityNotes());
    }

    Patient toPatient() {
        char sexCode = sex == null || sex.length() != 1 ? '?' : Character.toUpperCase(sex.charAt(0));
        return new Patient(null, insMatricule, insOid, identityStatus, birthFamilyName, birthGivenNames,
                usedFamilyName, usedGivenName, sexCode, birthDate, birthPlaceInsee, phone, email, addressLine,
                postalCode, city, mtStatus, mtProfessionalId, mtName, mtEmail, Boolean.TRUE.equals(ald),
                Boolean.TRUE.equals(disability), mobilityNotes, Boolean.TRUE.equals(identityDocumentChecked),
                identityDocumentKind);
    }

    String firstGivenName() {
        return birthGivenNames == null || birthGivenNames.isBlank() ? null : birthGivenNames.trim().split("\\s+")[0];
    }
}
