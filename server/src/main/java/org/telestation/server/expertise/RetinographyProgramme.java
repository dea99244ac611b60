package org.telestation.server.expertise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.directory.SiteService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.Validation;
import org.telestation.server.platform.ValidationException;

/**
 * The diabetic retinography programme: the retinograph's rotating agenda, the GPs' registrations, and the capture that
 * turns the assistant's images into a reading request for the ophthalmologists of the circle. An abnormal reading
 * proposes an appointment ({@link ExpertiseService#answer}).
 */
@Service
public class RetinographyProgramme {

    private final ExpertiseStore store;
    private final ExpertiseService expertise;
    private final CircleGuard guard;
    private final SiteService sites;
    private final AuditLog audit;
    private final Clock clock;

    RetinographyProgramme(ExpertiseStore store, ExpertiseService expertise, CircleGuard guard, SiteService sites,
                          AuditLog audit, Clock clock) {
        this.store = store;
        this.expertise = expertise;
        this.guard = guard;
        this.sites = sites;
        this.audit = audit;
        this.clock = clock;
    }

    public record Rotation(UUID id, UUID retinographId, UUID siteId, LocalDate startsOn, LocalDate endsOn) {}

    public record Enrolment(UUID id, UUID rotationId, UUID patientId, UUID gpId, String state, UUID requestId) {}

    @Transactional
    public UUID addRetinograph(String name) {
        new Validation().text(name, "name", 200).throwIfInvalid();
        UUID id = UUID.randomUUID();
        store.jdbc().sql("insert into retinograph(id, name, created_at) values (:id, :name, :now)")
                .param("id", id).param("name", name.strip()).param("now", ExpertiseStore.ts(clock.instant())).update();
        return id;
    }

    /**
     * Plans consecutive stays: the retinograph spends {@code monthsEach} months at each site in turn, from
     * {@code start}. Stays may not overlap an existing one.
     */
    @Transactional
    public List<Rotation> planRotation(UUID retinographId, List<UUID> siteIds, LocalDate start, int monthsEach) {
        new Validation().require(siteIds != null && !siteIds.isEmpty() && siteIds.size() <= 24, "siteIds",
                        "validation.required")
                .require(start != null, "start", "validation.required")
                .require(monthsEach >= 1 && monthsEach <= 24, "monthsEach", "expertise.rotation.months")
                .throwIfInvalid();
        store.jdbc().sql("select id from retinograph where id = :id").param("id", retinographId).query(UUID.class)
                .optional().orElseThrow(() -> new NotFoundException("Retinograph", retinographId));
        LocalDate end = start.plusMonths((long) monthsEach * siteIds.size()).minusDays(1);
        long overlapping = store.jdbc().sql("""
                select count(*) from retinograph_rotation where retinograph_id = :r
                and starts_on <= :end and ends_on >= :start""")
                .param("r", retinographId).param("start", start).param("end", end).query(Long.class).single();
        if (overlapping > 0) {
            throw new ConflictException("expertise.rotation.overlap", "overlapping stay");
        }
        List<Rotation> planned = new ArrayList<>();
        LocalDate from = start;
        for (UUID site : siteIds) {
            sites.get(site);
            LocalDate to = from.plusMonths(monthsEach).minusDays(1);
            Rotation r = new Rotation(UUID.randomUUID(), retinographId, site, from, to);
            store.jdbc().sql("""
                    insert into retinograph_rotation(id, retinograph_id, site_id, starts_on, ends_on)
                    values (:id, :r, :site, :from, :to)""")
                    .param("id", r.id()).param("r", retinographId).param("site", site).param("from", from)
                    .param("to", to).update();
            planned.add(r);
            from = to.plusDays(1);
        }
        return planned;
    }

