package org.telestation.server.consultation;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.directory.Site;
import org.telestation.server.directory.SiteService;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.security.Account;
import org.telestation.server.security.AccountService;
import org.telestation.server.security.Role;
import org.telestation.station.StationAgent;
import org.telestation.station.config.StationConfig;

/**
 * The cast of a consultation test, created through the real services with unique names: a nurse, a GP, a second
 * GP, a site with an on-call doctor, an enrolled cart, and a patient whose médecin traitant has an e-mail address.
 */
record ConsultationWorld(Account nurse, Account doctor, Account otherDoctor, Site site, Station.Credential station,
                         UUID stationId, String stationCode, String enrolmentCode, Patient patient, String mtEmail) {
    static final String PASSWORD = "secret-password-1";

    /** The cast, created through the services of the test's application context. */
    static ConsultationWorld create(ApplicationContext context) {
        return create(context, true);
    }

    /** @param enrol false leaves the enrolment code unused, for a real station agent to enrol with */
    static ConsultationWorld create(ApplicationContext context, boolean enrol) {
        return create(context.getBean(AccountService.class), context.getBean(ProfessionalService.class),
                context.getBean(SiteService.class), context.getBean(StationService.class),
                context.getBean(PatientService.class), enrol);
    }

    /** @param enrol false leaves the enrolment code unused, for a real station agent to enrol with */
    static ConsultationWorld create(AccountService accounts, ProfessionalService professionals, SiteService sites,
                                    StationService stations, PatientService patients, boolean enrol) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        Professional mt = professionals.create(new Professional.Draft(null, "TRAITANT" + tag, "Paul",
                Professional.Profession.MEDECIN, List.of(Professional.Speciality.MEDECINE_GENERALE),
                "mt-" + tag + "@cabinet.example", null, null));
        Account nurse = accounts.create(new Account.Draft("ide-" + tag, PASSWORD, "Claire Test (IDE)", null,
                Role.NURSE, null));
        Account doctor = accounts.create(new Account.Draft("dr-" + tag, PASSWORD, "Dr Thomas Test", null, Role.GP,
                null));
        Account other = accounts.create(new Account.Draft("dr2-" + tag, PASSWORD, "Dr Autre Test", null, Role.GP,
                null));
        Site site = sites.create(new Site.Draft("Salle " + tag, Site.Kind.TELECONSULTATION_ROOM, "1 rue de la Paix",
                "52100", "Saint-Dizier", "03 25 00 00 01", "Dr Garde " + tag, "06 11 22 33 44",
                "garde-" + tag + "@hopital.example"));
        Station.WithEnrolmentCode created = stations.create(new Station.Draft("CHR-" + tag.toUpperCase(),
                "Chariot " + tag, Station.Kind.CART, site.id()));
        Station.Credential credential = enrol ? stations.enrol(created.station().code(), created.enrolmentCode())
                .orElseThrow() : null;
        Patient patient = patients.create(new Patient(null, null, null, Patient.IdentityStatus.PROV,
                "PATIENT" + tag.toUpperCase(), "Jeanne", null, null, 'F', LocalDate.of(1950, 5, 4), null,
                "06 00 00 00 09", null, "2 rue Haute", "52100", "Saint-Dizier", Patient.MtStatus.DECLARED, mt.id(),
                null, null, false, false, null));
        return new ConsultationWorld(nurse, doctor, other, site, credential, created.station().id(),
                created.station().code(), enrol ? null : created.enrolmentCode(), patient, mt.email());
    }

    /**
     * A real station agent for this world's cart, in this JVM, with a synthetic oximeter and BP cuff; it enrols with
     * the one-time code (create the world with {@code enrol} false). The caller starts and closes it.
     */
    StationAgent syntheticAgent(int serverPort, Path dir) throws Exception {
        return syntheticAgent(serverPort, dir, Map.of());
    }

    /** @param moreDevices further station settings, e.g. {@code telestation.device.otoscope.protocol} */
    StationAgent syntheticAgent(int serverPort, Path dir, Map<String, String> moreDevices) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "telestation.server.url", "http://localhost:" + serverPort,
                "telestation.station.code", stationCode,
                "telestation.enrolment.code", enrolmentCode,
                "telestation.credential.file", dir.resolve("credential.properties").toString(),
                "telestation.outbox.file", dir.resolve("outbox.db").toString(),
                "telestation.outbox.min-free-disk-mb", "0",
                "telestation.ui.port", "0",
                "telestation.link.heartbeat-ms", "500",
                "telestation.device.cuff.protocol", "synthetic-bp-cuff",
                "telestation.device.oximeter.protocol", "synthetic-oximeter"));
        settings.putAll(moreDevices);
        return new StationAgent(StationConfig.of(settings), Clock.systemUTC());
    }

    /** The patient checked in at the world's cart by its nurse, pre-interviewed (consents given), waiting. */
    Consultation waiting(ConsultationService consultations, String reason) {
        Consultation c = consultations.checkIn(new ConsultationService.CheckIn(patient.id(), stationId, null,
                Consultation.Place.SITE, false), nurseActor());
        return consultations.preInterview(c.id(), new ConsultationService.PreInterview(true, true,
                Consultation.DmpChoice.CONSENT, reason), nurseActor());
    }

    /** The same, admitted by the world's doctor. */
    Consultation admitted(ConsultationService consultations, String reason) {
        return consultations.admit(waiting(consultations, reason).id(), doctorActor(), doctor.displayName());
    }

    Actor nurseActor() {
        return new Actor(nurse.username(), "NURSE");
    }

    Actor doctorActor() {
        return new Actor(doctor.username(), "GP");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
