package org.telestation.server.expertise;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.SmtpMailbox;

/**
 * One Spring context for the expertise tests: the whole server on a random port, embedded PostgreSQL, real SMTP
 * (GreenMail on a free port) and a movable clock shared by the application and db-scheduler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "db-scheduler.polling-interval=200ms", "logging.level.io.zonky=WARN"})
@AutoConfigureMockMvc
@Import(ExpertiseTestBase.ClockConfig.class)
abstract class ExpertiseTestBase {

    /** Monday 23 November 2026, 08:00 in Paris. */
    static final Instant START = Instant.parse("2026-11-23T07:00:00Z");
    static final MutableClock CLOCK = new MutableClock(START, ZoneId.of("Europe/Paris"));
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

    @Autowired ApplicationContext context;
    @Autowired ExpertiseService service;
    @Autowired Scheduler scheduler;
    ExpertiseFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ExpertiseFixtures(context);
    }

    /** Messages received so far by one address whose subject contains {@code subjectPart}. */
    static List<MimeMessage> mailsTo(String address, String subjectPart) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))
                        && m.getSubject().contains(subjectPart);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Messages to one address about one request (its link is in the body) whose subject contains the part. */
    static List<MimeMessage> mailsAbout(String address, java.util.UUID requestId, String subjectPart) {
        return mailsTo(address, subjectPart).stream().filter(m -> {
            try {
                return String.valueOf(m.getContent()).contains(requestId.toString());
            } catch (MessagingException | java.io.IOException e) {
                return false;
            }
        }).toList();
    }

    /**
     * Waits (bounded) for the messages. db-scheduler's poll waits on the scheduler clock, which stands still here
     * between {@link #advance} calls, so the wait also asks the scheduler to look for due timers.
     */
    List<MimeMessage> awaitMailsAbout(String address, java.util.UUID requestId, String subjectPart, int count)
            throws InterruptedException {
        long end = System.nanoTime() + 15_000_000_000L;
        List<MimeMessage> found = mailsAbout(address, requestId, subjectPart);
        while (found.size() < count && System.nanoTime() < end) {
            scheduler.triggerCheckForDueExecutions();
            Thread.sleep(100);
            found = mailsAbout(address, requestId, subjectPart);
        }
        return found;
    }

    static String email(Actor a) {
        return a.username() + "@cpts.test";
    }

    /**
     * Moves the clock once no timer is running (a timer still running would re-arm itself after the jump, when the
     * scheduler has already looked), then lets db-scheduler look for due timers at once.
     */
    void advance(java.time.Duration d) {
        ExpertiseRestartTest.awaitNoRunningTimer(context.getBean(org.springframework.jdbc.core.JdbcTemplate.class));
        CLOCK.advance(d);
        scheduler.triggerCheckForDueExecutions();
    }

    /** Gives the scheduler time to run anything due (used before asserting that nothing more was sent). */
    void settle() throws InterruptedException {
        scheduler.triggerCheckForDueExecutions();
        Thread.sleep(1500);
    }
}
