package org.telestation.server.booking;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking rules under {@code telestation.booking.*}. Labels of the exclusion criteria live in the message bundles
 * ({@code booking.exclusion.<CODE>.label} / {@code .advice}), so the list here holds only codes.
 *
 * @param zone                   the territory's time zone: opening hours are local times
 * @param defaultSlotMinutes     slot length when a rule does not say (30 min, two teleconsultations an hour)
 * @param horizonDays            how far ahead patients see and book slots
 * @param minimumAge             youngest patient in years (the brief: from 6 years old)
 * @param adultAge               age from which "disabled adult" applies to home visits
 * @param homeVisitAldMinimumAge age from which an ALD patient who cannot travel may be visited at home
 * @param exclusionCriteria      codes of the criteria that refuse an online or phone booking
 * @param reminderBefore         how long before the appointment the reminder goes out
 * @param sameDayPoolCapacity    patients per site and day in the same-day pool ("urgence du jour")
 * @param minimumNotice          a slot starting sooner than this cannot be booked online
 */
@ConfigurationProperties("telestation.booking")
public record BookingProperties(
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("30") int defaultSlotMinutes,
        @DefaultValue("14") int horizonDays,
        @DefaultValue("6") int minimumAge,
        @DefaultValue("18") int adultAge,
        @DefaultValue("65") int homeVisitAldMinimumAge,
        @DefaultValue({"CHEST_PAIN", "BREATHING_DISTRESS", "STROKE_SIGNS", "PREGNANCY_FOLLOW_UP", "SEVERE_INJURY"})
        List<String> exclusionCriteria,
        @DefaultValue("24h") Duration reminderBefore,
        @DefaultValue("6") int sameDayPoolCapacity,
        @DefaultValue("15m") Duration minimumNotice) {
}
