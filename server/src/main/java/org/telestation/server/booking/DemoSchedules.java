package org.telestation.server.booking;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo profile: gives every active site and briefcase without opening hours a realistic week (the brief: 4–5 half-days
 * per site), so the public page lists real slots. It runs on {@link ApplicationReadyEvent}, i.e. after every
 * {@code ApplicationRunner} (the directory's demo sites and stations are created by one), and touches only places that
 * have no rule yet, so it is idempotent across restarts.
 */
@Component
@Profile("demo")
class DemoSchedules {

    private static final Logger log = LoggerFactory.getLogger(DemoSchedules.class);

    /** Half-days: Monday morning, Tuesday afternoon, Wednesday morning, Thursday afternoon, Friday morning. */
    private static final List<Object[]> SITE_WEEK = List.of(
            new Object[] {DayOfWeek.MONDAY, "08:30", "12:30"}, new Object[] {DayOfWeek.TUESDAY, "13:30", "17:30"},
            new Object[] {DayOfWeek.WEDNESDAY, "08:30", "12:30"}, new Object[] {DayOfWeek.THURSDAY, "13:30", "17:30"},
            new Object[] {DayOfWeek.FRIDAY, "08:30", "12:30"});

    /** Home visits take longer: two afternoons, one-hour slots. */
    private static final List<Object[]> BRIEFCASE_WEEK = List.of(
            new Object[] {DayOfWeek.TUESDAY, "14:00", "18:00"}, new Object[] {DayOfWeek.FRIDAY, "14:00", "18:00"});

    private final ScheduleService schedules;

    DemoSchedules(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createDemoSchedules() {
        int created = 0;
        for (Place place : schedules.places()) {
            if (!schedules.rules(place.owner()).isEmpty()) {
                continue;
            }
            boolean briefcase = place.owner().isStation();
            for (Object[] halfDay : briefcase ? BRIEFCASE_WEEK : SITE_WEEK) {
                schedules.addRule(place.owner(), (DayOfWeek) halfDay[0], LocalTime.parse((String) halfDay[1]),
                        LocalTime.parse((String) halfDay[2]), briefcase ? 60 : null);
            }
            created++;
        }
        log.info("Demo opening hours created for {} place(s)", created);
    }
}
