package org.telestation.server.consultation;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.ValidationException;

/**
 * The consultation's life: check-in, pre-interview, waiting room, admission, interruption and resumption, end of the
 * video, closing. Every transition is one row of {@code consultation_transition} written in the same transaction as
 * the status change (a conditional update, so two doctors admitting at once cannot both win). Every read of a
 * consultation goes through {@link #view} which checks who may see it and leaves an audit trace.
 */
@Service
public class ConsultationService {
    static final String RESOURCE = "Encounter";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final PatientService patients;
    private final StationService stations;
    private final ActService acts;
    private final TransactionTemplate separately;
    private final org.springframework.context.ApplicationEventPublisher events;

    ConsultationService(JdbcClient jdbc, Clock clock, AuditLog audit, PatientService patients,
                        StationService stations, ActService acts, PlatformTransactionManager transactions,
                        org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.acts = acts;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.patients = patients;
        this.stations = stations;
    }

    /** What the nurse enters at check-in. */
    public record CheckIn(UUID patientId, UUID stationId, UUID appointmentId, Consultation.Place place,
                          boolean plannedNursingVisit) {
    }

    /** What the nurse records in the pre-interview. */
    public record PreInterview(boolean identityChecked, boolean teleconsultationConsent,
                               Consultation.DmpChoice dmpChoice, String reason) {
    }

