package org.telestation.server.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.platform.SmsSender;

/**
 * Confirmation and reminder messages (e-mail through SMTP, SMS through {@link SmsSender}). Runs from db-scheduler
 * tasks: a failure (SMTP down) rolls back and the task is retried. Messages are in French, the patients' language;
 * they carry the date, the place and the cancellation code, never a diagnosis. Nothing here is logged.
 */
@Component
class BookingNotifier {

    private static final Locale PATIENT_LOCALE = Locale.FRENCH;

    private final JdbcClient jdbc;
    private final JavaMailSender mail;
    private final SmsSender sms;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final BookingProperties properties;
    private final String from;
    private final String publicBaseUrl;

    BookingNotifier(JdbcClient jdbc, JavaMailSender mail, SmsSender sms, MessageSource messages, AuditLog audit,
                    Clock clock, BookingProperties properties, @Value("${telestation.mail.from}") String from,
                    @Value("${telestation.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.sms = sms;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
        this.from = from;
        this.publicBaseUrl = publicBaseUrl;
    }

    private record Contact(UUID patientId, String email, String phone, Instant start, String place, String status,
                           boolean homeVisit) {}

    /** Sends the booking confirmation with the cancellation code (the only place the code exists in clear). */
    @Transactional
    public void sendConfirmation(UUID appointmentId, String code) {
        contact(appointmentId).filter(c -> "booked".equals(c.status())).ifPresent(c -> {
            String when = when(c.start());
            String cancelUrl = publicBaseUrl + "/public/booking/cancel";
            if (c.email() != null) {
                send(c.email(), text("booking.mail.confirmation.subject"),
                        text("booking.mail.confirmation.body", when, c.place(), BookingService.formatCode(code), cancelUrl));
            }
            if (c.phone() != null) {
                sms.send(c.phone(), text("booking.sms.confirmation", when, c.place(), BookingService.formatCode(code)));
            }
        });
    }

    /**
     * Sends the reminder once: the {@code reminder_sent_at} guard makes a second run (retry, restart, a second
     * server) a no-op, and a cancelled appointment gets nothing.
     */
    @Transactional
    public boolean sendReminder(UUID appointmentId) {
        int claimed = jdbc.sql("""
                        update appointment set reminder_sent_at = :now
                        where id = :id and reminder_sent_at is null and status in ('booked','pending')""")
                .param("now", Timestamp.from(clock.instant())).param("id", appointmentId).update();
        if (claimed == 0) {
            return false;
        }
        contact(appointmentId).ifPresent(c -> {
            String when = when(c.start());
            if (c.email() != null) {
                send(c.email(), text("booking.mail.reminder.subject"), text("booking.mail.reminder.body", when,
                        c.place(), publicBaseUrl + "/public/booking/cancel"));
            }
            if (c.phone() != null) {
                sms.send(c.phone(), text("booking.sms.reminder", when, c.place()));
            }
        });
        return true;
    }

    private Optional<Contact> contact(UUID appointmentId) {
        Optional<Contact> contact = jdbc.sql("""
                        select a.patient_id, p.email, p.phone, a.start_at, a.status, a.home_visit,
                               coalesce(s.name, st.name) as place
                        from appointment a join patient p on p.id = a.patient_id
                        left join site s on s.id = a.site_id left join station st on st.id = a.station_id
                        where a.id = :id""")
                .param("id", appointmentId)
                .query((rs, i) -> new Contact(rs.getObject("patient_id", UUID.class), blankToNull(rs.getString("email")),
                        blankToNull(rs.getString("phone")), rs.getTimestamp("start_at").toInstant(),
                        rs.getString("place"), rs.getString("status"), rs.getBoolean("home_visit")))
                .optional();
        contact.ifPresent(c -> audit.record(AuditLog.Action.READ, "Appointment", appointmentId.toString(),
                c.patientId(), AuditLog.Outcome.SUCCESS, "notification"));
        return contact.map(c -> c.homeVisit() ? new Contact(c.patientId(), c.email(), c.phone(), c.start(),
                text("booking.place.home"), c.status(), true) : c);
    }

    private void send(String to, String subject, String body) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            mail.send(message);
        } catch (MailException e) {
            // The SMTP error text can quote the recipient's address: keep it out of db-scheduler's failure log.
            throw new IllegalStateException("SMTP delivery failed (" + e.getClass().getSimpleName() + "); will retry");
        }
    }

    private String when(Instant start) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", PATIENT_LOCALE)
                .format(start.atZone(properties.zone()));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, PATIENT_LOCALE);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
