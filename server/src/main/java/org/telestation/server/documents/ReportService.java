package org.telestation.server.documents;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
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
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.directory.Site;
import org.telestation.server.directory.SiteService;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.ValidationException;

/**
 * The report editor's back end: a draft the admitting doctor edits, then signs. Signing renders the PDF (with the
 * validated measurements), stores it for the DMP, closes the consultation (which records the acts), and then sends
 * the PDF to the médecin traitant — by MSSanté when configured. A failed send is recorded and can be retried; it
 * never undoes the signature.
 */
@Service
public class ReportService {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    static final String RESOURCE = "DocumentReference";
    static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final ConsultationService consultations;
    private final ObservationService observations;
    private final PatientService patients;
    private final ProfessionalService professionals;
    private final SiteService sites;
    private final PdfRenderer pdf;
    private final JavaMailSender mail;
    private final MssanteProperties mssante;
    private final String mailFrom;

    ReportService(JdbcClient jdbc, Clock clock, AuditLog audit, ConsultationService consultations,
                  ObservationService observations, PatientService patients, ProfessionalService professionals,
                  SiteService sites, PdfRenderer pdf, JavaMailSender mail, MssanteProperties mssante,
                  @Value("${telestation.mail.from}") String mailFrom) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.consultations = consultations;
        this.observations = observations;
        this.patients = patients;
        this.professionals = professionals;
        this.sites = sites;
        this.pdf = pdf;
        this.mail = mail;
        this.mssante = mssante;
        this.mailFrom = mailFrom;
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
        validate(content);
        jdbc.sql("""
                update document_reference set reason = :reason, findings = :findings, conclusion = :conclusion,
                    prescriptions = :prescriptions, reorientation = :reo, reorientation_note = :note,
                    updated_at = :now where id = :id and status = 'DRAFT'""")
                .param("reason", blankToNull(content.reason())).param("findings", blankToNull(content.findings()))
                .param("conclusion", blankToNull(content.conclusion()))
                .param("prescriptions", blankToNull(content.prescriptions()))
                .param("reo", (content.reorientation() == null ? Report.Reorientation.NONE
                        : content.reorientation()).name())
                .param("note", blankToNull(content.reorientationNote()))
                .param("now", Timestamp.from(clock.instant())).param("id", r.id()).update();
        audit.wrote(AuditLog.Action.UPDATE, RESOURCE, r.id().toString(), c.patientId());
        return find(consultationId).orElseThrow();
    }

    /** Signs: PDF rendered and stored, consultation closed, acts recorded. Sending is {@link #sendToMt}. */
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
        Report signing = new Report(r.id(), r.consultationId(), r.patientId(), Report.Status.SIGNED, r.reason(),
                r.findings(), r.conclusion(), r.prescriptions(), r.reorientation(), r.reorientationNote(),
                r.authorUsername(), displayName, now, null, null, null);
        java.util.Map<UUID, byte[]> stills = new java.util.HashMap<>();
        for (Observation o : validated) {
            if (o.kind() == Observation.Kind.IMAGE) {
                stills.put(o.id(), observations.content(consultationId, o.id(), doctor).bytes());
            }
        }
        byte[] document = pdf.render(signing, c, patient, validated, stills, siteName);
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
        Report r = find(consultationId).orElseThrow(() -> new NotFoundException(RESOURCE, consultationId));
        if (r.status() != Report.Status.SIGNED) throw new ConflictException("documents.error.not-signed", "draft");
        Patient patient = patients.get(c.patientId());
        String to = mtAddress(patient);
        String error = null;
        if (to == null) {
            error = "no address for the MT";
        } else {
            try {
                send(to, pdf(r.id()));
            } catch (MailException | MessagingException e) {
                // The exception text may quote the address: keep it out of logs and of the stored error.
                log.warn("report {} not sent: {}", r.id(), e.getClass().getSimpleName());
                error = "sending failed (" + e.getClass().getSimpleName() + ")";
            }
        }
        jdbc.sql("""
                update document_reference set sent_to = :to, sent_at = :at, send_error = :error where id = :id""")
                .param("to", error == null ? to : null).param("at", error == null ? Timestamp.from(clock.instant())
                        : null).param("error", error).param("id", r.id()).update();
        audit.record(AuditLog.Action.EXPORT, RESOURCE, r.id().toString(), c.patientId(),
                error == null ? AuditLog.Outcome.SUCCESS : AuditLog.Outcome.FAILURE,
                error == null ? "sent to the MT" : error);
        return find(consultationId).orElseThrow();
    }

    /** The MT's MSSanté address when secure messaging is on, else their e-mail. */
    String mtAddress(Patient p) {
        if (p.mtStatus() != Patient.MtStatus.DECLARED) return null;
        if (p.mtProfessionalId() != null) {
            Optional<Professional> mt = professionals.find(p.mtProfessionalId());
            if (mt.isPresent()) {
                if (mssante.enabled() && mt.get().mssanteAddress() != null) return mt.get().mssanteAddress();
                if (mt.get().email() != null) return mt.get().email();
                return mt.get().mssanteAddress();
            }
        }
        return p.mtEmail();
    }

    private void send(String to, byte[] document) throws MessagingException {
        JavaMailSender sender = mssante.enabled() ? mssanteSender() : mail;
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(mssante.enabled() && mssante.from() != null ? mssante.from() : mailFrom);
        helper.setTo(to);
        helper.setSubject("Compte rendu de téléconsultation");
        helper.setText("Bonjour,\n\nVeuillez trouver ci-joint le compte rendu de téléconsultation de votre patient(e)."
                + "\n\nMessage envoyé par Telestation.");
        helper.addAttachment("compte-rendu-teleconsultation.pdf", new ByteArrayResource(document),
                "application/pdf");
        sender.send(message);
    }

    private JavaMailSender mssanteSender() {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost(mssante.host());
        if (mssante.port() != null) s.setPort(mssante.port());
        s.setUsername(mssante.username());
        s.setPassword(mssante.password());
        Properties props = s.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(mssante.username() != null && !mssante.username().isBlank()));
        props.put("mail.smtp.starttls.enable", String.valueOf(mssante.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(mssante.starttls()));
        return s;
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
                .query((rs, n) -> new Report(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                        rs.getObject("patient_id", UUID.class), Report.Status.valueOf(rs.getString("status")),
                        rs.getString("reason"), rs.getString("findings"), rs.getString("conclusion"),
                        rs.getString("prescriptions"), Report.Reorientation.valueOf(rs.getString("reorientation")),
                        rs.getString("reorientation_note"), rs.getString("author_username"),
                        rs.getString("author_display_name"),
                        rs.getTimestamp("signed_at") == null ? null : rs.getTimestamp("signed_at").toInstant(),
                        rs.getString("sent_to"),
                        rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("send_error")))
                .optional();
    }

    private static void validate(Report.Content c) {
        check("reason", c.reason(), 2000);
        check("findings", c.findings(), 8000);
        check("conclusion", c.conclusion(), MAX_TEXT);
        check("prescriptions", c.prescriptions(), MAX_TEXT);
        check("reorientationNote", c.reorientationNote(), 1000);
    }

    private static void check(String field, String value, int max) {
        if (value != null && value.length() > max) throw ValidationException.of(field, "documents.error.too-long");
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
