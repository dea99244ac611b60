package org.telestation.server.expertise;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.sim.EcgSimulator;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.CircleService;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.Professional.Profession;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.security.Account;
import org.telestation.server.security.AccountService;
import org.telestation.server.security.Role;

/** Real professionals, accounts, circle memberships and patients, created through the services as the screens do. */
final class ExpertiseFixtures {

    static final String PASSWORD = "secret-42";

    private final ProfessionalService professionals;
    private final AccountService accounts;
    private final CircleService circle;
    private final PatientService patients;

    ExpertiseFixtures(ApplicationContext context) {
        this.professionals = context.getBean(ProfessionalService.class);
        this.accounts = context.getBean(AccountService.class);
        this.circle = context.getBean(CircleService.class);
        this.patients = context.getBean(PatientService.class);
    }

    /** A professional with an account; in the circle with {@code circleRole} unless it is null (an outsider). */
    Actor professional(String prefix, Role role, Speciality speciality, CircleRole circleRole) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Professional p = professionals.create(new Professional.Draft(null, "Nom" + prefix, "Prénom",
                Profession.MEDECIN, List.of(speciality), username + "@cpts.test", null, null));
        Account a = accounts.create(new Account.Draft(username, PASSWORD, "Dr " + username, username + "@cpts.test",
                role, p.id()));
        if (circleRole != null) {
            circle.grant(p.id(), circleRole, "test");
        }
        return new Actor(a.username(), role, p.id());
    }

    Actor coordinator() {
        String username = "coordo-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Account.Draft(username, PASSWORD, "Coordination", username + "@cpts.test",
                Role.COORDINATOR, null));
        return new Actor(username, Role.COORDINATOR, null);
    }

    void revoke(Actor actor) {
        circle.revoke(actor.professionalId(), "test");
    }

    UUID patient() {
        return patients.create(new Patient(null, null, null, Patient.IdentityStatus.PROV, "DUPONT", "Marie", null,
                null, 'F', LocalDate.of(1961, 3, 14), null, null, null, null, null, null, Patient.MtStatus.NONE, null,
                null, null, false, false, null)).id();
    }

    /** A 10 s, 12-lead, 500 Hz resting ECG from the simulator, as a DICOM 12-lead waveform file. */
    static byte[] dicomEcg() {
        return DicomEcgWriter.write(EcgSimulator.generate(EcgSimulator.Config.standard()).recording(),
                ZoneId.of("Europe/Paris"));
    }

    static ExpertiseService.Draft ecgRequest(UUID patient) {
        return new ExpertiseService.Draft(patient, ExpertiseRequest.Kind.ECG, Speciality.CARDIOLOGIE, null, null,
                "Certificat sportif : onde T négative en V2, avis ?", ExpertiseRequest.Urgency.ROUTINE, true,
                List.of(new ExpertiseService.Upload("ecg.dcm", "application/dicom", dicomEcg())), null);
    }
}
