package org.telestation.server.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code telestation.oidc.*}: sign-in with an OpenID Connect provider such as Pro Santé Connect (docs/security.md).
 *
 * @param enabled         off unless set to true
 * @param registrationId  the id in {@code /oauth2/authorization/<id>} and the redirect URI
 * @param label           the text of the sign-in button
 * @param issuer          the expected {@code iss}; PSC: {@code https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet}
 * @param discoveryUri    the provider metadata; default {@code <issuer>/.well-known/openid-configuration}; PSC needs
 *                        {@code <issuer>/.well-known/wallet-openid-configuration}
 * @param clientId        client id given by the provider
 * @param clientSecret    client secret (confidential client); PKCE S256 is sent as well
 * @param scopes          default {@code openid, scope_all}
 * @param acrValues       sent as {@code acr_values} and required in the id token {@code acr}; default {@code eidas1}
 * @param rppsClaim       the claim carrying the professional's national id; default {@code SubjectNameID}
 * @param rppsPrefix      stripped from that claim to get the RPPS; default {@code 8}
 */
@ConfigurationProperties("telestation.oidc")
record OidcProperties(boolean enabled, String registrationId, String label, String issuer, String discoveryUri,
                      String clientId, String clientSecret, List<String> scopes, String acrValues, String rppsClaim,
                      String rppsPrefix) {

    OidcProperties {
        registrationId = blank(registrationId) ? "psc" : registrationId;
        label = blank(label) ? "Pro Santé Connect" : label;
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "scope_all") : List.copyOf(scopes);
        acrValues = acrValues == null ? "eidas1" : acrValues;
        rppsClaim = blank(rppsClaim) ? "SubjectNameID" : rppsClaim;
        rppsPrefix = rppsPrefix == null ? "8" : rppsPrefix;
    }

    String effectiveDiscoveryUri() {
        if (!blank(discoveryUri)) {
            return discoveryUri;
        }
        if (blank(issuer)) {
            throw new IllegalStateException("telestation.oidc.issuer or telestation.oidc.discovery-uri must be set");
        }
        return issuer.replaceAll("/$", "") + "/.well-known/openid-configuration";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
