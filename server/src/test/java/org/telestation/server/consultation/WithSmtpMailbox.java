package org.telestation.server.consultation;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telestation.server.testsupport.SmtpMailbox;

/**
 * A real SMTP server (GreenMail) on a free port, with the server's {@code spring.mail.*} pointed at it; the extension
 * starts an empty mailbox for each test method.
 */
abstract class WithSmtpMailbox {
    static final int SMTP_PORT = ConsultationWorld.freePort();

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SmtpMailbox.pointSpringMailAt(registry, SMTP_PORT);
    }
}
