package org.telestation.server.expertise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.devices.ecg.EcgFormatException;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.patients.PatientService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.Validation;
import org.telestation.server.platform.ValidationException;

/**
 * Tele-expertise between professionals of the circle (product.md workflow 4): requests with their attachments, the
 * expert's inbox, questions back to the requester, the structured answer with its acts, reassignment by the
 * coordinator. Every method checks the circle first (membership is read at each call) and audits access to patient
 * data in the same transaction.
 */
@Service
public class ExpertiseService {

    public static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png");
    public static final String PDF = "application/pdf";
    static final int QUESTION_MAX = 4000;

    private final ExpertiseStore store;
    private final CircleGuard guard;
    private final DeadlineTimer timer;
    private final ExpertiseNotifier notifier;
    private final ExpertiseProperties properties;
    private final ProfessionalService professionals;
    private final PatientService patients;
    private final AuditLog audit;
    private final Clock clock;

    ExpertiseService(ExpertiseStore store, CircleGuard guard, DeadlineTimer timer, ExpertiseNotifier notifier,
                     ExpertiseProperties properties, ProfessionalService professionals, PatientService patients,
                     AuditLog audit, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.timer = timer;
        this.notifier = notifier;
        this.properties = properties;
        this.professionals = professionals;
        this.patients = patients;
        this.audit = audit;
        this.clock = clock;
    }

    /** A file as uploaded. */
    public record Upload(String fileName, String contentType, byte[] content) {}

    /**
     * A new request.
     *
     * @param requesterId the requesting doctor; null means the actor (a nurse names the GP she acts for)
     * @param expertId    a named expert, or null for every expert of the speciality in the circle
     * @param eyes        for retinography images, LEFT/RIGHT per image upload in order (may be shorter)
     */
    public record Draft(UUID patientId, ExpertiseRequest.Kind kind, Speciality speciality, UUID requesterId,
                        UUID expertId, String question, ExpertiseRequest.Urgency urgency, boolean consent,
                        List<Upload> files, List<Attachment.Eye> eyes) {}

    @Transactional
    public ExpertiseRequest create(Actor actor, Draft d) {
        guard.requireRequester(actor);
        UUID requester = d.requesterId() != null ? d.requesterId() : actor.professionalId();
        Validation v = new Validation()
                .require(d.patientId() != null, "patientId", "validation.required")
                .require(d.kind() != null, "kind", "validation.required")
                .require(d.speciality() != null, "speciality", "validation.required")
                .require(d.speciality() == null || properties.specialities().contains(d.speciality()), "speciality",
                        "expertise.speciality.unknown")
                .text(d.question(), "question", QUESTION_MAX)
                .require(d.consent(), "consent", "expertise.consent.required");
        v.throwIfInvalid();
        if (!guard.mayRequest(requester)) {
            throw new NotInCircleException("expertise.refused.requester-not-member");
        }
        if (d.expertId() != null) {
            Professional expert = professionals.find(d.expertId()).orElseThrow(() -> ValidationException.of(
                    "expertId", "expertise.expert.unknown"));
            if (!guard.mayAnswer(expert.id())) {
                throw ValidationException.of("expertId", "expertise.expert.not-member");
            }
            if (!expert.specialities().contains(d.speciality())) {
                throw ValidationException.of("expertId", "expertise.expert.wrong-speciality");
            }
        }
        patients.find(d.patientId()).orElseThrow(() -> ValidationException.of("patientId", "expertise.patient.unknown"));
        ExpertiseRequest.Urgency urgency = d.urgency() == null ? ExpertiseRequest.Urgency.ROUTINE : d.urgency();
        Instant now = clock.instant();
        Instant due = now.plus(properties.deadline(d.speciality(), urgency));
        UUID id = UUID.randomUUID();
        store.jdbc().sql("""
                insert into expertise_request(id, patient_id, kind, speciality, requester_id, created_by, expert_id,
                    question, urgency, consent_given, consent_recorded_by, consent_recorded_at, state, requested_at,
                    due_at)
                values (:id, :patient, :kind, :speciality, :requester, :by, :expert, :question, :urgency, true, :by,
                    :now, 'REQUESTED', :now, :due)""")
                .param("id", id).param("patient", d.patientId()).param("kind", d.kind().name())
                .param("speciality", d.speciality().name()).param("requester", requester)
                .param("by", actor.username()).param("expert", d.expertId()).param("question", d.question().strip())
                .param("urgency", urgency.name()).param("now", ExpertiseStore.ts(now))
                .param("due", ExpertiseStore.ts(due)).update();
        store.event(id, now, actor.username(), ExpertiseEvent.Kind.CREATED, null);
        List<Upload> files = d.files() == null ? List.of() : d.files();
        for (int i = 0; i < files.size(); i++) {
            Attachment.Eye eye = d.eyes() != null && i < d.eyes().size() ? d.eyes().get(i) : null;
            store(actor, id, files, i, eye, now);
        }
        audit.wrote(AuditLog.Action.CREATE, "ExpertiseRequest", id.toString(), d.patientId());
        ExpertiseRequest created = store.find(id).orElseThrow();
        timer.arm(created);
        notifier.newRequest(created);
        return created;
    }

