package org.telestation.server.expertise;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mails of the tele-expertise workflow. They carry the speciality, the time left and a link, never the patient's
 * identity (e-mail is not a secure channel; MSSanté is for documents). A failed reminder or escalation throws, so the
 * timer's transaction is rolled back and retried rather than recorded as sent; the other messages follow a step the
 * user just took (request, question, answer), which an SMTP outage must not undo: their failure is logged and the
 * request page still shows the step.
 */
@Component
class ExpertiseNotifier {

    private static final Logger log = LoggerFactory.getLogger(ExpertiseNotifier.class);

    private final JavaMailSender mail;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final ExpertiseProperties properties;
    private final String from;
    /** Base of the links put in e-mails ({@code telestation.public-base-url}, shared with booking). */
    private final String publicBaseUrl;

    ExpertiseNotifier(JavaMailSender mail, MessageSource messages, JdbcClient jdbc, ExpertiseProperties properties,
                      @Value("${telestation.mail.from}") String from,
                      @Value("${telestation.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.mail = mail;
        this.messages = messages;
        this.jdbc = jdbc;
        this.properties = properties;
        this.from = from;
        this.publicBaseUrl = publicBaseUrl;
    }

    void newRequest(ExpertiseRequest r) {
        bestEffort(experts(r), "expertise.mail.new.subject", "expertise.mail.new.body", r);
    }

    void reminder(ExpertiseRequest r, Duration before) {
        send(experts(r), "expertise.mail.reminder.subject", "expertise.mail.reminder.body", r, hours(before));
    }

    void escalated(ExpertiseRequest r) {
        send(coordinators(), "expertise.mail.escalated.subject", "expertise.mail.escalated.body", r, null);
    }

    void reassigned(ExpertiseRequest r) {
        bestEffort(experts(r), "expertise.mail.new.subject", "expertise.mail.new.body", r);
    }

    void infoRequested(ExpertiseRequest r) {
        bestEffort(requester(r), "expertise.mail.info.subject", "expertise.mail.info.body", r);
    }

    void infoProvided(ExpertiseRequest r) {
        bestEffort(experts(r), "expertise.mail.info-provided.subject", "expertise.mail.info-provided.body", r);
    }

    void answered(ExpertiseRequest r) {
        bestEffort(requester(r), "expertise.mail.answered.subject", "expertise.mail.answered.body", r);
    }

    private void bestEffort(Set<String> to, String subjectKey, String bodyKey, ExpertiseRequest r) {
        try {
            send(to, subjectKey, bodyKey, r, null);
        } catch (org.springframework.mail.MailException e) {
            log.warn("Expertise request {}: e-mail {} not sent ({})", r.id(), subjectKey, e.getClass().getSimpleName());
        }
    }

    private static String hours(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }

    private void send(Set<String> to, String subjectKey, String bodyKey, ExpertiseRequest r, String extra) {
        if (to.isEmpty()) {
            log.warn("Expertise request {}: nobody to notify for {}", r.id(), subjectKey);
            return;
        }
        String speciality = messages.getMessage("expertise.speciality." + r.speciality(), null,
                r.speciality().name(), Locale.FRENCH);
        String link = publicBaseUrl + "/expertise/requests/" + r.id();
        Object[] args = {speciality, link, extra};
        // One message per recipient: experts of a pool do not see each other's addresses.
        SimpleMailMessage[] batch = to.stream().map(address -> {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(address);
            message.setSubject(messages.getMessage(subjectKey, args, Locale.FRENCH));
            message.setText(messages.getMessage(bodyKey, args, Locale.FRENCH));
            return message;
        }).toArray(SimpleMailMessage[]::new);
        mail.send(batch);
    }

    /** The assigned expert, or every expert of the speciality in the circle when the request went to the pool. */
    Set<String> experts(ExpertiseRequest r) {
        if (r.expertId() != null) {
            return emailsOf(r.expertId());
        }
        return new LinkedHashSet<>(jdbc.sql("""
                select coalesce(p.email, u.email) from professional p
                join circle_membership m on m.professional_id = p.id and m.revoked_at is null
                     and m.circle_role in ('EXPERT','BOTH')
                left join app_user u on u.professional_id = p.id
                where :speciality = any(p.specialities) and coalesce(p.email, u.email) is not null""")
                .param("speciality", r.speciality().name()).query(String.class).list());
    }

    Set<String> requester(ExpertiseRequest r) {
        Set<String> to = emailsOf(r.requesterId());
        jdbc.sql("select email from app_user where username = :u and email is not null").param("u", r.createdBy())
                .query(String.class).optional().ifPresent(to::add);
        return to;
    }

    Set<String> coordinators() {
        return new LinkedHashSet<>(jdbc.sql("""
                select email from app_user where role = 'COORDINATOR' and enabled and email is not null""")
                .query(String.class).list());
    }

    private Set<String> emailsOf(UUID professionalId) {
        return new LinkedHashSet<>(jdbc.sql("""
                select coalesce(p.email, u.email) from professional p left join app_user u on u.professional_id = p.id
                where p.id = :id and coalesce(p.email, u.email) is not null""")
                .param("id", professionalId).query(String.class).list());
    }
}
