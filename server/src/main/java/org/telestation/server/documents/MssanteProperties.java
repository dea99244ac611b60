package org.telestation.server.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Secure messaging for reports ({@code telestation.mssante.*}). MSSanté is SMTP with its own operator, account and
 * TLS settings; when {@code enabled} is false the report goes through the server's ordinary mail settings
 * ({@code spring.mail.*}) to the MT's e-mail address — acceptable only for the demo.
 *
 * @param from sender, an MSSanté address of the structure
 */
@ConfigurationProperties("telestation.mssante")
record MssanteProperties(boolean enabled, String host, Integer port, String username, String password,
                         boolean starttls, String from) {
}
