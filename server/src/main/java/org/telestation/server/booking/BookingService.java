package org.telestation.server.booking;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.patients.Ins;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;

/**
 * Appointments: booking a slot (online or by phone), the same-day pool, home visits, cancelling. Each operation is one
 * transaction: the patient, the appointment, the SMS and the persisted timers are written together or not at all. A
 * slot is never booked twice: the unique index {@code appointment_one_active_per_slot} refuses the second booking
 * whatever the timing, and the refusal becomes a {@link BookingException.Conflict}.
 */
@Service
public class BookingService {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} '\\-]*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()\\-]{6,29}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int MAX_EXCLUSIONS = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BookingProperties properties;
    private final SlotService slots;
    private final EligibilityPolicy eligibility;
    private final PatientService patients;
    private final AuditLog audit;
    private final SchedulerClient scheduler;
    private final OneTimeTask<String> confirmationTask;
    private final OneTimeTask<Void> reminderTask;
    private final SecureRandom random = new SecureRandom();

    BookingService(JdbcClient jdbc, Clock clock, BookingProperties properties, SlotService slots,
                   EligibilityPolicy eligibility, PatientService patients, AuditLog audit, SchedulerClient scheduler,
                   OneTimeTask<String> bookingConfirmationTask, OneTimeTask<Void> bookingReminderTask) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.slots = slots;
        this.eligibility = eligibility;
        this.patients = patients;
        this.audit = audit;
        this.scheduler = scheduler;
        this.confirmationTask = bookingConfirmationTask;
        this.reminderTask = bookingReminderTask;
    }

    /** What the patient gets back: the code is shown once and never stored in clear. */
    public record Confirmation(UUID appointmentId, String code, Instant start, UUID placeId) {}

    /** Books a slot for the patient described in the request. */
    @Transactional
    public Confirmation book(BookingRequest request, BookingModel.Channel channel) {
        if (channel == BookingModel.Channel.SAME_DAY) {
            throw new IllegalArgumentException("use addToSameDayPool");
        }
        List<BookingException.Reason> invalid = check(request, true);
        if (!invalid.isEmpty()) {
            throw new BookingException.Invalid(invalid);
        }
        Slot slot = slots.find(request.slotId())
                .orElseThrow(() -> new BookingException.NotFound("booking.error.slot.unknown"));
        Instant now = clock.instant();
        if (slot.start().isBefore(now.plus(properties.minimumNotice()))) {
            throw new BookingException.Conflict("booking.error.slot.past");
        }
        if (channel == BookingModel.Channel.ONLINE
                && slot.start().isAfter(slots.at(slots.today().plusDays(properties.horizonDays() + 1L), LocalTime.MIDNIGHT))) {
            throw new BookingException.Conflict("booking.error.slot.beyondHorizon", properties.horizonDays());
        }
        if (!slot.free()) {
            throw new BookingException.Conflict(slot.blocked() ? "booking.error.slot.closed" : "booking.error.slot.taken");
        }
        boolean homeVisit = slot.owner().isStation();
        List<BookingException.Reason> refusals = eligibility.refusals(request, slots.today(), homeVisit);
        if (!refusals.isEmpty()) {
            throw new BookingException.NotEligible(refusals);
        }
        Patient patient = patients.findOrCreateForBooking(draft(request))
                .orElseThrow(() -> new BookingException.Invalid("booking.error.ins.mismatch"));
        UUID id = UUID.randomUUID();
        String code = newCode();
        try {
            jdbc.sql("""
                    insert into appointment(id, slot_id, site_id, station_id, patient_id, start_at, end_at, channel,
                        service_type, status, reason, home_visit, home_visit_basis, home_address_line, home_postal_code,
                        home_city, cancellation_code_hash, created_by, created_at, updated_at)
                    values (:id, :slot, :site, :station, :patient, :start, :end, :channel, :service, 'booked', :reason,
                        :home, :basis, :addr, :pc, :city, :hash, :by, :now, :now)""")
                    .param("id", id).param("slot", slot.id()).param("site", slot.owner().siteId())
                    .param("station", slot.owner().stationId()).param("patient", patient.id())
                    .param("start", Timestamp.from(slot.start())).param("end", Timestamp.from(slot.end()))
                    .param("channel", channel.name()).param("service", slot.serviceType())
                    .param("reason", request.reason().trim()).param("home", homeVisit)
                    .param("basis", homeVisit ? eligibility.homeVisitBasis(request, slots.today()).orElseThrow().name() : null)
                    .param("addr", homeVisit ? request.homeAddressLine().trim() : null)
                    .param("pc", homeVisit ? trimOrNull(request.homePostalCode()) : null)
                    .param("city", homeVisit ? trimOrNull(request.homeCity()) : null)
                    .param("hash", hash(code)).param("by", actor()).param("now", Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // Another booking of this slot committed first (or the one-in-2^50 code collision): nothing is kept.
            throw new BookingException.Conflict("booking.error.slot.taken");
        } catch (DataIntegrityViolationException e) {
            // The slot disappeared under us (schedule edited while booking).
            throw new BookingException.Conflict("booking.error.slot.closed");
        }
        audit.record(AuditLog.Action.CREATE, "Appointment", id.toString(), patient.id(), AuditLog.Outcome.SUCCESS,
                "channel=" + channel.name());
        scheduleNotifications(id, code, slot.start(), now, patient);
        return new Confirmation(id, code, slot.start(), slot.owner().id());
    }

    private void scheduleNotifications(UUID id, String code, Instant start, Instant now, Patient patient) {
        if (patient.email() != null || patient.phone() != null) {
            scheduler.schedule(confirmationTask.instance(id.toString(), code), now);
        }
        Instant reminderAt = start.minus(properties.reminderBefore());
        if (reminderAt.isAfter(now)) {
            scheduler.schedule(reminderTask.instance(id.toString()), reminderAt);
        }
    }

    /**
     * Adds a patient to a site's same-day pool ("urgence du jour", unscheduled care) for today. The pool has a
     * capacity per site and day; a per-site lock makes the count exact under concurrent additions.
     */
    @Transactional
    public UUID addToSameDayPool(UUID siteId, BookingRequest request) {
        List<BookingException.Reason> invalid = check(request, false);
        if (!invalid.isEmpty()) {
            throw new BookingException.Invalid(invalid);
        }
        boolean siteExists = jdbc.sql("select count(*) from site where id = :id and active").param("id", siteId)
                .query(Integer.class).single() > 0;
        if (!siteExists) {
            throw new BookingException.NotFound("booking.error.place.unknown");
        }
        List<BookingException.Reason> refusals = eligibility.refusals(request, slots.today(), false);
        if (!refusals.isEmpty()) {
            throw new BookingException.NotEligible(refusals);
        }
        LocalDate today = slots.today();
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "booking-pool-" + siteId + today)
                .query((rs, i) -> 1).list();
        int inPool = jdbc.sql("""
                        select count(*) from appointment a
                        where a.site_id = :site and a.pool_day = :day and a.channel = 'SAME_DAY' and %s"""
                        .formatted(SlotService.HOLDING))
                .param("site", siteId).param("day", today).query(Integer.class).single();
        if (inPool >= properties.sameDayPoolCapacity()) {
            throw new BookingException.Conflict("booking.error.pool.full", properties.sameDayPoolCapacity());
        }
        Patient patient = patients.findOrCreateForBooking(draft(request))
                .orElseThrow(() -> new BookingException.Invalid("booking.error.ins.mismatch"));
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into appointment(id, site_id, patient_id, start_at, pool_day, channel, service_type, status,
                    reason, created_by, created_at, updated_at)
                values (:id, :site, :patient, :now, :day, 'SAME_DAY', 'VR', 'waitlist', :reason, :by, :now, :now)""")
                .param("id", id).param("site", siteId).param("patient", patient.id()).param("now", now)
                .param("day", today).param("reason", request.reason().trim()).param("by", actor()).update();
        audit.record(AuditLog.Action.CREATE, "Appointment", id.toString(), patient.id(), AuditLog.Outcome.SUCCESS,
                "channel=SAME_DAY");
        return id;
    }

    /** What the patient sees after cancelling with the code. */
    public record Cancelled(Instant start, UUID placeId) {}

    /** Cancels the appointment that this code was given for; the slot is free again at once. */
    @Transactional
    public Cancelled cancelByCode(String code) {
        String normalized = normalizeCode(code);
        if (normalized.length() != 10) {
            throw new BookingException.Invalid("booking.error.code.format");
        }
        UUID id = jdbc.sql("select id from appointment where cancellation_code_hash = :hash")
                .param("hash", hash(normalized)).query(UUID.class).optional()
                .orElseThrow(() -> new BookingException.NotFound("booking.error.code.unknown"));
        return cancel(id);
    }

    /** Cancels an appointment (coordinator, or the patient through the code). */
    @Transactional
    public Cancelled cancel(UUID appointmentId) {
        record Row(UUID patientId, String status, Instant start, UUID placeId, String channel) {}
        Row row = jdbc.sql("select patient_id, status, start_at, coalesce(site_id, station_id) as place, channel "
                        + "from appointment where id = :id for update")
                .param("id", appointmentId)
                .query((rs, i) -> new Row(rs.getObject("patient_id", UUID.class), rs.getString("status"),
                        rs.getTimestamp("start_at").toInstant(), rs.getObject("place", UUID.class),
                        rs.getString("channel")))
                .optional().orElseThrow(() -> new BookingException.NotFound("booking.error.appointment.unknown"));
        BookingModel.AppointmentStatus status = BookingModel.AppointmentStatus.fromCode(row.status());
        if (status == BookingModel.AppointmentStatus.CANCELLED) {
            throw new BookingException.Conflict("booking.error.cancel.already");
        }
        boolean pool = "SAME_DAY".equals(row.channel());
        if (!pool && (!row.start().isAfter(clock.instant()) || (status != BookingModel.AppointmentStatus.BOOKED
                && status != BookingModel.AppointmentStatus.PENDING))) {
            throw new BookingException.Conflict("booking.error.cancel.past");
        }
        jdbc.sql("""
                update appointment set status = 'cancelled', cancelled_at = :now, cancelled_by = :by, updated_at = :now
                where id = :id""")
                .param("now", Timestamp.from(clock.instant())).param("by", actor()).param("id", appointmentId).update();
        for (String task : List.of(BookingTasks.REMINDER, BookingTasks.CONFIRMATION)) {
            TaskInstanceId instance = TaskInstanceId.of(task, appointmentId.toString());
            if (scheduler.getScheduledExecution(instance).isPresent()) {
                scheduler.cancel(instance);
            }
        }
        audit.record(AuditLog.Action.UPDATE, "Appointment", appointmentId.toString(), row.patientId(),
                AuditLog.Outcome.SUCCESS, "cancelled");
        return new Cancelled(row.start(), row.placeId());
    }

    /** Assigns the nurse who takes the briefcase to a home visit. */
    @Transactional
    public void assignNurse(UUID appointmentId, UUID nurseId) {
        boolean nurse = jdbc.sql("select count(*) from professional where id = :id and profession = 'INFIRMIER'")
                .param("id", nurseId).query(Integer.class).single() > 0;
        if (!nurse) {
            throw new BookingException.NotFound("booking.error.nurse.unknown");
        }
        UUID patientId = jdbc.sql("update appointment set nurse_professional_id = :nurse, updated_at = :now "
                        + "where id = :id and home_visit returning patient_id")
                .param("nurse", nurseId).param("now", Timestamp.from(clock.instant())).param("id", appointmentId)
                .query(UUID.class).optional()
                .orElseThrow(() -> new BookingException.NotFound("booking.error.appointment.unknown"));
        audit.record(AuditLog.Action.UPDATE, "Appointment", appointmentId.toString(), patientId,
                AuditLog.Outcome.SUCCESS, "nurse assigned");
    }

    /** A nurse who can be sent on a home visit. */
    public record Nurse(UUID id, String name) {}

    @Transactional(readOnly = true)
    public List<Nurse> nurses() {
        return jdbc.sql("select id, family_name, given_name from professional where profession = 'INFIRMIER' "
                        + "order by family_name, given_name")
                .query((rs, i) -> new Nurse(rs.getObject("id", UUID.class),
                        rs.getString("given_name") + " " + rs.getString("family_name"))).list();
    }

    /** Appointments (slots and same-day pool) of an owner on the days {@code from}…{@code to}; each read is audited. */
    @Transactional
    public List<AgendaEntry> agenda(SlotOwner owner, LocalDate from, LocalDate to) {
        List<AgendaEntry> entries = jdbc.sql(AGENDA_SELECT + " where a." + owner.column()
                        + " = :owner and a.start_at >= :from and a.start_at < :to order by a.start_at")
                .param("owner", owner.id())
                .param("from", Timestamp.from(slots.at(from, LocalTime.MIDNIGHT)))
                .param("to", Timestamp.from(slots.at(to.plusDays(1), LocalTime.MIDNIGHT)))
                .query(BookingService::mapEntry).list();
        entries.forEach(e -> audit.read("Appointment", e.id().toString(), e.patientId()));
        return entries;
    }

    /** A patient's appointments, newest first (patient file); audited. */
    @Transactional
    public List<AgendaEntry> ofPatient(UUID patientId) {
        List<AgendaEntry> entries = jdbc.sql(AGENDA_SELECT + " where a.patient_id = :patient order by a.start_at desc")
                .param("patient", patientId).query(BookingService::mapEntry).list();
        audit.read("Appointment", null, patientId);
        return entries;
    }

    private static final String AGENDA_SELECT = """
            select a.*, p.birth_family_name, p.birth_given_names, p.used_family_name, p.used_given_name,
                   s.name as site_name, st.name as station_name,
                   n.given_name || ' ' || n.family_name as nurse_name
            from appointment a join patient p on p.id = a.patient_id
            left join site s on s.id = a.site_id left join station st on st.id = a.station_id
            left join professional n on n.id = a.nurse_professional_id""";

    private static AgendaEntry mapEntry(ResultSet rs, int row) throws SQLException {
        String family = rs.getString("used_family_name") != null ? rs.getString("used_family_name")
                : rs.getString("birth_family_name");
        String given = rs.getString("used_given_name") != null ? rs.getString("used_given_name")
                : rs.getString("birth_given_names").trim().split("\\s+")[0];
        Timestamp end = rs.getTimestamp("end_at");
        String address = rs.getString("home_address_line") == null ? null
                : String.join(" ", rs.getString("home_address_line"),
                        nz(rs.getString("home_postal_code")), nz(rs.getString("home_city"))).trim();
        return new AgendaEntry(rs.getObject("id", UUID.class), rs.getObject("slot_id", UUID.class),
                rs.getObject("patient_id", UUID.class), family.toUpperCase(Locale.FRENCH) + " " + given,
                rs.getTimestamp("start_at").toInstant(), end == null ? null : end.toInstant(),
                rs.getObject("pool_day", LocalDate.class), BookingModel.Channel.valueOf(rs.getString("channel")),
                BookingModel.AppointmentStatus.fromCode(rs.getString("status")), rs.getString("reason"),
                rs.getBoolean("home_visit"), address, rs.getObject("nurse_professional_id", UUID.class),
                rs.getString("nurse_name"), rs.getObject("station_id", UUID.class), rs.getString("station_name"),
                rs.getObject("site_id", UUID.class), rs.getString("site_name"));
    }

    /** Field checks, each failure a message key; identical for the pages and the JSON API. */
    List<BookingException.Reason> check(BookingRequest r, boolean needsSlot) {
        List<BookingException.Reason> reasons = new ArrayList<>();
        if (needsSlot && r.slotId() == null) reasons.add(reason("booking.error.slot.missing"));
        name(r.birthFamilyName(), 100, "booking.field.birthFamilyName", reasons);
        name(r.birthGivenNames(), 200, "booking.field.birthGivenNames", reasons);
        LocalDate today = slots.today();
        if (r.birthDate() == null) {
            reasons.add(reason("booking.error.birthDate.missing"));
        } else if (r.birthDate().isAfter(today) || r.birthDate().isBefore(LocalDate.of(1900, 1, 1))) {
            reasons.add(reason("booking.error.birthDate.range"));
        }
        if (r.sex() == null || !List.of("F", "M", "U").contains(r.sex())) reasons.add(reason("booking.error.sex"));
        String ins = compact(r.ins());
        if (ins != null && (ins.length() > 15 || Ins.problem(ins).isPresent())) reasons.add(reason("booking.error.ins"));
        String phone = trimOrNull(r.phone());
        String email = trimOrNull(r.email());
        if (phone != null && (phone.length() > 30 || !PHONE.matcher(phone).matches())) {
            reasons.add(reason("booking.error.phone"));
        }
        if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
            reasons.add(reason("booking.error.email"));
        }
        if (phone == null && email == null) reasons.add(reason("booking.error.contact"));
        String text = trimOrNull(r.reason());
        if (text == null) {
            reasons.add(reason("booking.error.reason.missing"));
        } else if (text.length() > 500) {
            reasons.add(reason("booking.error.tooLong", "booking.field.reason", 500));
        }
        if (!"DECLARED".equals(r.mtStatus()) && !"NONE".equals(r.mtStatus())) {
            reasons.add(reason("booking.error.mt"));
        } else if ("DECLARED".equals(r.mtStatus()) && trimOrNull(r.mtName()) == null) {
            reasons.add(reason("booking.error.mt.name"));
        }
        if (r.mtName() != null && r.mtName().length() > 200) {
            reasons.add(reason("booking.error.tooLong", "booking.field.mtName", 200));
        }
        if (r.exclusions().size() > MAX_EXCLUSIONS
                || !eligibility.exclusionCriteria().containsAll(r.exclusions())) {
            reasons.add(reason("booking.error.exclusion.unknown"));
        }
        if (!r.consent()) reasons.add(reason("booking.error.consent"));
        tooLong(r.homeAddressLine(), 200, "booking.field.homeAddress", reasons);
        tooLong(r.homePostalCode(), 10, "booking.field.homePostalCode", reasons);
        tooLong(r.homeCity(), 100, "booking.field.homeCity", reasons);
        if (needsSlot && r.slotId() != null && trimOrNull(r.homeAddressLine()) == null) {
            slots.find(r.slotId()).filter(s -> s.owner().isStation())
                    .ifPresent(s -> reasons.add(reason("booking.error.homeAddress")));
        }
        return reasons;
    }

    private static void name(String value, int max, String field, List<BookingException.Reason> reasons) {
        String v = trimOrNull(value);
        if (v == null) {
            reasons.add(reason("booking.error.required", field));
        } else if (v.length() > max) {
            reasons.add(reason("booking.error.tooLong", field, max));
        } else if (!NAME.matcher(v).matches()) {
            reasons.add(reason("booking.error.name", field));
        }
    }

    private static void tooLong(String value, int max, String field, List<BookingException.Reason> reasons) {
        if (value != null && value.trim().length() > max) {
            reasons.add(reason("booking.error.tooLong", field, max));
        }
    }

    private static BookingException.Reason reason(String key, Object... args) {
        return new BookingException.Reason(key, args);
    }

    private Patient draft(BookingRequest r) {
        String ins = compact(r.ins());
        String oid = ins == null ? null : (ins.charAt(0) == '7' || ins.charAt(0) == '8') ? Ins.NIA_OID : Ins.NIR_OID;
        boolean declared = "DECLARED".equals(r.mtStatus());
        return new Patient(null, ins, oid, Patient.IdentityStatus.PROV, r.birthFamilyName().trim(),
                r.birthGivenNames().trim(), null, null, r.sex().charAt(0), r.birthDate(), null,
                trimOrNull(r.phone()), trimOrNull(r.email()), trimOrNull(r.homeAddressLine()),
                trimOrNull(r.homePostalCode()), trimOrNull(r.homeCity()),
                declared ? Patient.MtStatus.DECLARED : Patient.MtStatus.NONE, null,
                declared ? r.mtName().trim() : null, null, r.ald(), r.disability(),
                r.cannotTravel() ? "cannot travel (declared at booking)" : null);
    }

    private String newCode() {
        char[] code = new char[10];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    /** Codes are shown as XXXXX-XXXXX; spaces, hyphens and case do not matter when typed back. */
    static String normalizeCode(String code) {
        return code == null ? "" : code.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    }

    public static String formatCode(String code) {
        return code.substring(0, 5) + "-" + code.substring(5);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getPrincipal())
                ? "anonymous" : auth.getName();
    }

    private static String compact(String s) {
        String v = trimOrNull(s);
        return v == null ? null : v.replace(" ", "");
    }

    private static String trimOrNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
