package org.telestation.server.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.telestation.server.platform.Validation;

/**
 * Identity-vigilance rules for a patient identity (standards.md §4.2, §5.7):
 * <ul>
 *   <li>INS matricule well-formed with the right key ({@link Ins}); its OID present and consistent: NIR OIDs
 *       (production, test, demo) for a NIR starting 1–4, the NIA OID for a NIA starting 7–8;</li>
 *   <li>test and demo OIDs refused unless {@code telestation.ins.allow-test-oids=true} (false by default, as in
 *       production);</li>
 *   <li>the NIR agrees with the sex and the year/month of birth;</li>
 *   <li>status: VALI and QUAL need a checked identity document, RECUP and QUAL need an INS;</li>
 *   <li>a DECLARED médecin traitant is named (directory professional or free text).</li>
 * </ul>
 */
@Component
class PatientValidator {

    private static final Set<String> NIR_OIDS = Set.of(Ins.NIR_OID, Ins.TEST_NIR_OID, Ins.DEMO_NIR_OID);
    private static final Set<String> TEST_OIDS = Set.of(Ins.TEST_NIR_OID, Ins.DEMO_NIR_OID);

    private final boolean allowTestOids;
    private final Clock clock;

    PatientValidator(@Value("${telestation.ins.allow-test-oids:false}") boolean allowTestOids, Clock clock) {
        this.allowTestOids = allowTestOids;
        this.clock = clock;
    }

    void check(Patient p) {
        Validation v = new Validation()
                .text(p.birthFamilyName(), "birthFamilyName", 100)
                .text(p.birthGivenNames(), "birthGivenNames", 200)
                .optionalText(p.usedFamilyName(), "usedFamilyName", 100)
                .optionalText(p.usedGivenName(), "usedGivenName", 100)
                .require(p.sex() == 'F' || p.sex() == 'M' || p.sex() == 'U', "sex", "patients.sex.invalid")
                .require(p.identityStatus() != null, "identityStatus", "validation.required")
                .require(p.mtStatus() != null, "mtStatus", "validation.required")
                .optionalText(p.phone(), "phone", 30)
                .optionalText(p.addressLine(), "addressLine", 200)
                .optionalText(p.city(), "city", 100)
                .optionalText(p.mtName(), "mtName", 200)
                .optionalText(p.mtEmail(), "mtEmail", 200)
                .optionalText(p.mobilityNotes(), "mobilityNotes", 1000)
                .require(p.email() == null || p.email().isBlank()
                        || p.email().length() <= 200 && p.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"), "email",
                        "patients.email.invalid")
                .require(p.postalCode() == null || p.postalCode().isBlank() || p.postalCode().matches("\\d{5}"),
                        "postalCode", "patients.postal-code.invalid")
                .require(p.birthPlaceInsee() == null || p.birthPlaceInsee().isBlank()
                        || p.birthPlaceInsee().matches("[0-9][0-9AB][0-9]{3}"), "birthPlaceInsee",
                        "patients.birth-place.invalid");
        LocalDate today = LocalDate.now(clock);
        v.require(p.birthDate() != null && !p.birthDate().isAfter(today) && p.birthDate().getYear() >= 1880,
                "birthDate", "patients.birth-date.invalid");

        boolean hasIns = p.insMatricule() != null && !p.insMatricule().isBlank();
        boolean hasOid = p.insOid() != null && !p.insOid().isBlank();
        if (hasIns) {
            Ins.problem(p.insMatricule()).ifPresent(key -> v.require(false, "insMatricule", key));
            v.require(hasOid, "insOid", "patients.ins.oid-missing");
            if (hasOid && Ins.isValid(p.insMatricule())) {
                char first = p.insMatricule().charAt(0);
                boolean nia = first == '7' || first == '8';
                boolean oidMatches = nia ? Ins.NIA_OID.equals(p.insOid()) : NIR_OIDS.contains(p.insOid());
                v.require(oidMatches, "insOid", "patients.ins.oid-mismatch");
                v.require(allowTestOids || !TEST_OIDS.contains(p.insOid()), "insOid", "patients.ins.test-oid");
                if (!nia && p.birthDate() != null) {
                    v.require(first > '2' || p.sex() == 'U' || (first == '1') == (p.sex() == 'M'), "sex",
                            "patients.ins.sex-mismatch");
                    int year = Integer.parseInt(p.insMatricule().substring(1, 3));
                    int month = Integer.parseInt(p.insMatricule().substring(3, 5));
                    v.require(year == p.birthDate().getYear() % 100, "birthDate", "patients.ins.birth-mismatch");
                    // Months 20+ and 99 mark an unknown birth month in the NIR: only a real month is compared.
                    v.require(month < 1 || month > 12 || month == p.birthDate().getMonthValue(), "birthDate",
                            "patients.ins.birth-mismatch");
                }
            }
        } else {
            v.require(!hasOid, "insOid", "patients.ins.oid-without-ins");
        }
        if (p.identityStatus() != null) {
            boolean needsDocument = p.identityStatus() == Patient.IdentityStatus.VALI
                    || p.identityStatus() == Patient.IdentityStatus.QUAL;
            boolean needsIns = p.identityStatus() == Patient.IdentityStatus.RECUP
                    || p.identityStatus() == Patient.IdentityStatus.QUAL;
            v.require(!needsDocument || p.identityDocumentChecked() && p.identityDocumentKind() != null,
                    "identityDocumentChecked", "patients.status.needs-document");
            v.require(!needsIns || hasIns, "insMatricule", "patients.status.needs-ins");
        }
        v.require(p.mtStatus() != Patient.MtStatus.DECLARED || p.mtProfessionalId() != null
                || p.mtName() != null && !p.mtName().isBlank(), "mtName", "patients.mt.name-required");
        v.throwIfInvalid();
    }
}
