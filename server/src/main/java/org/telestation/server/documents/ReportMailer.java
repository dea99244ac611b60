package org.telestation.server.documents;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.telestation.server.directory.Professional;

/**
 * The report's e-mails. To professionals (MT, relay doctor) the PDF goes by MSSanté when it is configured, else
 * through the ordinary mail settings; to patients, who have no MSSanté address, only plain text goes, and only
 * through the ordinary settings.
 */
@Component
class ReportMailer {
    static final String PDF_NAME = "compte-rendu-teleconsultation.pdf";

    private final JavaMailSender mail;
    private final MssanteProperties mssante;
    private final String mailFrom;

    ReportMailer(JavaMailSender mail, MssanteProperties mssante, @Value("${telestation.mail.from}") String mailFrom) {
        this.mail = mail;
        this.mssante = mssante;
        this.mailFrom = mailFrom;
    }

    /** A professional's MSSanté address when secure messaging is on, else their e-mail, else their MSSanté one. */
    String addressOf(Professional p) {
        if (mssante.enabled() && p.mssanteAddress() != null) return p.mssanteAddress();
        if (p.email() != null) return p.email();
        return p.mssanteAddress();
    }

    /** The PDF to a professional, attached. */
    void sendPdf(String to, String subject, String text, byte[] document) throws MessagingException {
        JavaMailSender sender = mssante.enabled() ? mssanteSender() : mail;
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(mssante.enabled() && mssante.from() != null ? mssante.from() : mailFrom);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text);
        helper.addAttachment(PDF_NAME, new ByteArrayResource(document), "application/pdf");
        sender.send(message);
    }

    /** A plain text to a patient. */
    void sendText(String to, String subject, String text) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(mailFrom);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(text);
        mail.send(message);
    }

    private JavaMailSender mssanteSender() {
        JavaMailSenderImpl s = new JavaMailSenderImpl();
        s.setHost(mssante.host());
        if (mssante.port() != null) s.setPort(mssante.port());
        s.setUsername(mssante.username());
        s.setPassword(mssante.password());
        Properties props = s.getJavaMailProperties();
        props.put("mail.smtp.auth", String.valueOf(mssante.username() != null && !mssante.username().isBlank()));
        props.put("mail.smtp.starttls.enable", String.valueOf(mssante.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(mssante.starttls()));
        return s;
    }
}
