package org.telestation.server.booking;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.SmtpMailbox;

/**
 * One Spring context for the booking tests: real HTTP on a random port, embedded PostgreSQL, a real SMTP server
 * (GreenMail on a free port) and a movable clock shared by the application and db-scheduler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "db-scheduler.polling-interval=1s",
        "logging.level.io.zonky=WARN"})
@Import(BookingTestBase.ClockConfig.class)
abstract class BookingTestBase {

    /** Monday 23 November 2026, 08:00 in Paris. */
    static final Instant MONDAY_8AM = Instant.parse("2026-11-23T07:00:00Z");

    static final MutableClock CLOCK = new MutableClock(MONDAY_8AM);
    static final GreenMail SMTP = SmtpMailbox.startOnFreePort();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        SmtpMailbox.pointSpringMailAt(registry, SMTP);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfig extends MutableClock.Given {
        ClockConfig() {
            super(CLOCK);
        }
    }

    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A site with its own name, open Monday to Friday 09:00–12:00 (six 30-minute slots a morning). */
    UUID siteOpenWeekdayMornings(ScheduleService schedules) {
        UUID site = UUID.randomUUID();
        jdbc.update("insert into site(id, name, kind, city, active, created_at) values (?, ?, 'TELECONSULTATION_ROOM', "
                + "'Saint-Dizier', true, ?)", site, "Salle " + site, Timestamp.from(CLOCK.instant()));
        for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            schedules.addRule(SlotOwner.site(site), day, LocalTime.of(9, 0), LocalTime.of(12, 0), null);
        }
        return site;
    }

    /** A briefcase station for home visits, open on Tuesday afternoons with one-hour slots. */
    UUID briefcaseOpenTuesdayAfternoon(ScheduleService schedules) {
        UUID station = UUID.randomUUID();
        jdbc.update("insert into station(id, code, name, kind, active, created_at) values (?, ?, ?, 'BRIEFCASE', true, ?)",
                station, "MAL-" + station.toString().substring(0, 8), "Mallette " + station,
                Timestamp.from(CLOCK.instant()));
        schedules.addRule(SlotOwner.station(station), DayOfWeek.TUESDAY, LocalTime.of(14, 0), LocalTime.of(18, 0), 60);
        return station;
    }

    static BookingRequest adult(UUID slot, String familyName) {
        return new BookingRequest(slot, familyName, "Camille Marie", LocalDate.of(1980, 5, 17), "F", null,
                "06 12 34 56 78", null, "Toux depuis 5 jours", "NONE", null, java.util.List.of(), false, false, false,
                null, null, null, true);
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
