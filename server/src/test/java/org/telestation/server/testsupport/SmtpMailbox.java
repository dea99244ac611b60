package org.telestation.server.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) for the tests that read the mail the server sends, and the {@code spring.mail.*}
 * properties that point the server at it. Each test base keeps its own mailbox: tests count messages.
 */
public final class SmtpMailbox {
    private SmtpMailbox() {
    }

    /**
     * A GreenMail SMTP server on a free loopback port, started. It is never stopped: the Spring context that sends to
     * it is cached across test classes and its timers may still send after a class ends.
     */
    public static GreenMail startOnFreePort() {
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** Points the server's mail sender at {@code smtp} (from a {@code @DynamicPropertySource} method). */
    public static void pointSpringMailAt(DynamicPropertyRegistry registry, GreenMail smtp) {
        pointSpringMailAt(registry, smtp.getSmtp().getPort());
    }

    /** Points the server's mail sender at an SMTP server on this loopback port. */
    public static void pointSpringMailAt(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }
}
