package org.telestation.server.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.telestation.server.TelestationServer;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.SmtpMailbox;

/**
 * The reminder is a persisted timer: booked in one server run, it is sent by the next one, once. Two application
 * contexts in turn on the same embedded PostgreSQL data directory stand for a restart.
 */
class BookingReminderRestartTest {

    private final MutableClock clock = new MutableClock(BookingTestBase.MONDAY_8AM);
    private Path data;
    private GreenMail smtp;

    @AfterEach
    void stopSmtpAndRemoveTheDatabase() throws java.io.IOException {
        if (smtp != null) {
            smtp.stop();
        }
        if (data != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
    }

    private ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(TelestationServer.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", (Clock) clock))
                // Command-line arguments: they take precedence over application.yml (builder properties do not).
                .run("--telestation.embedded-database.data-directory=" + dataDirectory, "--server.port=0",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
                        "--db-scheduler.polling-interval=1s", "--logging.level.io.zonky=WARN");
    }

    @Test
    void aReminderBookedBeforeARestartIsSentOnceAfterIt() throws Exception {
        smtp = SmtpMailbox.startOnFreePort();
        data = Files.createTempDirectory("telestation-restart-");
        String email = "restart-" + UUID.randomUUID() + "@example.org";
        UUID appointment;
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            UUID site = UUID.randomUUID();
            jdbc.update("insert into site(id, name, kind, active, created_at) values (?, 'Salle redémarrage', "
                    + "'TELECONSULTATION_ROOM', true, ?)", site, Timestamp.from(clock.instant()));
            first.getBean(ScheduleService.class).addRule(SlotOwner.site(site), DayOfWeek.WEDNESDAY,
                    LocalTime.of(10, 0), LocalTime.of(11, 0), 30);
            Slot slot = first.getBean(SlotService.class).freeSlots(SlotOwner.site(site)).get(0);
            appointment = first.getBean(BookingService.class).book(BookingReminderTest.withEmail(
                    BookingTestBase.adult(slot.id(), "Redemarrage"), email), BookingModel.Channel.ONLINE).appointmentId();
            assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'booking-reminder' "
                    + "and task_instance = ?", Integer.class, appointment.toString())).isEqualTo(1);
        }
        assertThat(reminders(email)).isZero();

        try (ConfigurableApplicationContext second = start(data)) {
            clock.set(Instant.parse("2026-11-24T09:05:00Z"));
            Scheduler scheduler = second.getBean(Scheduler.class);
            Instant deadline = Instant.now().plusSeconds(20);
            while (reminders(email) < 1 && Instant.now().isBefore(deadline)) {
                scheduler.triggerCheckForDueExecutions();
                Thread.sleep(200);
            }
            assertThat(reminders(email)).isEqualTo(1);
            clock.set(Instant.parse("2026-11-24T12:00:00Z"));
            scheduler.triggerCheckForDueExecutions();
            Thread.sleep(1500);
            assertThat(reminders(email)).isEqualTo(1);
            assertThat(second.getBean(JdbcTemplate.class).queryForObject(
                    "select reminder_sent_at is not null from appointment where id = ?", Boolean.class, appointment))
                    .isTrue();
        }
    }

    private long reminders(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email) && m.getSubject().startsWith("Rappel");
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }
}
