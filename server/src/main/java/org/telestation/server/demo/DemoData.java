package org.telestation.server.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.CircleService;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.Professional.Profession;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.directory.Site;
import org.telestation.server.directory.SiteService;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.patients.Ins;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.security.Account;
import org.telestation.server.security.AccountService;
import org.telestation.server.security.Role;

/**
 * Demo data, profile {@code demo} only (docs/security.md lists it). Every account's password is {@code demo}: this
 * profile must never run on a server holding real data. Runs once: skipped when the account {@code admin} exists.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Known station credentials so that the demo station agent can authenticate without enrolment. */
    static final String CART_SECRET = "demo-chariot-01-secret";
    static final String BRIEFCASE_SECRET = "demo-mallette-01-secret";
    static final String PASSWORD = "demo";
    /** The demo professionals' practice (a maison de santé), the default place of a relay appointment. */
    static final String DEMO_PRACTICE = "Maison de santé, 12 avenue de la République, 52100 Saint-Dizier";

    private final AccountService accounts;
    private final ProfessionalService professionals;
    private final SiteService sites;
    private final StationService stations;
    private final CircleService circle;
    private final PatientService patients;

    DemoData(AccountService accounts, ProfessionalService professionals, SiteService sites, StationService stations,
             CircleService circle, PatientService patients) {
        this.accounts = accounts;
        this.professionals = professionals;
        this.sites = sites;
        this.stations = stations;
        this.circle = circle;
        this.patients = patients;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername("admin").isPresent()) {
            return;
        }
        Professional nurse = pro("10001000016", "MARTIN", "Claire", Profession.INFIRMIER, List.of());
        Professional gp = pro("10001000024", "DUBOIS", "Thomas", Profession.MEDECIN,
                List.of(Speciality.MEDECINE_GENERALE));
        Professional cardio = pro("10001000032", "LEROY", "Sophie", Profession.MEDECIN,
                List.of(Speciality.CARDIOLOGIE));
        Professional ophtalmo = pro("10001000040", "MOREAU", "Julien", Profession.MEDECIN,
                List.of(Speciality.OPHTALMOLOGIE));
        Professional relay = pro("10001000057", "GARNIER", "Hélène", Profession.MEDECIN,
                List.of(Speciality.MEDECINE_GENERALE));
        Professional outside = pro("10001000065", "FAURE", "Nicolas", Profession.MEDECIN,
                List.of(Speciality.DERMATOLOGIE));

        account("infirmiere", "Claire Martin (IDE)", Role.NURSE, nurse.id());
        account("medecin", "Dr Thomas Dubois", Role.GP, gp.id());
        account("cardiologue", "Dr Sophie Leroy", Role.SPECIALIST, cardio.id());
        account("ophtalmologue", "Dr Julien Moreau", Role.SPECIALIST, ophtalmo.id());
        account("coordinatrice", "Anne Petit (coordination CPTS)", Role.COORDINATOR, null);
        account("admin", "Administrateur", Role.ADMIN, null);

        Site room = sites.create(new Site.Draft("Salle de téléconsultation de Saint-Dizier",
                Site.Kind.TELECONSULTATION_ROOM, "12 rue du Docteur Mougeot", "52100", "Saint-Dizier",
                "03 25 00 00 01", "Dr Hélène Garnier", "03 25 00 00 99", null));
        sites.create(new Site.Draft("Cabine de la pharmacie du Centre", Site.Kind.PHARMACY_CABIN,
                "4 place de l'Hôtel de Ville", "52100", "Saint-Dizier", "03 25 00 00 02", "Dr Hélène Garnier",
                "03 25 00 00 99", null));
        Site ehpad = sites.create(new Site.Draft("EHPAD Les Tilleuls", Site.Kind.CARE_HOME, "8 avenue de la Marne",
                "52100", "Saint-Dizier", "03 25 00 00 03", "Dr Hélène Garnier", "03 25 00 00 99", null));

        Station cart = stations.create(new Station.Draft("CHARIOT-01", "Chariot de la salle de Saint-Dizier",
                Station.Kind.CART, room.id())).station();
        stations.setSecretForDemo(cart.id(), CART_SECRET);
        Station briefcase = stations.create(new Station.Draft("MALLETTE-01", "Mallette des visites à domicile",
                Station.Kind.BRIEFCASE, ehpad.id())).station();
        stations.setSecretForDemo(briefcase.id(), BRIEFCASE_SECRET);

        circle.grant(nurse.id(), CircleRole.REQUESTER, "demo");
        circle.grant(gp.id(), CircleRole.BOTH, "demo");
        circle.grant(cardio.id(), CircleRole.EXPERT, "demo");
        circle.grant(ophtalmo.id(), CircleRole.EXPERT, "demo");
        circle.grant(relay.id(), CircleRole.BOTH, "demo");
        log.info("Demo data loaded ({} not in the circle on purpose)", outside.rpps());

        // The ANS test INS (standards.md §4.2), allowed only because the demo profile allows test OIDs.
        patients.create(new Patient(null, "279035121518989", Ins.TEST_NIR_OID, Patient.IdentityStatus.QUAL,
                "DUPONT", "Marie Louise", null, null, 'F', LocalDate.of(1979, 3, 15), "51215", "06 00 00 00 01",
                null, "3 rue des Lilas", "52100", "Saint-Dizier", Patient.MtStatus.NONE, null, null, null, false,
                false, "Se déplace seule.", true, Patient.IdentityDocument.CARTE_IDENTITE));
        patients.create(new Patient(null, null, null, Patient.IdentityStatus.PROV, "LEFÈVRE", "Jean", null, null,
                'M', LocalDate.of(1948, 11, 2), null, "06 00 00 00 02", null, "15 rue de la Forge", "52100",
                "Saint-Dizier", Patient.MtStatus.DECLARED, gp.id(), null, null, true, false,
                "Fauteuil roulant : visite à domicile avec la mallette.", false, null));
        patients.create(new Patient(null, null, null, Patient.IdentityStatus.VALI, "BERNARD", "Lucie", "ROUSSEL",
                null, 'F', LocalDate.of(2015, 6, 20), null, "06 00 00 00 03", null, null, "52100", "Saint-Dizier",
                Patient.MtStatus.NONE, null, null, null, false, false, null, true, Patient.IdentityDocument.LIVRET_FAMILLE));
    }

    private Professional pro(String rpps, String family, String given, Profession profession,
                             List<Speciality> specialities) {
        return professionals.create(new Professional.Draft(rpps, family, given, profession, specialities,
                given.toLowerCase(java.util.Locale.ROOT) + "." + family.toLowerCase(java.util.Locale.ROOT)
                        + "@demo.telestation.local", null, null, DEMO_PRACTICE));
    }

    private Account account(String username, String displayName, Role role, UUID professionalId) {
        return accounts.create(new Account.Draft(username, PASSWORD, displayName, null, role, professionalId));
    }
}