    @Transactional
    public Consultation checkIn(CheckIn in, Actor nurse) {
        if (in.patientId() == null) throw ValidationException.of("patientId", "consultation.error.patient");
        if (in.place() == null) throw ValidationException.of("place", "consultation.error.place");
        Patient patient = patients.get(in.patientId());
        UUID siteId = null;
        if (in.stationId() != null) {
            Station station = stations.find(in.stationId()).orElseThrow(() -> ValidationException.of("stationId",
                    "consultation.error.station"));
            siteId = station.siteId();
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into consultation (id, patient_id, station_id, site_id, appointment_id, place,
                    planned_nursing_visit, status, nurse_username, video_room, checked_in_at, updated_at)
                values (:id, :patient, :station, :site, :appointment, :place, :planned, 'CHECKED_IN', :nurse, :room,
                        :now, :now)""")
                .param("id", id).param("patient", patient.id()).param("station", in.stationId())
                .param("site", siteId).param("appointment", in.appointmentId()).param("place", in.place().name())
                .param("planned", in.plannedNursingVisit()).param("nurse", nurse.username())
                .param("room", "tc-" + randomHex(10)).param("now", Timestamp.from(now)).update();
        history(id, null, ConsultationStatus.CHECKED_IN, nurse, now);
        audit.wrote(AuditLog.Action.CREATE, RESOURCE, id.toString(), patient.id());
        return load(id).orElseThrow();
    }

    /** Records the pre-interview; when it is complete the patient enters the waiting room. */
    @Transactional
    public Consultation preInterview(UUID id, PreInterview p, Actor nurse) {
        Consultation c = view(id, nurse);
        if (c.status() != ConsultationStatus.CHECKED_IN && c.status() != ConsultationStatus.WAITING) {
            throw new ConflictException("consultation.error.state", "pre-interview after admission");
        }
        if (p.reason() != null && p.reason().length() > 500) {
            throw ValidationException.of("reason", "consultation.error.reason-length");
        }
        Patient patient = patients.get(c.patientId());
        jdbc.sql("""
                update consultation set identity_checked = :checked, identity_status = :status,
                    teleconsultation_consent = :consent, dmp_choice = :dmp, reason = :reason, updated_at = :now
                where id = :id""")
                .param("checked", p.identityChecked())
                .param("status", p.identityChecked() ? patient.identityStatus().name() : null)
                .param("consent", p.teleconsultationConsent())
                .param("dmp", p.dmpChoice() == null ? null : p.dmpChoice().name())
                .param("reason", p.reason() == null || p.reason().isBlank() ? null : p.reason().strip())
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.wrote(AuditLog.Action.UPDATE, RESOURCE, id.toString(), c.patientId());
        Consultation updated = load(id).orElseThrow();
        if (updated.status() == ConsultationStatus.CHECKED_IN) {
            if (!p.identityChecked()) throw ValidationException.of("identityChecked", "consultation.error.identity");
            if (!p.teleconsultationConsent()) {
                throw ValidationException.of("teleconsultationConsent", "consultation.error.consent");
            }
            if (p.dmpChoice() == null) throw ValidationException.of("dmpChoice", "consultation.error.dmp");
            if (updated.reason() == null) throw ValidationException.of("reason", "consultation.error.reason");
            return move(updated, ConsultationStatus.WAITING, nurse);
        }
        return updated;
    }

    /** The queue the doctors see: waiting patients, longest wait first. Each entry read is audited. */
    @Transactional
    public List<Consultation> waitingRoom(Actor viewer) {
        if (!viewer.doctor() && !viewer.is("NURSE")) throw new AccessDeniedException("waiting room");
        List<Consultation> waiting = jdbc.sql("select * from consultation where status = 'WAITING' "
                + "order by waiting_since").query(ConsultationService::row).list();
        for (Consultation c : waiting) audit.read(RESOURCE, c.id().toString(), c.patientId());
        return waiting;
    }

    /** Consultations a person takes part in and that are not over, newest first. */
    public List<Consultation> mine(Actor who) {
        return jdbc.sql("""
                select * from consultation where status not in ('CLOSED','CANCELLED')
                  and (nurse_username = :u or doctor_username = :u) order by checked_in_at desc limit 50""")
                .param("u", who.username()).query(ConsultationService::row).list();
    }

    @Transactional
    public Consultation admit(UUID id, Actor doctor, String displayName) {
        if (!doctor.doctor()) throw new AccessDeniedException("only a doctor admits");
        Consultation c = load(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
        Instant now = clock.instant();
        int changed = jdbc.sql("""
                update consultation set status = 'IN_PROGRESS', doctor_username = :d, doctor_display_name = :n,
                    admitted_at = :now, updated_at = :now
                where id = :id and status = 'WAITING'""")
                .param("d", doctor.username()).param("n", displayName).param("now", Timestamp.from(now))
                .param("id", id).update();
        if (changed == 0) throw new ConflictException("consultation.error.already-admitted", "not waiting");
        history(id, ConsultationStatus.WAITING, ConsultationStatus.IN_PROGRESS, doctor, now);
        audit.wrote(AuditLog.Action.UPDATE, RESOURCE, id.toString(), c.patientId());
        return load(id).orElseThrow();
    }

    @Transactional
    public Consultation interrupt(UUID id, Actor who) {
        return move(view(id, who), ConsultationStatus.INTERRUPTED, who);
    }

    /** Resumes an interrupted session, or reopens the video while the report is not signed. */
    @Transactional
    public Consultation resume(UUID id, Actor who) {
        Consultation c = view(id, who);
        requireDoctor(c, who);
        return move(c, ConsultationStatus.IN_PROGRESS, who);
    }

    /** The video is over; the doctor writes the report. */
    @Transactional
    public Consultation endVideo(UUID id, Actor who) {
        Consultation c = view(id, who);
        requireDoctor(c, who);
        return move(c, ConsultationStatus.REPORTING, who);
    }

    @Transactional
    public Consultation cancel(UUID id, Actor who) {
        return move(view(id, who), ConsultationStatus.CANCELLED, who);
    }

    /** Closes once the report is signed (called by the documents capability) and records the acts. */
    @Transactional
    public Consultation close(UUID id, Actor doctor) {
        Consultation c = view(id, doctor);
        requireDoctor(c, doctor);
        Consultation closed = move(c, ConsultationStatus.CLOSED, doctor);
        acts.record(closed);
        return closed;
    }

    static void requireDoctor(Consultation c, Actor who) {
        if (!who.username().equals(c.doctorUsername())) {
            throw new AccessDeniedException("only the admitting doctor");
        }
    }

    private Consultation move(Consultation c, ConsultationStatus to, Actor who) {
        if (!c.status().canMoveTo(to)) {
            throw new ConflictException("consultation.error.state", c.status() + " -> " + to);
        }
        Instant now = clock.instant();
        String extra = switch (to) {
            case WAITING -> ", waiting_since = :now";
            case REPORTING -> ", ended_at = :now";
            case CLOSED, CANCELLED -> ", closed_at = :now";
            default -> "";
        };
        int changed = jdbc.sql("update consultation set status = :to, updated_at = :now" + extra
                        + " where id = :id and status = :from")
                .param("to", to.name()).param("now", Timestamp.from(now)).param("id", c.id())
                .param("from", c.status().name()).update();
        if (changed == 0) throw new ConflictException("consultation.error.state", "changed concurrently");
        history(c.id(), c.status(), to, who, now);
        audit.wrote(AuditLog.Action.UPDATE, RESOURCE, c.id().toString(), c.patientId());
        events.publishEvent(new OpenViewerSockets.StatusChanged(c.id(), c.status(), to));
        return load(c.id()).orElseThrow();
    }

    /**
     * A consultation for someone who may see it: the nurse who checked the patient in, the admitted doctor, any
     * doctor while it waits for admission (to decide to admit), or an invited participant (by the guest pass the
     * invitation put in their session). Audited either way.
     */
    @Transactional
    public Consultation view(UUID id, Actor who) {
        return view(id, who, false);
    }

    /** @param guest the caller holds a guest pass for this consultation (checked by the caller) */
    @Transactional
    public Consultation view(UUID id, Actor who, boolean guest) {
        Consultation c = load(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
        if (!mayView(c, who, guest)) {
            // In its own transaction: the refusal below rolls back the caller's, the trace must stay.
            separately.executeWithoutResult(t -> audit.record(AuditLog.Action.READ, RESOURCE, id.toString(),
                    c.patientId(), AuditLog.Outcome.DENIED, null));
            throw new AccessDeniedException("not a participant");
        }
        audit.read(RESOURCE, id.toString(), c.patientId());
        return c;
    }

    static boolean mayView(Consultation c, Actor who, boolean guest) {
        if (guest) return c.status() != ConsultationStatus.CLOSED && c.status() != ConsultationStatus.CANCELLED;
        if (who.username().equals(c.nurseUsername()) || who.username().equals(c.doctorUsername())) return true;
        return who.doctor() && c.status() == ConsultationStatus.WAITING;
    }

    public List<Transition> history(UUID id, Actor who) {
        view(id, who);
        return jdbc.sql("select * from consultation_transition where consultation_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new Transition(rs.getString("from_status") == null ? null
                        : ConsultationStatus.valueOf(rs.getString("from_status")),
                        ConsultationStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** The consultation in progress at a station, if any (routing of measurement captures and requests). */
    public Optional<Consultation> activeAt(UUID stationId) {
        return jdbc.sql("""
                select * from consultation where station_id = :s and status in ('IN_PROGRESS','INTERRUPTED','REPORTING')
                order by admitted_at desc limit 1""").param("s", stationId).query(ConsultationService::row).optional();
    }

    /** Unchecked read for code that already checked access (no audit: the caller audits). */
    Optional<Consultation> load(UUID id) {
        return jdbc.sql("select * from consultation where id = :id").param("id", id)
                .query(ConsultationService::row).optional();
    }

    private void history(UUID id, ConsultationStatus from, ConsultationStatus to, Actor who, Instant at) {
        jdbc.sql("""
                insert into consultation_transition (consultation_id, from_status, to_status, actor, actor_role,
                    occurred_at) values (:id, :from, :to, :actor, :role, :at)""")
                .param("id", id).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", who.username()).param("role", who.role()).param("at", Timestamp.from(at)).update();
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static Consultation row(ResultSet rs, int n) throws SQLException {
        String dmp = rs.getString("dmp_choice");
        return new Consultation(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
                rs.getObject("station_id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getObject("appointment_id", UUID.class), Consultation.Place.valueOf(rs.getString("place")),
                rs.getBoolean("planned_nursing_visit"), ConsultationStatus.valueOf(rs.getString("status")),
                rs.getBoolean("identity_checked"), rs.getString("identity_status"),
                rs.getBoolean("teleconsultation_consent"), dmp == null ? null : Consultation.DmpChoice.valueOf(dmp),
                rs.getString("reason"), rs.getString("nurse_username"), rs.getString("doctor_username"),
                rs.getString("doctor_display_name"), rs.getString("video_room"), instant(rs, "checked_in_at"),
                instant(rs, "waiting_since"), instant(rs, "admitted_at"), instant(rs, "ended_at"),
                instant(rs, "closed_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