    /**
     * Checks type and size of one upload and stores it. ECG files are parsed now, so a file the viewer cannot read is
     * refused at once (422) rather than discovered by the cardiologist. A WFDB header takes the next upload as its
     * signal file.
     */
    private void store(Actor actor, UUID requestId, List<Upload> files, int index, Attachment.Eye eye, Instant now) {
        Upload f = files.get(index);
        if (f.content() == null || f.content().length == 0) {
            return; // an empty file input
        }
        if (f.content().length > properties.maxAttachmentBytes()) {
            throw ValidationException.of("files", "expertise.file.too-large");
        }
        String name = f.fileName() == null || f.fileName().isBlank() ? "fichier" : f.fileName().strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".dat")) {
            return; // stored with its WFDB header
        }
        Attachment.Kind kind;
        String contentType;
        EcgFiles.Format format = null;
        byte[] companion = null;
        if (isJpeg(f.content()) || isPng(f.content())) {
            kind = Attachment.Kind.IMAGE;
            contentType = isJpeg(f.content()) ? "image/jpeg" : "image/png";
        } else if (isPdf(f.content())) {
            kind = Attachment.Kind.PDF;
            contentType = PDF;
        } else {
            format = EcgFiles.detect(f.content());
            if (format == null) {
                throw ValidationException.of("files", "expertise.file.type");
            }
            if (format == EcgFiles.Format.WFDB) {
                companion = wfdbSignal(files, f);
            }
            try {
                EcgFiles.read(format, f.content(), companion, ZoneId.of("Europe/Paris"));
            } catch (EcgFormatException | RuntimeException e) {
                throw ValidationException.of("files", "expertise.file.ecg-unreadable");
            }
            kind = Attachment.Kind.ECG;
            contentType = "application/octet-stream";
        }
        store.jdbc().sql("""
                insert into expertise_attachment(id, request_id, kind, file_name, content_type, size_bytes, ecg_format,
                    eye, position, content, companion, created_at, created_by)
                values (:id, :r, :kind, :name, :type, :size, :format, :eye, :position, :content, :companion, :now,
                    :by)""")
                .param("id", UUID.randomUUID()).param("r", requestId).param("kind", kind.name()).param("name", name)
                .param("type", contentType).param("size", f.content().length)
                .param("format", format == null ? null : format.name())
                .param("eye", kind == Attachment.Kind.IMAGE && eye != null ? eye.name() : null).param("position", index)
                .param("content", f.content()).param("companion", companion)
                .param("now", ExpertiseStore.ts(now)).param("by", actor.username()).update();
        store.event(requestId, now, actor.username(), ExpertiseEvent.Kind.ATTACHED, name);
    }

    /** The signal file a WFDB header names (first signal line, first field), among the uploads. */
    private static byte[] wfdbSignal(List<Upload> files, Upload header) {
        String text = new String(header.content(), java.nio.charset.StandardCharsets.ISO_8859_1);
        String signalName = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).skip(1)
                .findFirst().map(l -> l.split("\\s+")[0]).orElse("");
        return files.stream().filter(u -> u.fileName() != null && u.fileName().strip().equals(signalName))
                .map(Upload::content).findFirst()
                .orElseThrow(() -> ValidationException.of("files", "expertise.file.wfdb-signal-missing"));
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isPdf(byte[] b) {
        return b.length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';
    }

    /** A request with everything a screen shows. */
    public record Detail(ExpertiseRequest request, String patientName, String requesterName, String expertName,
                         List<Attachment> attachments, List<ExpertiseEvent> events, Optional<Answer> answer,
                         boolean mayAnswer, boolean mayReply, boolean mayReassign) {}

    /**
     * A request as its requester, an eligible expert of the circle or the coordinator sees it (audited). Anyone else:
     * {@link NotInCircleException} (403), even when the id does not exist, so ids cannot be probed.
     */
    @Transactional
    public Detail detail(Actor actor, UUID id) {
        ExpertiseRequest r = readable(actor, id);
        audit.read("ExpertiseRequest", id.toString(), r.patientId());
        var patient = patients.get(r.patientId());
        boolean expert = eligibleExpert(actor, r);
        boolean requester = isRequester(actor, r) && guard.mayRequest(actor.professionalId());
        return new Detail(r, patient.displayName(), name(r.requesterId()), r.expertId() == null ? null : name(r.expertId()),
                store.attachments(id), store.events(id), store.answer(id),
                expert && (r.state() == ExpertiseRequest.State.REQUESTED), requester
                && r.state() == ExpertiseRequest.State.INFO_REQUESTED,
                actor.coordinates() && r.state().open());
    }

    private String name(UUID professionalId) {
        return professionals.find(professionalId).map(Professional::displayName).orElse("?");
    }

    /** Loads a request the actor may read, or refuses. */
    ExpertiseRequest readable(Actor actor, UUID id) {
        if (actor.coordinates()) {
            return store.find(id).orElseThrow(() -> new NotFoundException("ExpertiseRequest", id));
        }
        if (!guard.member(actor)) {
            throw new NotInCircleException("expertise.refused.not-member");
        }
        ExpertiseRequest r = store.find(id).orElseThrow(() -> new NotFoundException("ExpertiseRequest", id));
        boolean requester = isRequester(actor, r) && guard.mayRequest(actor.professionalId());
        if (!requester && !eligibleExpert(actor, r)) {
            throw new NotInCircleException("expertise.refused.not-yours");
        }
        return r;
    }

    private static boolean isRequester(Actor actor, ExpertiseRequest r) {
        return actor.username().equals(r.createdBy()) || r.requesterId().equals(actor.professionalId());
    }

    private boolean eligibleExpert(Actor actor, ExpertiseRequest r) {
        if (!guard.mayAnswer(actor.professionalId())) {
            return false;
        }
        if (r.expertId() != null) {
            return r.expertId().equals(actor.professionalId());
        }
        return professionals.find(actor.professionalId()).map(p -> p.specialities().contains(r.speciality()))
                .orElse(false);
    }

    /** One inbox row: what the list shows, without patient identity (the list is not an audited read). */
    public record InboxRow(UUID id, ExpertiseRequest.Kind kind, Speciality speciality, ExpertiseRequest.Urgency urgency,
                           ExpertiseRequest.State state, Instant requestedAt, Instant dueAt, Duration timeLeft,
                           String requesterName) {
        public boolean late() {
            return timeLeft.isNegative();
        }

        /** "12 h 05" or "-3 h 10": hours and minutes, plainly. */
        public String timeLeftText() {
            long minutes = Math.abs(timeLeft.toMinutes());
            return (timeLeft.isNegative() ? "-" : "") + minutes / 60 + " h " + String.format("%02d", minutes % 60);
        }
    }

    /**
     * The expert's inbox: requests addressed to them or to their speciality, sorted by time left (most urgent first).
     * Filters are optional; without a state filter, only open requests are shown.
     */
    @Transactional(readOnly = true)
    public List<InboxRow> inbox(Actor actor, Speciality speciality, ExpertiseRequest.State state) {
        guard.requireExpert(actor);
        Professional me = professionals.get(actor.professionalId());
        List<String> mine = me.specialities().stream().map(Enum::name).toList();
        List<ExpertiseRequest> rows = store.jdbc().sql("""
                select * from expertise_request
                where (expert_id = :me or (expert_id is null and speciality in (:mine)))
                  and (:speciality = '' or speciality = :speciality)
                  and (:state = '' and state in ('REQUESTED','INFO_REQUESTED','ESCALATED') or state = :state)""")
                .param("me", actor.professionalId()).param("mine", mine.isEmpty() ? List.of("-") : mine)
                .param("speciality", speciality == null ? "" : speciality.name())
                .param("state", state == null ? "" : state.name())
                .query(ExpertiseStore::request).list();
        return rows(rows);
    }

    /** The requests a requester sent (or a nurse sent for a GP), newest first. */
    @Transactional(readOnly = true)
    public List<InboxRow> sent(Actor actor) {
        guard.requireRequester(actor);
        return rows(store.jdbc().sql("""
                select * from expertise_request where created_by = :u or requester_id = :me order by requested_at desc""")
                .param("u", actor.username()).param("me", actor.professionalId())
                .query(ExpertiseStore::request).list());
    }

    /** For the coordinator: every open request, escalated first, then by time left. */
    @Transactional(readOnly = true)
    public List<InboxRow> supervision() {
        List<InboxRow> rows = new ArrayList<>(rows(store.jdbc().sql("""
                select * from expertise_request where state in ('REQUESTED','INFO_REQUESTED','ESCALATED')""")
                .query(ExpertiseStore::request).list()));
        rows.sort(Comparator.comparing((InboxRow r) -> r.state() != ExpertiseRequest.State.ESCALATED)
                .thenComparing(InboxRow::timeLeft));
        return rows;
    }

    private List<InboxRow> rows(List<ExpertiseRequest> requests) {
        Instant now = clock.instant();
        return requests.stream()
                .map(r -> new InboxRow(r.id(), r.kind(), r.speciality(), r.urgency(), r.state(), r.requestedAt(),
                        r.dueAt(), r.timeLeft(now), name(r.requesterId())))
                .sorted(Comparator.comparing(InboxRow::timeLeft))
                .toList();
    }

    /** The expert asks the requester for more information; the clock pauses when so configured. */
    @Transactional
    public ExpertiseRequest askForInformation(Actor actor, UUID id, String question) {
        guard.requireExpert(actor);
        ExpertiseRequest r = lockedForExpert(actor, id);
        new Validation().text(question, "message", QUESTION_MAX).throwIfInvalid();
        Instant now = clock.instant();
        store.jdbc().sql("""
                update expertise_request set state = 'INFO_REQUESTED', paused_at = :paused where id = :id""")
                .param("paused", properties.pauseOnInfoRequest() ? ExpertiseStore.ts(now) : null).param("id", id)
                .update();
        store.event(id, now, actor.username(), ExpertiseEvent.Kind.INFO_REQUESTED, question.strip());
        audit.wrote(AuditLog.Action.UPDATE, "ExpertiseRequest", id.toString(), r.patientId());
        ExpertiseRequest changed = store.find(id).orElseThrow();
        if (properties.pauseOnInfoRequest()) {
            timer.disarm(id);
        }
        notifier.infoRequested(changed);
        return changed;
    }

    /** The requester answers the question; the request goes back to the expert and a paused clock resumes. */
    @Transactional
    public ExpertiseRequest provideInformation(Actor actor, UUID id, String reply, List<Upload> files) {
        guard.requireRequester(actor);
        ExpertiseRequest r = store.lock(id).orElseThrow(() -> new NotFoundException("ExpertiseRequest", id));
        if (!isRequester(actor, r)) {
            throw new NotInCircleException("expertise.refused.not-yours");
        }
        if (r.state() != ExpertiseRequest.State.INFO_REQUESTED) {
            throw new ConflictException("expertise.state.not-waiting-info", "no question pending");
        }
        new Validation().text(reply, "message", QUESTION_MAX).throwIfInvalid();
        Instant now = clock.instant();
        Instant due = r.dueAt();
        int version = r.deadlineVersion();
        if (r.pausedAt() != null) {
            due = due.plus(Duration.between(r.pausedAt(), now));
            version++;
        }
        store.jdbc().sql("""
                update expertise_request set state = 'REQUESTED', paused_at = null, due_at = :due,
                    deadline_version = :v where id = :id""")
                .param("due", ExpertiseStore.ts(due)).param("v", version).param("id", id).update();
        store.event(id, now, actor.username(), ExpertiseEvent.Kind.INFO_PROVIDED, reply.strip());
        List<Upload> uploads = files == null ? List.of() : files;
        for (int i = 0; i < uploads.size(); i++) {
            store(actor, id, uploads, i, null, now);
        }
        audit.wrote(AuditLog.Action.UPDATE, "ExpertiseRequest", id.toString(), r.patientId());
        ExpertiseRequest changed = store.find(id).orElseThrow();
        timer.arm(changed);
        notifier.infoProvided(changed);
        return changed;
    }

    private ExpertiseRequest lockedForExpert(Actor actor, UUID id) {
        ExpertiseRequest r = store.lock(id).orElseThrow(() -> new NotFoundException("ExpertiseRequest", id));
        if (!eligibleExpert(actor, r)) {
            throw new NotInCircleException("expertise.refused.not-yours");
        }
        if (r.state() != ExpertiseRequest.State.REQUESTED) {
            throw new ConflictException("expertise.state.not-open", "request is not waiting for the expert");
        }
        return r;
    }

    /**
     * The expert's answer: stored, the request closes, the timer stops, the acts are recorded (TE2 for the expert, RQD
     * for the requester), the requester is e-mailed, and the answer appears in the patient's tele-expertise record.
     */
    @Transactional
    public Answer answer(Actor actor, UUID id, Answer.Draft a) {
        guard.requireExpert(actor);
        ExpertiseRequest r = lockedForExpert(actor, id);
        Validation v = new Validation()
                .require(a.form() != null, "form", "validation.required")
                .optionalText(a.findings(), "findings", 4000)
                .optionalText(a.recommendation(), "recommendation", 4000)
                .optionalText(a.freeText(), "freeText", 8000)
                .require(a.followUpMonths() == null || a.followUpMonths() >= 0 && a.followUpMonths() <= 60,
                        "followUpMonths", "expertise.answer.follow-up.invalid");
        if (a.form() == Answer.Form.ECG) {
            v.require(a.conclusion() != null, "conclusion", "validation.required");
        } else if (a.form() == Answer.Form.RETINOGRAPHY) {
            v.require(a.gradeLeft() != null, "gradeLeft", "validation.required")
                    .require(a.gradeRight() != null, "gradeRight", "validation.required");
        } else if (a.form() == Answer.Form.FREE_TEXT) {
            v.text(a.freeText(), "freeText", 8000);
        }
        v.throwIfInvalid();
        Instant now = clock.instant();
        Answer answer = new Answer(id, actor.professionalId(), actor.username(), now, a.form(), a.conclusion(),
                blank(a.findings()), blank(a.recommendation()), Boolean.TRUE.equals(a.consultationNeeded()),
                a.gradeLeft(), a.gradeRight(), a.maculopathyLeft(), a.maculopathyRight(), a.followUpMonths(),
                Boolean.TRUE.equals(a.appointmentProposed()), blank(a.freeText()));
        if (answer.form() == Answer.Form.RETINOGRAPHY && answer.abnormal() && !answer.appointmentProposed()) {
            // An abnormal reading proposes an appointment (product.md workflow 5).
            answer = new Answer(id, answer.expertId(), answer.answeredBy(), now, answer.form(), null, answer.findings(),
                    answer.recommendation(), true, answer.gradeLeft(), answer.gradeRight(), answer.maculopathyLeft(),
                    answer.maculopathyRight(), answer.followUpMonths(), true, answer.freeText());
        }
        store.jdbc().sql("""
                insert into expertise_answer(request_id, expert_id, answered_by, answered_at, form, conclusion, findings,
                    recommendation, consultation_needed, grade_left, grade_right, maculopathy_left, maculopathy_right,
                    follow_up_months, appointment_proposed, free_text)
                values (:r, :expert, :by, :now, :form, :conclusion, :findings, :recommendation, :consult, :gl, :gr,
                    :ml, :mr, :follow, :appointment, :free)""")
                .param("r", id).param("expert", answer.expertId()).param("by", actor.username())
                .param("now", ExpertiseStore.ts(now)).param("form", answer.form().name())
                .param("conclusion", answer.conclusion() == null ? null : answer.conclusion().name())
                .param("findings", answer.findings()).param("recommendation", answer.recommendation())
                .param("consult", answer.consultationNeeded())
                .param("gl", answer.gradeLeft() == null ? null : answer.gradeLeft().name())
                .param("gr", answer.gradeRight() == null ? null : answer.gradeRight().name())
                .param("ml", answer.maculopathyLeft()).param("mr", answer.maculopathyRight())
                .param("follow", answer.followUpMonths()).param("appointment", answer.appointmentProposed())
                .param("free", answer.freeText()).update();
        store.jdbc().sql("""
                update expertise_request set state = 'ANSWERED', answered_at = :now, expert_id = :expert where id = :id""")
                .param("now", ExpertiseStore.ts(now)).param("expert", actor.professionalId()).param("id", id).update();
        act(id, r.requesterId(), "RQD", properties.rqdCents(), now);
        act(id, actor.professionalId(), "TE2", properties.te2Cents(), now);
        store.event(id, now, actor.username(), ExpertiseEvent.Kind.ANSWERED, null);
        audit.wrote(AuditLog.Action.CREATE, "ExpertiseAnswer", id.toString(), r.patientId());
        timer.disarm(id);
        ExpertiseRequest answered = store.find(id).orElseThrow();
        notifier.answered(answered);
        store.event(id, now, Actor.SCHEDULER.username(), ExpertiseEvent.Kind.REQUESTER_NOTIFIED, null);
        return answer;
    }

    private void act(UUID requestId, UUID professionalId, String code, int cents, Instant now) {
        store.jdbc().sql("""
                insert into expertise_act(request_id, professional_id, code, amount_cents, recorded_at)
                values (:r, :p, :code, :cents, :now)""")
                .param("r", requestId).param("p", professionalId).param("code", code).param("cents", cents)
                .param("now", ExpertiseStore.ts(now)).update();
    }

    /** An act recorded for billing. */
    public record Act(String code, UUID professionalId, int amountCents) {}

    @Transactional(readOnly = true)
    public List<Act> acts(Actor actor, UUID id) {
        readable(actor, id);
        return store.jdbc().sql("select * from expertise_act where request_id = :r order by code")
                .param("r", id).query((rs, i) -> new Act(rs.getString("code"), rs.getObject("professional_id", UUID.class),
                        rs.getInt("amount_cents"))).list();
    }

    /**
     * The coordinator gives an open (typically escalated) request to another expert of the circle: a new deadline
     * starts from now, the expert is e-mailed, the step is traced.
     */
    @Transactional
    public ExpertiseRequest reassign(Actor actor, UUID id, UUID expertId) {
        if (!actor.coordinates()) {
            throw new NotInCircleException("expertise.refused.not-coordinator");
        }
        ExpertiseRequest r = store.lock(id).orElseThrow(() -> new NotFoundException("ExpertiseRequest", id));
        if (!r.state().open()) {
            throw new ConflictException("expertise.state.closed", "request is closed");
        }
        Professional expert = expertId == null ? null : professionals.find(expertId).orElse(null);
        if (expert == null) {
            throw ValidationException.of("expertId", "expertise.expert.unknown");
        }
        if (!guard.mayAnswer(expertId)) {
            throw ValidationException.of("expertId", "expertise.expert.not-member");
        }
        Instant now = clock.instant();
        Instant due = now.plus(properties.deadline(r.speciality(), r.urgency()));
        store.jdbc().sql("""
                update expertise_request set expert_id = :expert, state = 'REQUESTED', paused_at = null, due_at = :due,
                    deadline_version = deadline_version + 1, escalated_at = null where id = :id""")
                .param("expert", expertId).param("due", ExpertiseStore.ts(due)).param("id", id).update();
        store.event(id, now, actor.username(), ExpertiseEvent.Kind.REASSIGNED, expert.displayName());
        audit.wrote(AuditLog.Action.UPDATE, "ExpertiseRequest", id.toString(), r.patientId());
        ExpertiseRequest changed = store.find(id).orElseThrow();
        timer.arm(changed);
        notifier.reassigned(changed);
        return changed;
    }

    /** Experts of the circle who may take a request of this speciality (for the reassignment list). */
    public List<Professional> expertsFor(Speciality speciality) {
        return professionals.list().stream()
                .filter(p -> p.specialities().contains(speciality) && guard.mayAnswer(p.id())).toList();
    }

    /** Doctors of the circle a nurse may ask for (requesters), for the new-request form. */
    public List<Professional> circleDoctors() {
        return professionals.list().stream()
                .filter(p -> p.profession() == Professional.Profession.MEDECIN && guard.mayRequest(p.id())).toList();
    }

    /** Experts of the circle in the offered specialities, for naming one on a new request. */
    public List<Professional> circleExperts() {
        return professionals.list().stream()
                .filter(p -> p.specialities().stream().anyMatch(properties.specialities()::contains)
                        && guard.mayAnswer(p.id()))
                .toList();
    }

    /** Answered requests of a patient, for the patient's record (audited). */
    @Transactional
    public List<Detail> patientRecord(Actor actor, UUID patientId) {
        List<UUID> ids = store.jdbc().sql("""
                select id from expertise_request where patient_id = :p and state = 'ANSWERED' order by answered_at desc""")
                .param("p", patientId).query(UUID.class).list();
        List<Detail> details = new ArrayList<>();
        for (UUID id : ids) {
            try {
                details.add(detail(actor, id));
            } catch (NotInCircleException e) {
                // another professional's request: not shown
            }
        }
        return details;
    }

    /** The stored bytes of an attachment the actor may read (audited). */
    @Transactional
    public ExpertiseStore.Content content(Actor actor, UUID attachmentId) {
        Attachment a = attachment(actor, attachmentId);
        ExpertiseRequest r = store.find(a.requestId()).orElseThrow();
        audit.read("ExpertiseAttachment", attachmentId.toString(), r.patientId());
        return store.content(attachmentId);
    }

    /** Metadata of an attachment the actor may read. */
    public Attachment attachment(Actor actor, UUID attachmentId) {
        if (!actor.coordinates() && !guard.member(actor)) {
            throw new NotInCircleException("expertise.refused.not-member");
        }
        Attachment a = store.attachment(attachmentId)
                .orElseThrow(() -> new NotFoundException("ExpertiseAttachment", attachmentId));
        readable(actor, a.requestId());
        return a;
    }

    /** The ECG of an attachment, ready for the viewer (audited read). */
    @Transactional
    public EcgFiles.View ecg(Actor actor, UUID attachmentId) {
        Attachment a = attachment(actor, attachmentId);
        if (a.kind() != Attachment.Kind.ECG) {
            throw new NotFoundException("ExpertiseEcg", attachmentId);
        }
        ExpertiseStore.Content c = content(actor, attachmentId);
        try {
            return EcgFiles.view(EcgFiles.read(a.ecgFormat(), c.content(), c.companion(), ZoneId.of("Europe/Paris")));
        } catch (EcgFormatException e) {
            throw new ConflictException("expertise.file.ecg-unreadable", "stored ECG unreadable");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
