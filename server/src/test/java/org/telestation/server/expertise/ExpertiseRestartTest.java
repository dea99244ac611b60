package org.telestation.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.telestation.server.TelestationServer;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.security.Role;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.SmtpMailbox;

/**
 * Timers survive a restart: the server stops before the 24 h reminder is due, a second application context starts on
 * the same PostgreSQL data directory later, and every reminder and the escalation go out exactly once; a third start
 * finds nothing left to send.
 */
class ExpertiseRestartTest {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-07T07:00:00Z"), ZoneId.of("Europe/Paris"));
    /** The database cluster both servers open in turn, as the demo's persistent embedded PostgreSQL does. */
    static java.nio.file.Path dataDirectory;
    static GreenMail smtp;

    @BeforeAll
    static void start() throws Exception {
        dataDirectory = java.nio.file.Files.createTempDirectory("expertise-restart-pg-");
        smtp = SmtpMailbox.startOnFreePort();
    }

    @AfterAll
    static void stop() throws Exception {
        smtp.stop();
        try (var files = java.nio.file.Files.walk(dataDirectory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static ConfigurableApplicationContext server() {
        return new SpringApplicationBuilder(TelestationServer.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("movableClock", CLOCK))
                // command-line arguments: they win over application.yml (default properties would not)
                .run("--telestation.embedded-database.data-directory=" + dataDirectory, "--server.port=0", "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.getSmtp().getPort(), "--db-scheduler.polling-interval=200ms",
                        "--spring.main.banner-mode=off");
    }

    static long count(String to, UUID request, String subject) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> about(m, to, request, subject)).count();
    }

    private static boolean about(MimeMessage m, String to, UUID request, String subject) {
        try {
            return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subject)
                    && String.valueOf(m.getContent()).contains(request.toString());
        } catch (Exception e) {
            return false;
        }
    }

    /** Waits for the message, asking the scheduler to look (its poll waits on the standing test clock). */
    static void await(Scheduler scheduler, String to, UUID request, String subject) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (count(to, request, subject) < 1 && System.nanoTime() < end) {
            scheduler.triggerCheckForDueExecutions();
            Thread.sleep(100);
        }
    }

    /** Waits (bounded) until no db-scheduler execution is picked, so that moving the clock cannot race a timer. */
    static void awaitNoRunningTimer(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end
                && jdbc.queryForObject("select count(*) from scheduled_tasks where picked", Integer.class) > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void advance(ConfigurableApplicationContext server, Duration d) {
        awaitNoRunningTimer(server.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
        CLOCK.advance(d);
        server.getBean(Scheduler.class).triggerCheckForDueExecutions();
    }

    @Test
    void noReminderIsLostOrSentTwiceAcrossARestart() throws Exception {
        Actor cardio;
        Actor coordinator;
        UUID request;
        try (ConfigurableApplicationContext first = server()) {
            ExpertiseFixtures fixtures = new ExpertiseFixtures(first);
            Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
            cardio = fixtures.professional("cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, CircleRole.EXPERT);
            coordinator = fixtures.coordinator();
            request = first.getBean(ExpertiseService.class).create(gp, ExpertiseFixtures.ecgRequest(fixtures.patient()))
                    .id();
            advance(first, Duration.ofHours(23));
            Thread.sleep(1000);
            assertThat(count(cardio.username() + "@cpts.test", request, "échéance")).isZero();
        }
        String expert = cardio.username() + "@cpts.test";
        String coordination = coordinator.username() + "@cpts.test";

        CLOCK.advance(Duration.ofHours(2)); // the 24 h reminder fell due while no server was running
        try (ConfigurableApplicationContext second = server()) {
            Scheduler scheduler = second.getBean(Scheduler.class);
            await(scheduler, expert, request, "échéance dans 24 h");
            assertThat(count(expert, request, "échéance dans 24 h")).isEqualTo(1);

            advance(second, Duration.ofHours(19));
            await(scheduler, expert, request, "échéance dans 4 h");
            advance(second, Duration.ofHours(4));
            await(scheduler, coordination, request, "échéance dépassée");
            scheduler.triggerCheckForDueExecutions();
            Thread.sleep(1500);
        }
        try (ConfigurableApplicationContext third = server()) {
            third.getBean(Scheduler.class).triggerCheckForDueExecutions();
            Thread.sleep(1500);
        }
        assertThat(count(expert, request, "échéance dans 24 h")).isEqualTo(1);
        assertThat(count(expert, request, "échéance dans 4 h")).isEqualTo(1);
        assertThat(count(coordination, request, "échéance dépassée")).isEqualTo(1);
    }
}
