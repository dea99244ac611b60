package org.telestation.server.consultation;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.security.Account;
import org.telestation.server.security.AccountService;
import org.telestation.server.security.Role;

/**
 * Profile {@code load} only (never with real data): what the live load tool ({@code org.telestation.bench.live.
 * LiveLoad}, docs/consultation.md) needs — {@code telestation.load.sessions} stations {@code LOAD-0001…} with the
 * secrets {@code load-secret-0001…}, one admitted consultation per station with a deterministic id, and the doctor
 * account {@code load-doctor} / {@code load-password} who may watch them all. Idempotent.
 */
@Component
@Profile("load")
class LoadFixtures implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(LoadFixtures.class);
    static final String DOCTOR = "load-doctor";
    static final String PASSWORD = "load-password";

    private final AccountService accounts;
    private final StationService stations;
    private final PatientService patients;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int sessions;

    LoadFixtures(AccountService accounts, StationService stations, PatientService patients, JdbcClient jdbc,
                 Clock clock, @Value("${telestation.load.sessions:500}") int sessions) {
        this.accounts = accounts;
        this.stations = stations;
        this.patients = patients;
        this.jdbc = jdbc;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** The id the load tool computes for session {@code i} (1-based). */
    static UUID consultationId(int i) {
        return UUID.nameUUIDFromBytes(("load-consultation-" + i).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.findByUsername(DOCTOR).isEmpty()) {
            accounts.create(new Account.Draft(DOCTOR, PASSWORD, "Dr Charge", null, Role.GP, null));
        }
        UUID patient = jdbc.sql("select id from patient where birth_family_name = 'CHARGE' limit 1")
                .query(UUID.class).optional().orElseGet(() -> patients.create(new Patient(null, null, null,
                        Patient.IdentityStatus.PROV, "CHARGE", "Test", null, null, 'U', LocalDate.of(1970, 1, 1),
                        null, null, null, null, null, null, Patient.MtStatus.NONE, null, null, null, false, false,
                        null)).id());
        Timestamp now = Timestamp.from(clock.instant());
        for (int i = 1; i <= sessions; i++) {
            String code = String.format("LOAD-%04d", i);
            UUID stationId = stations.findByCode(code).map(Station::id).orElseGet(() -> stations.create(
                    new Station.Draft(code, "Load " + code, Station.Kind.CART, null)).station().id());
            stations.setSecretForDemo(stationId, String.format("load-secret-%04d", i));
            jdbc.sql("""
                    insert into consultation (id, patient_id, station_id, place, status, identity_checked,
                        teleconsultation_consent, dmp_choice, reason, nurse_username, doctor_username,
                        doctor_display_name, video_room, checked_in_at, waiting_since, admitted_at, updated_at)
                    values (:id, :p, :s, 'SITE', 'IN_PROGRESS', true, true, 'OPPOSITION', 'load test', 'load-nurse',
                        :d, 'Dr Charge', :room, :now, :now, :now, :now)
                    on conflict (id) do nothing""")
                    .param("id", consultationId(i)).param("p", patient).param("s", stationId).param("d", DOCTOR)
                    .param("room", "load-" + i).param("now", now).update();
        }
        log.info("load fixtures: {} stations and admitted consultations", sessions);
    }
}
