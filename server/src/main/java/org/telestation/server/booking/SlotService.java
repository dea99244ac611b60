package org.telestation.server.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes slots from the weekly rules and the exceptions, on demand, for a window of days. Generation is idempotent
 * (one slot per owner and start, {@code on conflict do nothing}) and reconciles: a slot that no longer matches the rules
 * is deleted when nothing refers to it, or blocked (FHIR busy-unavailable) when an appointment does. A booked slot is
 * never touched: the coordinator sees it in the agenda and decides.
 */
@Service
public class SlotService {

    /** A slot is held by an appointment in any of these statuses (same list as the unique index). */
    static final String HOLDING = "a.status not in ('cancelled','entered-in-error')";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BookingProperties properties;

    SlotService(JdbcClient jdbc, Clock clock, BookingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Today in the territory's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Generates (and reconciles) the owner's slots from today over the booking horizon. */
    @Transactional
    public void regenerateHorizon(SlotOwner owner) {
        LocalDate today = today();
        regenerate(owner, today, today.plusDays(properties.horizonDays()));
    }

    /** Generates (and reconciles) the owner's slots for the days {@code from}…{@code to} inclusive. */
    @Transactional
    public void regenerate(SlotOwner owner, LocalDate from, LocalDate to) {
        // One generator per owner at a time; bookings are not blocked by this lock.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", "booking-slots-" + owner.id())
                .query((rs, i) -> 1).list();
        List<OpeningRule> rules = jdbc.sql("select * from booking_rule where " + owner.column() + " = :owner")
                .param("owner", owner.id()).query(ScheduleService::mapRule).list();
        List<ScheduleException> exceptions = jdbc.sql("select * from booking_exception where " + owner.column()
                        + " = :owner and day between :from and :to")
                .param("owner", owner.id()).param("from", from).param("to", to)
                .query(ScheduleService::mapException).list();
        Map<Instant, Instant> wanted = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (Period p : SlotPlan.periods(day, rules, exceptions, properties.defaultSlotMinutes())) {
                wanted.put(at(day, p.start()), at(day, p.end()));
            }
        }
        Timestamp windowStart = Timestamp.from(at(from, LocalTime.MIDNIGHT));
        Timestamp windowEnd = Timestamp.from(at(to.plusDays(1), LocalTime.MIDNIGHT));
        List<ExistingSlot> existing = jdbc.sql("""
                        select s.id, s.start_at, s.end_at, s.blocked,
                               exists (select 1 from appointment a where a.slot_id = s.id) as referenced
                        from booking_slot s
                        where s.%s = :owner and s.start_at >= :from and s.start_at < :to""".formatted(owner.column()))
                .param("owner", owner.id()).param("from", windowStart).param("to", windowEnd)
                .query((rs, i) -> new ExistingSlot(rs.getObject("id", UUID.class),
                        rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                        rs.getBoolean("blocked"), rs.getBoolean("referenced"))).list();
        Timestamp now = Timestamp.from(clock.instant());
        for (ExistingSlot slot : existing) {
            Instant wantedEnd = wanted.remove(slot.start());
            if (wantedEnd == null) {
                if (!slot.referenced()) {
                    jdbc.sql("delete from booking_slot where id = :id").param("id", slot.id()).update();
                } else if (!slot.blocked()) {
                    jdbc.sql("update booking_slot set blocked = true where id = :id").param("id", slot.id()).update();
                }
            } else if (slot.blocked() || (!slot.referenced() && !wantedEnd.equals(slot.end()))) {
                jdbc.sql("update booking_slot set blocked = false, end_at = case when :free then :end else end_at end "
                                + "where id = :id")
                        .param("free", !slot.referenced()).param("end", Timestamp.from(wantedEnd))
                        .param("id", slot.id()).update();
            }
        }
        wanted.forEach((start, end) -> jdbc.sql("""
                        insert into booking_slot(id, site_id, station_id, start_at, end_at, service_type, blocked, created_at)
                        values (:id, :site, :station, :start, :end, 'VR', false, :now)
                        on conflict do nothing""")
                .param("id", UUID.randomUUID()).param("site", owner.siteId()).param("station", owner.stationId())
                .param("start", Timestamp.from(start)).param("end", Timestamp.from(end)).param("now", now)
                .update());
    }