    /** Where the retinograph is on a day. */
    public Optional<Rotation> stayOn(UUID retinographId, LocalDate day) {
        return store.jdbc().sql("""
                select * from retinograph_rotation where retinograph_id = :r and starts_on <= :d and ends_on >= :d""")
                .param("r", retinographId).param("d", day)
                .query((rs, i) -> new Rotation(rs.getObject("id", UUID.class), rs.getObject("retinograph_id", UUID.class),
                        rs.getObject("site_id", UUID.class), rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .optional();
    }

    /** A GP of the circle registers a diabetic patient for the retinograph's stay (audited). */
    @Transactional
    public Enrolment register(Actor gp, UUID rotationId, UUID patientId) {
        guard.requireRequester(gp);
        UUID id = UUID.randomUUID();
        try {
            store.jdbc().sql("""
                    insert into retinography_enrolment(id, rotation_id, patient_id, gp_id, registered_by, registered_at,
                        state)
                    values (:id, :rotation, :patient, :gp, :by, :now, 'REGISTERED')""")
                    .param("id", id).param("rotation", rotationId).param("patient", patientId)
                    .param("gp", gp.professionalId()).param("by", gp.username())
                    .param("now", ExpertiseStore.ts(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("expertise.enrolment.duplicate", "already registered");
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw ValidationException.of("rotationId", "expertise.enrolment.unknown");
        }
        audit.wrote(AuditLog.Action.CREATE, "RetinographyEnrolment", id.toString(), patientId);
        return enrolment(id);
    }

    /**
     * The assistant took the images (at least one per eye): the reading request is created for the ophthalmologists
     * of the circle, in the registering GP's name, with the consent the GP collected at registration.
     */
    @Transactional
    public ExpertiseRequest capture(Actor assistant, UUID enrolmentId, List<ExpertiseService.Upload> images,
                                    List<Attachment.Eye> eyes) {
        Enrolment e = store.jdbc().sql("select * from retinography_enrolment where id = :id for update")
                .param("id", enrolmentId).query(RetinographyProgramme::enrolment).optional()
                .orElseThrow(() -> new NotFoundException("RetinographyEnrolment", enrolmentId));
        if (!"REGISTERED".equals(e.state())) {
            throw new ConflictException("expertise.enrolment.imaged", "images already taken");
        }
        if (eyes == null || !eyes.contains(Attachment.Eye.LEFT) || !eyes.contains(Attachment.Eye.RIGHT)
                || images == null || images.size() != eyes.size()) {
            throw ValidationException.of("eyes", "expertise.retinography.both-eyes");
        }
        ExpertiseRequest r = expertise.create(assistant, new ExpertiseService.Draft(e.patientId(),
                ExpertiseRequest.Kind.RETINOGRAPHY, Speciality.OPHTALMOLOGIE, e.gpId(), null,
                "Dépistage de la rétinopathie diabétique : lecture différée des rétinographies.",
                ExpertiseRequest.Urgency.ROUTINE, true, images, eyes));
        store.jdbc().sql("update retinography_enrolment set state = 'IMAGED', request_id = :r where id = :id")
                .param("r", r.id()).param("id", enrolmentId).update();
        store.jdbc().sql("update expertise_request set retinography_enrolment = :e where id = :r")
                .param("e", enrolmentId).param("r", r.id()).update();
        return r;
    }

    public Enrolment enrolment(UUID id) {
        return store.jdbc().sql("select * from retinography_enrolment where id = :id").param("id", id)
                .query(RetinographyProgramme::enrolment).optional()
                .orElseThrow(() -> new NotFoundException("RetinographyEnrolment", id));
    }

    /** Programme indicators (product.md §2.7): patients screened (images read) and referred (appointment proposed). */
    public record Indicators(long registered, long imaged, long read, long referred) {}

    public Indicators indicators(LocalDate from, LocalDate to) {
        return store.jdbc().sql("""
                select count(*) as registered,
                       count(*) filter (where e.state = 'IMAGED') as imaged,
                       count(a.request_id) as read,
                       count(*) filter (where a.appointment_proposed) as referred
                from retinography_enrolment e
                join retinograph_rotation r on r.id = e.rotation_id
                left join expertise_answer a on a.request_id = e.request_id
                where r.starts_on <= :to and r.ends_on >= :from""")
                .param("from", from).param("to", to)
                .query((rs, i) -> new Indicators(rs.getLong("registered"), rs.getLong("imaged"), rs.getLong("read"),
                        rs.getLong("referred")))
                .single();
    }

    private static Enrolment enrolment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Enrolment(rs.getObject("id", UUID.class), rs.getObject("rotation_id", UUID.class),
                rs.getObject("patient_id", UUID.class), rs.getObject("gp_id", UUID.class), rs.getString("state"),
                rs.getObject("request_id", UUID.class));
    }
}
