package org.telestation.server.security;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.telestation.server.directory.ProfessionalService;

/**
 * OpenID Connect sign-in (Pro Santé Connect or any provider), active only with {@code telestation.oidc.enabled=true}.
 * Authorization code flow with PKCE S256 even though the client is confidential, {@code acr_values} and the PSC
 * scopes; the provider metadata is read from a configurable discovery URL on first use, so a provider that is down at
 * start-up does not stop the server. The national id claim ({@code SubjectNameID} = "8" + RPPS) selects the
 * {@code app_user} bound to that professional, whose role is granted; an unknown RPPS is refused.
 */
@Component
@ConditionalOnProperty(name = "telestation.oidc.enabled", havingValue = "true")
@EnableConfigurationProperties(OidcProperties.class)
class OidcLogin {

    private static final Logger log = LoggerFactory.getLogger(OidcLogin.class);
    static final String UNKNOWN_PROFESSIONAL = "unknown_professional";

    private final OidcProperties properties;
    private final ProfessionalService professionals;
    private final AccountService accounts;
    private final LazyRegistrations registrations = new LazyRegistrations();

    OidcLogin(OidcProperties properties, ProfessionalService professionals, AccountService accounts) {
        this.properties = properties;
        this.professionals = professionals;
        this.accounts = accounts;
    }

    String registrationId() {
        return properties.registrationId();
    }

    String label() {
        return properties.label();
    }

    void configure(HttpSecurity http) {
        try {
            var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
            resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                    .andThen(request -> {
                        if (!properties.acrValues().isBlank()) {
                            request.additionalParameters(p -> p.put("acr_values", properties.acrValues()));
                        }
                    }));
            OidcUserService userInfo = new OidcUserService();
            userInfo.setRetrieveUserInfo(r -> r.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                    .getUri() != null);
            http.oauth2Login(o -> o
                    .loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                    .userInfoEndpoint(u -> u.oidcUserService(r -> toProfessional(userInfo.loadUser(r), r)))
                    .failureHandler((request, response, e) -> {
                        String reason = e instanceof OAuth2AuthenticationException o2
                                && UNKNOWN_PROFESSIONAL.equals(o2.getError().getErrorCode()) ? "unknown" : "error";
                        log.info("OIDC sign-in refused: {}", e instanceof OAuth2AuthenticationException o2
                                ? o2.getError().getErrorCode() : e.getClass().getSimpleName());
                        response.sendRedirect(request.getContextPath() + "/login/oidc-refused?reason=" + reason);
                    }));
        } catch (Exception e) {
            throw new IllegalStateException("OIDC configuration failed", e);
        }
    }

    private OidcUser toProfessional(OidcUser user, OidcUserRequest request) {
        if (!properties.acrValues().isBlank()) {
            Object acr = user.getIdToken().getClaims().get("acr");
            if (!properties.acrValues().equals(acr)) {
                throw new OAuth2AuthenticationException(new OAuth2Error("insufficient_acr",
                        "the id token acr is not " + properties.acrValues(), null));
            }
        }
        Object claim = user.getClaims().get(properties.rppsClaim());
        String nationalId = claim == null ? "" : claim.toString();
        String rpps = nationalId.startsWith(properties.rppsPrefix())
                ? nationalId.substring(properties.rppsPrefix().length()) : nationalId;
        Optional<Account> account = professionals.findByRpps(rpps)
                .flatMap(p -> accounts.findByProfessional(p.id()))
                .filter(Account::enabled);
        if (account.isEmpty()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_PROFESSIONAL,
                    "no enabled account is bound to this professional", null));
        }
        return new ProfessionalOidcUser(user, account.get().username(), account.get().role());
    }

    /** Reads the provider metadata on first use and keeps it; retries on the next sign-in if the provider was down. */
    private final class LazyRegistrations implements ClientRegistrationRepository {
        private volatile ClientRegistration registration;

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!properties.registrationId().equals(registrationId)) {
                return null;
            }
            ClientRegistration current = registration;
            if (current == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = discover();
                    }
                    current = registration;
                }
            }
            return current;
        }

        private ClientRegistration discover() {
            Map<String, Object> metadata = RestClient.create().get().uri(properties.effectiveDiscoveryUri())
                    .retrieve().body(new ParameterizedTypeReference<>() {});
            if (metadata == null) {
                throw new IllegalStateException("empty OIDC discovery document");
            }
            String issuer = String.valueOf(metadata.get("issuer"));
            if (properties.issuer() != null && !properties.issuer().isBlank() && !properties.issuer().equals(issuer)) {
                throw new IllegalStateException("OIDC discovery issuer " + issuer + " is not the configured one");
            }
            return ClientRegistration.withRegistrationId(properties.registrationId())
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(properties.scopes())
                    .authorizationUri(String.valueOf(metadata.get("authorization_endpoint")))
                    .tokenUri(String.valueOf(metadata.get("token_endpoint")))
                    .jwkSetUri(String.valueOf(metadata.get("jwks_uri")))
                    .userInfoUri((String) metadata.get("userinfo_endpoint"))
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .issuerUri(issuer)
                    .providerConfigurationMetadata(metadata)
                    .clientName(properties.label())
                    .build();
        }
    }
}
