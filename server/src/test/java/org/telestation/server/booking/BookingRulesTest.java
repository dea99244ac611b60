package org.telestation.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pure rules, no Spring: slot plans from rules and exceptions, and eligibility (product brief, workflow 2). */
class BookingRulesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TODAY = MONDAY;
    private static final SlotOwner SITE = SlotOwner.site(UUID.randomUUID());

    private final BookingProperties properties = new BookingProperties(ZoneId.of("Europe/Paris"), 30, 14, 6, 18, 65,
            List.of("CHEST_PAIN", "PREGNANCY_FOLLOW_UP"), Duration.ofHours(24), 6, Duration.ofMinutes(15));
    private final EligibilityPolicy policy = new EligibilityPolicy(properties);

    private static OpeningRule rule(DayOfWeek day, String start, String end, int minutes) {
        return new OpeningRule(UUID.randomUUID(), SITE, day, LocalTime.parse(start), LocalTime.parse(end), minutes, "VR");
    }

    private static ScheduleException exception(BookingModel.ExceptionKind kind, String start, String end) {
        return new ScheduleException(UUID.randomUUID(), SITE, MONDAY, kind, start == null ? null : LocalTime.parse(start),
                end == null ? null : LocalTime.parse(end), null, "test");
    }

    private static List<String> starts(List<SlotService.Period> periods) {
        return periods.stream().map(p -> p.start().toString()).toList();
    }

    @Test
    void aHalfDayGivesThirtyMinuteSlotsThatNeverRunPastTheEnd() {
        var plan = SlotService.SlotPlan.periods(MONDAY, List.of(rule(DayOfWeek.MONDAY, "08:30", "12:15", 30)),
                List.of(), 30);
        assertThat(starts(plan)).containsExactly("08:30", "09:00", "09:30", "10:00", "10:30", "11:00", "11:30");
        assertThat(plan.get(6).end()).isEqualTo(LocalTime.of(12, 0));
    }

    @Test
    void rulesOfOtherDaysGiveNothing() {
        assertThat(SlotService.SlotPlan.periods(MONDAY, List.of(rule(DayOfWeek.TUESDAY, "08:30", "12:30", 30)),
                List.of(), 30)).isEmpty();
    }

    @Test
    void aWholeDayClosureRemovesEverySlot() {
        assertThat(SlotService.SlotPlan.periods(MONDAY, List.of(rule(DayOfWeek.MONDAY, "08:00", "12:00", 30)),
                List.of(exception(BookingModel.ExceptionKind.CLOSURE, null, null)), 30)).isEmpty();
    }

    @Test
    void aPartialClosureRemovesOnlyTheOverlappingSlots() {
        var plan = SlotService.SlotPlan.periods(MONDAY, List.of(rule(DayOfWeek.MONDAY, "08:00", "10:00", 30)),
                List.of(exception(BookingModel.ExceptionKind.CLOSURE, "08:45", "09:15")), 30);
        assertThat(starts(plan)).containsExactly("08:00", "09:30");
    }

    @Test
    void anExtraOpeningAddsSlotsAndOverlapsAreKeptOnce() {
        var plan = SlotService.SlotPlan.periods(MONDAY, List.of(rule(DayOfWeek.MONDAY, "08:00", "09:00", 30)),
                List.of(exception(BookingModel.ExceptionKind.OPENING, "08:30", "10:00")), 30);
        assertThat(starts(plan)).containsExactly("08:00", "08:30", "09:00", "09:30");
    }

    private static BookingRequest person(LocalDate birth, List<String> exclusions, boolean ald, boolean disability,
                                         boolean cannotTravel, String mt) {
        return new BookingRequest(UUID.randomUUID(), "Martin", "Louise", birth, "F", null, "0612345678", null, "toux",
                mt, "DECLARED".equals(mt) ? "Dr Bernard" : null, exclusions, ald, disability, cannotTravel,
                "1 rue du Pont", "52100", "Saint-Dizier", true);
    }

    @Test
    void patientsFromSixYearsOldOnly() {
        assertThat(policy.refusals(person(TODAY.minusYears(6), List.of(), false, false, false, "NONE"), TODAY, false))
                .isEmpty();
        assertThat(policy.refusals(person(TODAY.minusYears(6).plusDays(1), List.of(), false, false, false, "NONE"),
                TODAY, false)).extracting(BookingException.Reason::key).containsExactly("booking.refused.age");
    }

    @Test
    void aTickedExclusionCriterionRefusesWithItsAdvice() {
        assertThat(policy.refusals(person(LocalDate.of(1970, 1, 1), List.of("CHEST_PAIN"), false, false, false, "NONE"),
                TODAY, false)).extracting(BookingException.Reason::key)
                .containsExactly("booking.exclusion.CHEST_PAIN.advice");
    }

    @Test
    void homeVisitsFollowTheThreeBasesOfTheBrief() {
        LocalDate seventy = TODAY.minusYears(70);
        LocalDate forty = TODAY.minusYears(40);
        LocalDate sixteen = TODAY.minusYears(16);
        assertThat(policy.homeVisitBasis(person(seventy, List.of(), true, false, true, "DECLARED"), TODAY))
                .contains(BookingModel.HomeVisitBasis.ALD_OVER_65_CANNOT_TRAVEL);
        assertThat(policy.homeVisitBasis(person(forty, List.of(), false, true, false, "DECLARED"), TODAY))
                .contains(BookingModel.HomeVisitBasis.DISABLED_ADULT);
        assertThat(policy.homeVisitBasis(person(forty, List.of(), false, false, true, "NONE"), TODAY))
                .contains(BookingModel.HomeVisitBasis.NO_MT_CANNOT_TRAVEL);
        // ALD under 65, a disabled minor, or someone who can travel: not at home.
        assertThat(policy.homeVisitBasis(person(TODAY.minusYears(60), List.of(), true, false, true, "DECLARED"), TODAY))
                .isEmpty();
        assertThat(policy.homeVisitBasis(person(sixteen, List.of(), false, true, false, "DECLARED"), TODAY)).isEmpty();
        assertThat(policy.refusals(person(forty, List.of(), false, false, false, "NONE"), TODAY, true))
                .extracting(BookingException.Reason::key).containsExactly("booking.refused.homeVisit");
        // The same person may book in a room.
        assertThat(policy.refusals(person(forty, List.of(), false, false, false, "NONE"), TODAY, false)).isEmpty();
    }

    @Test
    void codesAreComparedWithoutCaseSpacesOrHyphensAndStoredHashed() {
        assertThat(BookingService.normalizeCode(" abcde-23456 ")).isEqualTo("ABCDE23456");
        assertThat(BookingService.hash("ABCDE23456")).hasSize(64).isNotEqualTo(BookingService.hash("ABCDE23457"));
        assertThat(BookingService.formatCode("ABCDE23456")).isEqualTo("ABCDE-23456");
    }
}
