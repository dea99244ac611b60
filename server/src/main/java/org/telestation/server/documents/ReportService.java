package org.telestation.server.documents;

import jakarta.mail.MessagingException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.consultation.Actor;
import org.telestation.server.consultation.Consultation;
import org.telestation.server.consultation.ConsultationService;
import org.telestation.server.consultation.ConsultationStatus;
import org.telestation.server.consultation.Observation;
import org.telestation.server.consultation.ObservationService;
import org.telestation.server.directory.CircleMembership;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.directory.Site;
import org.telestation.server.directory.SiteService;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.SmsSender;
import org.telestation.server.platform.Validation;
import org.telestation.server.platform.ValidationException;

/**
 * The report editor's back end: a draft the admitting doctor edits, then signs. Signing renders the PDF (with the
 * validated measurements), stores it for the DMP, closes the consultation (which records the acts), and then sends
 * the PDF to the médecin traitant — by MSSanté when configured. When the patient is sent to a relay doctor with an
 * appointment, the relay doctor gets the PDF the same way, and the patient gets the appointment (never clinical
 * content) by SMS and e-mail. A failed sending is recorded and can be retried; it never undoes the signature.
 */
@Service
public class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    static final String RESOURCE = "DocumentReference";
    static final int MAX_TEXT = 4000;
    static final int MAX_PLACE = 300;
    /** How far ahead a relay appointment may be booked. */
    static final Duration MAX_AHEAD = Duration.ofDays(366);
    /** How far from now the time of an emergency re-orientation may be (it is recorded, not planned). */
    static final Duration EMERGENCY_WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ConsultationService consultations;
    private final ObservationService observations;
    private final PatientService patients;
    private final ProfessionalService professionals;
    private final CircleMembership circle;
    private final SiteService sites;
    private final PdfRenderer pdf;
    private final ReportMailer mailer;
    private final SmsSender sms;

    ReportService(JdbcClient jdbc, Clock clock, AuditLog audit, ConsultationService consultations,
                  ObservationService observations, PatientService patients, ProfessionalService professionals,
                  CircleMembership circle, SiteService sites, PdfRenderer pdf, ReportMailer mailer, SmsSender sms) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
        this.observations = observations;
        this.patients = patients;
        this.professionals = professionals;
        this.circle = circle;
        this.sites = sites;
        this.pdf = pdf;
        this.mailer = mailer;
        this.sms = sms;
    }

    /** The report of a consultation; the admitting doctor's first look creates the draft (reason prefilled). */
    @Transactional
    public Report open(UUID consultationId, Actor who, String displayName) {
        Consultation c = consultations.view(consultationId, who);
        Optional<Report> existing = find(consultationId);
        if (existing.isPresent()) {
            audit.read(RESOURCE, existing.get().id().toString(), c.patientId());
            return existing.get();
        }
        if (!who.username().equals(c.doctorUsername())) throw new NotFoundException(RESOURCE, consultationId);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into document_reference (id, consultation_id, patient_id, status, reason, author_username,
                    author_display_name, created_at, updated_at)
                values (:id, :c, :p, 'DRAFT', :reason, :author, :name, :now, :now)""")
                .param("id", id).param("c", consultationId).param("p", c.patientId()).param("reason", c.reason())
                .param("author", who.username()).param("name", displayName).param("now", Timestamp.from(now))
                .update();
        audit.wrote(AuditLog.Action.CREATE, RESOURCE, id.toString(), c.patientId());
        return find(consultationId).orElseThrow();
    }

    @Transactional
    public Report save(UUID consultationId, Report.Content content, Actor doctor, String displayName) {
        Report r = open(consultationId, doctor, displayName);
        Consultation c = consultations.view(consultationId, doctor);
        if (!doctor.username().equals(c.doctorUsername())) throw new AccessDeniedException("admitting doctor only");
        if (r.status() == Report.Status.SIGNED) throw new ConflictException("documents.error.signed", "signed");
        Orientation orientation = validate(content);
        Report.Relay relay = orientation.relay();
        Report.Emergency emergency = orientation.emergency();
        jdbc.sql("""
                update document_reference set reason = :reason, findings = :findings, conclusion = :conclusion,
                    prescriptions = :prescriptions, reorientation = :reo, reorientation_note = :note,
                    relay_professional_id = :relay, relay_appointment_at = :relayAt, relay_place = :relayPlace,
                    emergency_mode = :emergency, emergency_at = :emergencyAt,
                    updated_at = :now where id = :id and status = 'DRAFT'""")
                .param("reason", blankToNull(content.reason())).param("findings", blankToNull(content.findings()))
                .param("conclusion", blankToNull(content.conclusion()))
                .param("prescriptions", blankToNull(content.prescriptions()))
                .param("reo", orientation.kind().name())
                .param("note", blankToNull(content.reorientationNote()))
                .param("relay", relay == null ? null : relay.professionalId())
                .param("relayAt", relay == null ? null : Timestamp.from(relay.appointmentAt()))
                .param("relayPlace", relay == null ? null : relay.place())
                .param("emergency", emergency == null ? null : emergency.mode().name())
                .param("emergencyAt", emergency == null ? null : Timestamp.from(emergency.at()))
                .param("now", Timestamp.from(clock.instant())).param("id", r.id()).update();
        audit.wrote(AuditLog.Action.UPDATE, RESOURCE, r.id().toString(), c.patientId());
        return find(consultationId).orElseThrow();
    }

    /**
     * Signs: PDF rendered and stored, consultation closed, acts recorded. Sending is {@link #sendToMt}, and for a
     * relay doctor {@link #sendToRelay} and {@link #notifyPatient}.
     */
    @Transactional
    public Report sign(UUID consultationId, Report.Content content, Actor doctor, String displayName) {
        Report r = save(consultationId, content, doctor, displayName);
        if (r.conclusion() == null) throw ValidationException.of("conclusion", "documents.error.conclusion");
        Consultation c = consultations.view(consultationId, doctor);
        if (c.status() == ConsultationStatus.IN_PROGRESS || c.status() == ConsultationStatus.INTERRUPTED) {
            c = consultations.endVideo(consultationId, doctor);
        }
        Instant now = clock.instant();
        Patient patient = patients.get(c.patientId());
        List<Observation> validated = observations.validated(consultationId, doctor);
        String siteName = c.siteId() == null ? null : sites.find(c.siteId()).map(Site::name).orElse(null);
        Report signing = r.signedBy(displayName, now);
        Professional relayDoctor = r.relay() == null ? null : professionals.get(r.relay().professionalId());
        Map<UUID, byte[]> stills = new HashMap<>();
        for (Observation o : validated) {
            if (o.kind() == Observation.Kind.IMAGE) {
                stills.put(o.id(), observations.content(consultationId, o.id(), doctor).bytes());
            }
        }
        byte[] document = pdf.render(signing, c, patient, validated, stills, siteName, relayDoctor);
        jdbc.sql("""
                update document_reference set status = 'SIGNED', signed_at = :now, pdf = :pdf, pdf_sha256 = :sha,
                    author_display_name = :name, updated_at = :now where id = :id and status = 'DRAFT'""")
                .param("now", Timestamp.from(now)).param("pdf", document).param("sha", sha256(document))
                .param("name", displayName).param("id", r.id()).update();
        audit.record(AuditLog.Action.UPDATE, RESOURCE, r.id().toString(), c.patientId(), AuditLog.Outcome.SUCCESS,
                "signed");
        consultations.close(consultationId, doctor);
        return find(consultationId).orElseThrow();
    }

    /** Sends the signed PDF to the MT; records where it went, or why it could not. */
    @Transactional
    public Report sendToMt(UUID consultationId, Actor who) {
        Consultation c = consultations.view(consultationId, who);
        Report r = signed(consultationId);
        String to = mtAddress(patients.get(c.patientId()));
        String error = to == null ? "no address for the MT" : deliver(r.id(), to, "Compte rendu de téléconsultation",
                "Bonjour,\n\nVeuillez trouver ci-joint le compte rendu de téléconsultation de votre patient(e)."
                        + "\n\nMessage envoyé par Telestation.");
        return recordSending(r, c, to, error, "sent to the MT", """
                update document_reference set sent_to = :to, sent_at = :at, send_error = :error where id = :id""");
    }

    /**
     * Sends the signed PDF to the relay doctor the patient is sent to, the appointment in the subject; records where
     * it went, or why it could not (409 when the report books no relay appointment).
     */
    @Transactional
    public Report sendToRelay(UUID consultationId, Actor who) {
        Consultation c = consultations.view(consultationId, who);
        Report r = signed(consultationId);
        Report.Relay relay = relayOf(r);
        String to = mailer.addressOf(professionals.get(relay.professionalId()));
        String when = PdfRenderer.dayAndTime(relay.appointmentAt());
        String error = to == null ? "no address for the relay doctor" : deliver(r.id(), to,
                "Patient adressé — rendez-vous le " + when,
                "Bonjour,\n\n" + r.authorDisplayName() + " vous adresse un(e) patient(e) après une téléconsultation."
                        + "\nRendez-vous : le " + when + ", " + relay.place() + "."
                        + "\nLe compte rendu de téléconsultation est joint.\n\nMessage envoyé par Telestation.");
        return recordSending(r, c, to, error, "sent to the relay doctor", """
                update document_reference set relay_sent_to = :to, relay_sent_at = :at, relay_send_error = :error
                where id = :id""");
    }

    /**
     * Tells the patient the relay appointment — date, time, doctor, place, nothing clinical — by SMS to their phone
     * and by e-mail when they have an address. A channel that worked is not used again on a retry.
     */
    @Transactional
    public Report notifyPatient(UUID consultationId, Actor who) {
        Consultation c = consultations.view(consultationId, who);
        Report r = signed(consultationId);
        Report.Relay relay = relayOf(r);
        Patient patient = patients.get(c.patientId());
        String notice = appointmentNotice(relay, professionals.get(relay.professionalId()));
        Report.PatientNotice before = r.patientNotice() == null ? new Report.PatientNotice(null, null, null)
                : r.patientNotice();
        Instant smsAt = before.smsAt();
        Instant emailAt = before.emailAt();
        String phone = blankToNull(patient.phone());
        String email = blankToNull(patient.email());
        String error = null;
        if (phone == null && email == null) {
            error = "no phone nor e-mail for the patient";
            auditSending(r, c, error, null);
        }
        if (phone != null && smsAt == null) {
            try {
                sms.send(phone, notice);
                smsAt = clock.instant();
                auditSending(r, c, null, "appointment sent to the patient by SMS");
            } catch (RuntimeException e) {
                error = "SMS failed (" + e.getClass().getSimpleName() + ")";
                auditSending(r, c, error, null);
            }
        }
        if (email != null && emailAt == null) {
            try {
                mailer.sendText(email, "Votre rendez-vous médical le "
                        + PdfRenderer.dayAndTime(relay.appointmentAt()), notice + "\n\nMessage envoyé par Telestation.");
                emailAt = clock.instant();
                auditSending(r, c, null, "appointment sent to the patient by e-mail");
            } catch (MailException | MessagingException e) {
                log.warn("appointment of report {} not e-mailed: {}", r.id(), e.getClass().getSimpleName());
                error = "e-mail failed (" + e.getClass().getSimpleName() + ")";
                auditSending(r, c, error, null);
            }
        }
        jdbc.sql("""
                update document_reference set patient_sms_at = :sms, patient_email_at = :email,
                    patient_notice_error = :error where id = :id""")
                .param("sms", smsAt == null ? null : Timestamp.from(smsAt))
                .param("email", emailAt == null ? null : Timestamp.from(emailAt))
                .param("error", error).param("id", r.id()).update();
        return find(consultationId).orElseThrow();
    }

    /** The patient's message: when, with whom, where, the practice's phone; never clinical content. */
    static String appointmentNotice(Report.Relay relay, Professional doctor) {
        return "Telestation : rendez-vous médical le " + PdfRenderer.dayAndTime(relay.appointmentAt()) + " avec le Dr " + doctor.displayName() + ", " + relay.place()
                + "." + (doctor.phone() == null ? "" : " Tél. du cabinet : " + doctor.phone() + ".")
                + " En cas d'empêchement, prévenez le cabinet.";
    }

    /** Doctors offered as relay: {@code circle} are members of the CPTS circle; both lists by name. */
    public record RelayCandidates(List<Professional> circle, List<Professional> others) {
    }

    /** The relay doctors the editor offers: the directory's doctors, members of the CPTS circle first. */
    public RelayCandidates relayCandidates() {
        Set<UUID> members = circle.activeMembers().stream().map(CircleMembership.Entry::professionalId)
                .collect(Collectors.toSet());
        List<Professional> inCircle = new ArrayList<>();
        List<Professional> others = new ArrayList<>();
        for (Professional p : professionals.list()) {
            if (p.profession() != Professional.Profession.MEDECIN) continue;
            (members.contains(p.id()) ? inCircle : others).add(p);
        }
        return new RelayCandidates(inCircle, others);
    }

    private Report signed(UUID consultationId) {
        Report r = find(consultationId).orElseThrow(() -> new NotFoundException(RESOURCE, consultationId));
        if (r.status() != Report.Status.SIGNED) throw new ConflictException("documents.error.not-signed", "draft");
        return r;
    }

    private static Report.Relay relayOf(Report r) {
        if (r.reorientation() != Report.Reorientation.RELAY_DOCTOR || r.relay() == null) {
            throw new ConflictException("documents.error.no-relay", "no relay appointment");
        }
        return r.relay();
    }

    /** Sends the report's PDF; null when it went, else why not (with no address or patient data in it). */
    private String deliver(UUID reportId, String to, String subject, String text) {
        try {
            mailer.sendPdf(to, subject, text, pdf(reportId));
            return null;
        } catch (MailException | MessagingException e) {
            // The exception text may quote the address: keep it out of logs and of the stored error.
            log.warn("report {} not sent: {}", reportId, e.getClass().getSimpleName());
            return "sending failed (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Stores where a PDF went and when, or why not, with {@code update} (:to, :at, :error, :id); audits it. */
    private Report recordSending(Report r, Consultation c, String to, String error, String success, String update) {
        jdbc.sql(update).param("to", error == null ? to : null)
                .param("at", error == null ? Timestamp.from(clock.instant()) : null)
                .param("error", error).param("id", r.id()).update();
        auditSending(r, c, error, success);
        return find(r.consultationId()).orElseThrow();
    }

    private void auditSending(Report r, Consultation c, String error, String success) {
        audit.record(AuditLog.Action.EXPORT, RESOURCE, r.id().toString(), c.patientId(),
                error == null ? AuditLog.Outcome.SUCCESS : AuditLog.Outcome.FAILURE, error == null ? success : error);
    }

    /** The MT's MSSanté address when secure messaging is on, else their e-mail. */
    String mtAddress(Patient p) {
        if (p.mtStatus() != Patient.MtStatus.DECLARED) return null;
        if (p.mtProfessionalId() != null) {
            Optional<Professional> mt = professionals.find(p.mtProfessionalId());
            if (mt.isPresent()) return mailer.addressOf(mt.get());
        }
        return p.mtEmail();
    }

    /** The signed PDF, for the doctor, the nurse, or the DMP outbox. Audited as an export. */
    @Transactional
    public byte[] pdf(UUID consultationId, Actor who) {
        Consultation c = consultations.view(consultationId, who);
        Report r = find(consultationId).filter(x -> x.status() == Report.Status.SIGNED)
                .orElseThrow(() -> new NotFoundException(RESOURCE, consultationId));
        audit.record(AuditLog.Action.EXPORT, RESOURCE, r.id().toString(), c.patientId(), AuditLog.Outcome.SUCCESS,
                "pdf");
        return pdf(r.id());
    }

    private byte[] pdf(UUID reportId) {
        return jdbc.sql("select pdf from document_reference where id = :id").param("id", reportId)
                .query(byte[].class).single();
    }

    public Optional<Report> find(UUID consultationId) {
        return jdbc.sql("select * from document_reference where consultation_id = :c").param("c", consultationId)
                .query(ReportService::map).optional();
    }

    private static Report map(ResultSet rs, int row) throws SQLException {
        UUID relayDoctor = rs.getObject("relay_professional_id", UUID.class);
        String emergencyMode = rs.getString("emergency_mode");
        String relaySentTo = rs.getString("relay_sent_to");
        String relayError = rs.getString("relay_send_error");
        Instant smsAt = instant(rs, "patient_sms_at");
        Instant emailAt = instant(rs, "patient_email_at");
        String noticeError = rs.getString("patient_notice_error");
        return new Report(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getObject("patient_id", UUID.class), Report.Status.valueOf(rs.getString("status")),
                rs.getString("reason"), rs.getString("findings"), rs.getString("conclusion"),
                rs.getString("prescriptions"), Report.Reorientation.valueOf(rs.getString("reorientation")),
                rs.getString("reorientation_note"),
                relayDoctor == null ? null : new Report.Relay(relayDoctor, instant(rs, "relay_appointment_at"),
                        rs.getString("relay_place")),
                emergencyMode == null ? null : new Report.Emergency(Report.EmergencyMode.valueOf(emergencyMode),
                        instant(rs, "emergency_at")),
                rs.getString("author_username"), rs.getString("author_display_name"), instant(rs, "signed_at"),
                rs.getString("sent_to"), instant(rs, "sent_at"), rs.getString("send_error"),
                relaySentTo == null && relayError == null ? null
                        : new Report.Delivery(relaySentTo, instant(rs, "relay_sent_at"), relayError),
                smsAt == null && emailAt == null && noticeError == null ? null
                        : new Report.PatientNotice(smsAt, emailAt, noticeError));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** The re-orientation as stored: its relay appointment or emergency mode checked and completed, else none. */
    private record Orientation(Report.Reorientation kind, Report.Relay relay, Report.Emergency emergency) {
    }

    /**
     * Checks every field at once (422 listing each problem, nothing written). A relay appointment needs a doctor of
     * the directory, a future date, and a place (by default the doctor's practice); an emergency needs its mode and
     * time. Both are dropped for the other re-orientations.
     */
    private Orientation validate(Report.Content c) {
        Validation v = new Validation();
        check(v, "reason", c.reason(), 2000);
        check(v, "findings", c.findings(), 8000);
        check(v, "conclusion", c.conclusion(), MAX_TEXT);
        check(v, "prescriptions", c.prescriptions(), MAX_TEXT);
        check(v, "reorientationNote", c.reorientationNote(), 1000);
        Report.Reorientation kind = c.reorientation() == null ? Report.Reorientation.NONE : c.reorientation();
        Instant now = clock.instant();
        Orientation result = new Orientation(kind, null, null);
        if (kind == Report.Reorientation.RELAY_DOCTOR) {
            Report.Relay in = c.relay() == null ? new Report.Relay(null, null, null) : c.relay();
            Optional<Professional> doctor = in.professionalId() == null ? Optional.empty()
                    : professionals.find(in.professionalId());
            v.require(in.professionalId() != null, "relayProfessionalId", "documents.error.relay-doctor.required");
            v.require(in.professionalId() == null || doctor.isPresent(), "relayProfessionalId",
                    "documents.error.relay-doctor.unknown");
            v.require(doctor.map(d -> d.profession() == Professional.Profession.MEDECIN).orElse(true),
                    "relayProfessionalId", "documents.error.relay-doctor.not-doctor");
            Instant at = in.appointmentAt();
            v.require(at != null, "relayAppointmentAt", "documents.error.relay-date.required");
            v.require(at == null || at.isAfter(now), "relayAppointmentAt", "documents.error.relay-date.past");
            v.require(at == null || !at.isAfter(now.plus(MAX_AHEAD)), "relayAppointmentAt",
                    "documents.error.relay-date.too-far");
            String place = blankToNull(in.place());
            if (place == null) place = doctor.map(Professional::practiceAddress).orElse(null);
            v.require(place != null || doctor.isEmpty(), "relayPlace", "documents.error.relay-place.required");
            check(v, "relayPlace", place, MAX_PLACE);
            result = new Orientation(kind, new Report.Relay(in.professionalId(), at, place), null);
        } else if (kind == Report.Reorientation.EMERGENCY) {
            Report.Emergency in = c.emergency() == null ? new Report.Emergency(null, null) : c.emergency();
            v.require(in.mode() != null, "emergencyMode", "documents.error.emergency-mode.required");
            v.require(in.at() != null, "emergencyAt", "documents.error.emergency-time.required");
            v.require(in.at() == null || Duration.between(in.at(), now).abs().compareTo(EMERGENCY_WINDOW) <= 0,
                    "emergencyAt", "documents.error.emergency-time.range");
            result = new Orientation(kind, null, in);
        }
        v.throwIfInvalid();
        return result;
    }

    private static void check(Validation v, String field, String value, int max) {
        v.require(value == null || value.length() <= max, field, "documents.error.too-long");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
