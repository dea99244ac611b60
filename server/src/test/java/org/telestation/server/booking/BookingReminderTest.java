package org.telestation.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E-mails through real SMTP (GreenMail): the confirmation at booking, the reminder when the clock passes T−24 h, not
 * before, not twice, and never for a cancelled appointment. db-scheduler reads the same movable clock.
 */
class BookingReminderTest extends BookingTestBase {

    @Autowired ScheduleService schedules;
    @Autowired SlotService slots;
    @Autowired BookingService booking;
    @Autowired Scheduler scheduler;

    private List<MimeMessage> mailsTo(String address, String subjectPart) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(subjectPart);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Lets db-scheduler look for due work now, then gives its executor time to run it. */
    private void pollScheduler() throws InterruptedException {
        scheduler.triggerCheckForDueExecutions();
        Thread.sleep(1500);
    }

    private List<MimeMessage> awaitMails(String address, String subjectPart, int n) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        List<MimeMessage> found = mailsTo(address, subjectPart);
        while (found.size() < n && Instant.now().isBefore(deadline)) {
            scheduler.triggerCheckForDueExecutions();
            Thread.sleep(200);
            found = mailsTo(address, subjectPart);
        }
        return found;
    }

    @Test
    void confirmationAtOnceThenOneReminderWhenTheClockPassesTMinus24h() throws Exception {
        CLOCK.set(MONDAY_8AM);
        UUID site = siteOpenWeekdayMornings(schedules);
        // Wednesday 10:00 Paris = 09:00 UTC; the reminder is due on Tuesday at 09:00 UTC.
        Slot wednesday10 = slots.freeSlots(SlotOwner.site(site)).stream()
                .filter(s -> s.start().equals(Instant.parse("2026-11-25T09:00:00Z"))).findFirst().orElseThrow();
        String email = "reminder-" + UUID.randomUUID() + "@example.org";
        BookingRequest request = withEmail(adult(wednesday10.id(), "Rappel"), email);
        BookingService.Confirmation booked = booking.book(request, BookingModel.Channel.ONLINE);

        List<MimeMessage> confirmation = awaitMails(email, "Confirmation", 1);
        assertThat(confirmation).hasSize(1);
        assertThat(confirmation.get(0).getContent().toString())
                .contains(BookingService.formatCode(booked.code())).contains("mercredi 25 novembre 2026 à 10h00");

        CLOCK.set(Instant.parse("2026-11-24T08:59:00Z"));
        pollScheduler();
        assertThat(mailsTo(email, "Rappel")).as("not before T-24h").isEmpty();

        CLOCK.set(Instant.parse("2026-11-24T09:01:00Z"));
        assertThat(awaitMails(email, "Rappel", 1)).hasSize(1);
        assertThat(mailsTo(email, "Rappel").get(0).getContent().toString()).contains("mercredi 25 novembre 2026 à 10h00");

        CLOCK.advance(Duration.ofHours(2));
        pollScheduler();
        assertThat(mailsTo(email, "Rappel")).as("not twice").hasSize(1);
        assertThat(count("select count(*) from appointment where id = ? and reminder_sent_at is not null",
                booked.appointmentId())).isEqualTo(1);
        assertThat(count("select count(*) from scheduled_tasks where task_instance = ?",
                booked.appointmentId().toString())).isZero();
    }

    @Test
    void aCancelledAppointmentGetsNoReminder() throws Exception {
        CLOCK.set(MONDAY_8AM);
        UUID site = siteOpenWeekdayMornings(schedules);
        Slot thursday = slots.freeSlots(SlotOwner.site(site)).stream()
                .filter(s -> s.start().equals(Instant.parse("2026-11-26T08:00:00Z"))).findFirst().orElseThrow();
        String email = "cancelled-" + UUID.randomUUID() + "@example.org";
        BookingService.Confirmation booked = booking.book(withEmail(adult(thursday.id(), "Annule"), email),
                BookingModel.Channel.ONLINE);
        assertThat(count("select count(*) from scheduled_tasks where task_name = 'booking-reminder' "
                + "and task_instance = ?", booked.appointmentId().toString())).isEqualTo(1);

        booking.cancelByCode(booked.code().toLowerCase());
        assertThat(count("select count(*) from scheduled_tasks where task_instance = ?",
                booked.appointmentId().toString())).isZero();
        assertThat(slots.find(thursday.id()).orElseThrow().free()).isTrue();

        CLOCK.set(Instant.parse("2026-11-25T09:00:00Z"));
        pollScheduler();
        assertThat(mailsTo(email, "Rappel")).isEmpty();
    }

    static BookingRequest withEmail(BookingRequest r, String email) {
        return new BookingRequest(r.slotId(), r.birthFamilyName(), r.birthGivenNames(), r.birthDate(), r.sex(),
                r.ins(), null, email, r.reason(), r.mtStatus(), r.mtName(), r.exclusions(), r.ald(), r.disability(),
                r.cannotTravel(), r.homeAddressLine(), r.homePostalCode(), r.homeCity(), r.consent());
    }
}