    /**
     * Free slots of an owner that a patient may still book: from now plus the minimum notice up to the horizon.
     * Generates the horizon first, so a new rule shows without a batch job.
     */
    @Transactional
    public List<Slot> freeSlots(SlotOwner owner) {
        regenerateHorizon(owner);
        Instant earliest = clock.instant().plus(properties.minimumNotice());
        Instant latest = at(today().plusDays(properties.horizonDays() + 1L), LocalTime.MIDNIGHT);
        return jdbc.sql("""
                        select s.*, true as free from booking_slot s
                        where s.%s = :owner and not s.blocked and s.start_at >= :from and s.start_at < :to
                          and not exists (select 1 from appointment a where a.slot_id = s.id and %s)
                        order by s.start_at""".formatted(owner.column(), HOLDING))
                .param("owner", owner.id()).param("from", Timestamp.from(earliest)).param("to", Timestamp.from(latest))
                .query(SlotService::map).list();
    }

    /** All slots of an owner on the days {@code from}…{@code to} (agenda), generated first. */
    @Transactional
    public List<Slot> slots(SlotOwner owner, LocalDate from, LocalDate to) {
        regenerate(owner, from, to);
        return jdbc.sql("""
                        select s.*, (not s.blocked and not exists
                                     (select 1 from appointment a where a.slot_id = s.id and %s)) as free
                        from booking_slot s
                        where s.%s = :owner and s.start_at >= :from and s.start_at < :to
                        order by s.start_at""".formatted(HOLDING, owner.column()))
                .param("owner", owner.id())
                .param("from", Timestamp.from(at(from, LocalTime.MIDNIGHT)))
                .param("to", Timestamp.from(at(to.plusDays(1), LocalTime.MIDNIGHT)))
                .query(SlotService::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Slot> find(UUID slotId) {
        return jdbc.sql("""
                        select s.*, (not s.blocked and not exists
                                     (select 1 from appointment a where a.slot_id = s.id and %s)) as free
                        from booking_slot s where s.id = :id""".formatted(HOLDING))
                .param("id", slotId).query(SlotService::map).optional();
    }

    Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, properties.zone()).toInstant();
    }

    static Slot map(ResultSet rs, int row) throws SQLException {
        return new Slot(rs.getObject("id", UUID.class), ScheduleService.owner(rs),
                rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant(),
                rs.getString("service_type"), rs.getBoolean("blocked"), rs.getBoolean("free"));
    }

    private record ExistingSlot(UUID id, Instant start, Instant end, boolean blocked, boolean referenced) {}

    /** A slot's local start and end on its day. */
    record Period(LocalTime start, LocalTime end) {}

    /** The pure part of generation: which periods a day offers, given the rules and the exceptions. */
    static final class SlotPlan {
        private SlotPlan() {}

        static List<Period> periods(LocalDate day, List<OpeningRule> rules, List<ScheduleException> exceptions,
                                    int defaultMinutes) {
            List<Period> candidates = new ArrayList<>();
            for (OpeningRule rule : rules) {
                if (rule.dayOfWeek() == day.getDayOfWeek()) {
                    cut(rule.start(), rule.end(), rule.slotMinutes(), candidates);
                }
            }
            List<ScheduleException> today = exceptions.stream().filter(e -> e.day().equals(day)).toList();
            for (ScheduleException e : today) {
                if (e.kind() == BookingModel.ExceptionKind.OPENING) {
                    cut(e.start(), e.end(), e.slotMinutes() == null ? defaultMinutes : e.slotMinutes(), candidates);
                }
            }
            List<Period> result = new ArrayList<>();
            for (Period p : candidates) {
                boolean closed = today.stream().anyMatch(e -> e.kind() == BookingModel.ExceptionKind.CLOSURE
                        && (e.wholeDay() || (p.start().isBefore(e.end()) && e.start().isBefore(p.end()))));
                boolean overlapsKept = result.stream()
                        .anyMatch(k -> p.start().isBefore(k.end()) && k.start().isBefore(p.end()));
                if (!closed && !overlapsKept) {
                    result.add(p);
                }
            }
            result.sort(java.util.Comparator.comparing(Period::start));
            return result;
        }

        private static void cut(LocalTime start, LocalTime end, int minutes, List<Period> into) {
            LocalTime t = start;
            // Stop before a slot would run past the end (or wrap past midnight).
            while (!t.plusMinutes(minutes).isAfter(end) && t.plusMinutes(minutes).isAfter(t)) {
                into.add(new Period(t, t.plusMinutes(minutes)));
                t = t.plusMinutes(minutes);
            }
        }
    }
}
