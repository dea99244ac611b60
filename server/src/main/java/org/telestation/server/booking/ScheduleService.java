package org.telestation.server.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening rules and exceptions of each agenda, and the places that have one. Editing a rule or an exception
 * re-generates the owner's slots over the booking horizon, so the change shows at once.
 */
@Service
public class ScheduleService {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SlotService slots;
    private final BookingProperties properties;

    ScheduleService(JdbcClient jdbc, Clock clock, SlotService slots, BookingProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.slots = slots;
        this.properties = properties;
    }

    /** Active sites, then active briefcases (home visits), by name. */
    @Transactional(readOnly = true)
    public List<Place> places() {
        List<Place> sites = jdbc.sql("select id, name, kind, city from site where active order by name")
                .query((rs, i) -> new Place(SlotOwner.site(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("kind"), rs.getString("city"))).list();
        List<Place> briefcases = jdbc.sql("""
                        select st.id, st.name, st.kind, s.city from station st left join site s on s.id = st.site_id
                        where st.active and st.kind = 'BRIEFCASE' order by st.name""")
                .query((rs, i) -> new Place(SlotOwner.station(rs.getObject("id", UUID.class)), rs.getString("name"),
                        rs.getString("kind"), rs.getString("city"))).list();
        return java.util.stream.Stream.concat(sites.stream(), briefcases.stream()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Place> place(UUID id) {
        return places().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Transactional(readOnly = true)
    public List<OpeningRule> rules(SlotOwner owner) {
        return jdbc.sql("select * from booking_rule where " + owner.column() + " = :owner order by day_of_week, start_time")
                .param("owner", owner.id()).query(ScheduleService::mapRule).list();
    }

    @Transactional
    public OpeningRule addRule(SlotOwner owner, DayOfWeek day, LocalTime start, LocalTime end, Integer slotMinutes) {
        if (start == null || end == null || !start.isBefore(end)) {
            throw new BookingException.Invalid("booking.error.schedule.times");
        }
        int minutes = slotMinutes == null ? properties.defaultSlotMinutes() : slotMinutes;
        if (minutes < 5 || minutes > 240) {
            throw new BookingException.Invalid("booking.error.schedule.slotMinutes");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into booking_rule(id, site_id, station_id, day_of_week, start_time, end_time, slot_minutes,
                                         service_type, created_at)
                values (:id, :site, :station, :dow, :start, :end, :minutes, 'VR', :now)""")
                .param("id", id).param("site", owner.siteId()).param("station", owner.stationId())
                .param("dow", day.getValue()).param("start", start).param("end", end).param("minutes", minutes)
                .param("now", Timestamp.from(clock.instant())).update();
        slots.regenerateHorizon(owner);
        return new OpeningRule(id, owner, day, start, end, minutes, "VR");
    }

    @Transactional
    public void deleteRule(UUID ruleId) {
        OpeningRule rule = jdbc.sql("select * from booking_rule where id = :id").param("id", ruleId)
                .query(ScheduleService::mapRule).optional()
                .orElseThrow(() -> new BookingException.NotFound("booking.error.schedule.unknown"));
        jdbc.sql("delete from booking_rule where id = :id").param("id", ruleId).update();
        slots.regenerateHorizon(rule.owner());
    }

    @Transactional(readOnly = true)
    public List<ScheduleException> exceptions(SlotOwner owner, LocalDate from) {
        return jdbc.sql("select * from booking_exception where " + owner.column() + " = :owner and day >= :from "
                        + "order by day, start_time nulls first")
                .param("owner", owner.id()).param("from", from).query(ScheduleService::mapException).list();
    }

    @Transactional
    public ScheduleException addException(SlotOwner owner, LocalDate day, BookingModel.ExceptionKind kind,
                                          LocalTime start, LocalTime end, Integer slotMinutes, String label) {
        if (day == null || kind == null) {
            throw new BookingException.Invalid("booking.error.exception.day");
        }
        if ((start == null) != (end == null) || (start != null && !start.isBefore(end))
                || (kind == BookingModel.ExceptionKind.OPENING && start == null)) {
            throw new BookingException.Invalid("booking.error.schedule.times");
        }
        if (slotMinutes != null && (slotMinutes < 5 || slotMinutes > 240)) {
            throw new BookingException.Invalid("booking.error.schedule.slotMinutes");
        }
        if (label != null && label.length() > 200) {
            throw new BookingException.Invalid("booking.error.exception.label");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into booking_exception(id, site_id, station_id, day, kind, start_time, end_time, slot_minutes,
                                              label, created_at)
                values (:id, :site, :station, :day, :kind, :start, :end, :minutes, :label, :now)""")
                .param("id", id).param("site", owner.siteId()).param("station", owner.stationId())
                .param("day", day).param("kind", kind.name()).param("start", start).param("end", end)
                .param("minutes", slotMinutes).param("label", label)
                .param("now", Timestamp.from(clock.instant())).update();
        slots.regenerate(owner, day, day);
        return new ScheduleException(id, owner, day, kind, start, end, slotMinutes, label);
    }

    @Transactional
    public void deleteException(UUID exceptionId) {
        ScheduleException exception = jdbc.sql("select * from booking_exception where id = :id")
                .param("id", exceptionId).query(ScheduleService::mapException).optional()
                .orElseThrow(() -> new BookingException.NotFound("booking.error.schedule.unknown"));
        jdbc.sql("delete from booking_exception where id = :id").param("id", exceptionId).update();
        slots.regenerate(exception.owner(), exception.day(), exception.day());
    }

    static SlotOwner owner(ResultSet rs) throws SQLException {
        return new SlotOwner(rs.getObject("site_id", UUID.class), rs.getObject("station_id", UUID.class));
    }

    static OpeningRule mapRule(ResultSet rs, int row) throws SQLException {
        return new OpeningRule(rs.getObject("id", UUID.class), owner(rs), DayOfWeek.of(rs.getInt("day_of_week")),
                rs.getObject("start_time", LocalTime.class), rs.getObject("end_time", LocalTime.class),
                rs.getInt("slot_minutes"), rs.getString("service_type"));
    }

    static ScheduleException mapException(ResultSet rs, int row) throws SQLException {
        return new ScheduleException(rs.getObject("id", UUID.class), owner(rs), rs.getObject("day", LocalDate.class),
                BookingModel.ExceptionKind.valueOf(rs.getString("kind")), rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class), (Integer) rs.getObject("slot_minutes"),
                rs.getString("label"));
    }
}
