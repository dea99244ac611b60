package org.telestation.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.directory.Rpps;

/**
 * The whole OIDC redirect flow against a real provider (mock-oauth2-server over HTTP), configured the way Pro Santé
 * Connect is (standards.md §5.8): custom discovery URL, PKCE S256, {@code acr_values=eidas1},
 * {@code scope=openid scope_all}, national id claim {@code SubjectNameID} = "8" + RPPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "telestation.oidc.enabled=true", "telestation.oidc.client-id=telestation",
        "telestation.oidc.client-secret=s3cret"})
class OidcLoginTest {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("telestation.oidc.issuer", () -> PROVIDER.issuerUrl("psc").toString());
        // PSC publishes .well-known/wallet-openid-configuration; the property takes any URL.
        registry.add("telestation.oidc.discovery-uri", () -> PROVIDER.wellKnownUrl("psc").toString());
    }

    @AfterAll
    static void stop() {
        PROVIDER.shutdown();
    }

    @LocalServerPort int port;
    @Autowired ProfessionalService professionals;
    @Autowired AccountService accounts;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    record Flow(List<URI> visited, int status, String body) {}

    /** Follows redirects by hand so that every URL of the flow can be inspected. */
    private Flow signIn(String nationalId) throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("psc", UUID.randomUUID().toString(), "JWT",
                List.of("telestation"), Map.of("SubjectNameID", nationalId, "acr", "eidas1"), 3600));
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<URI> visited = new ArrayList<>();
        HttpResponse<String> response = null;
        URI next = URI.create("http://localhost:" + port + "/oauth2/authorization/psc");
        for (int hop = 0; hop < 10 && next != null; hop++) {
            visited.add(next);
            response = http.send(HttpRequest.newBuilder(next).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            next = response.headers().firstValue("Location").map(next::resolve).orElse(null);
        }
        return new Flow(visited, response.statusCode(), response.body());
    }

    private static URI authorizationRequest(List<URI> visited) {
        return visited.stream().filter(u -> u.getPath() != null && u.getPath().endsWith("/psc/authorize"))
                .findFirst().orElseThrow();
    }

    @Test
    void theProfessionalWhoseRppsIsInTheTokenIsSignedInWithTheAccountRole() throws Exception {
        String rpps = Rpps.withCheckDigit(String.valueOf(2_000_000_000L + (System.nanoTime() % 999_999_999L)));
        Professional pro = professionals.create(new Professional.Draft(rpps, "CONNECT", "Pro", Professional.Profession.MEDECIN,
                List.of(Professional.Speciality.CARDIOLOGIE), null, null, null));
        accounts.create(new Account.Draft("cardio-psc", null, "Dr Pro Connect", null, Role.SPECIALIST, pro.id()));

        Flow flow = signIn("8" + rpps);
        List<URI> visited = flow.visited();

        var query = UriComponentsBuilder.fromUri(authorizationRequest(visited)).build().getQueryParams();
        assertThat(query.getFirst("acr_values")).isEqualTo("eidas1");
        assertThat(query.getFirst("code_challenge")).isNotBlank();
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(java.net.URLDecoder.decode(query.getFirst("scope"), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("openid scope_all");
        assertThat(query.getFirst("response_type")).isEqualTo("code");

        assertThat(visited).anyMatch(u -> u.getPath() != null && u.getPath().startsWith("/login/oauth2/code/psc"));
        assertThat(flow.status()).isEqualTo(200);
        // the page header shows the signed-in account's name
        assertThat(flow.body()).contains("<span class=\"who\">cardio-psc</span>");
        assertThat(jdbc.sql("select outcome || ' ' || actor_role || ' ' || detail from audit_event "
                + "where action = 'LOGIN' and actor = 'cardio-psc'").query(String.class).list())
                .containsExactly("SUCCESS SPECIALIST oidc");
    }

    @Test
    void anUnknownRppsIsRefusedWithAClearPage() throws Exception {
        long refusals = oidcRefusals();
        Flow flow = signIn("8" + Rpps.withCheckDigit("3999999999"));
        assertThat(flow.visited()).anyMatch(u -> "/login/oidc-refused".equals(u.getPath()));
        assertThat(flow.body()).contains("n&#39;est rattaché à aucun compte Telestation");
        assertThat(oidcRefusals()).as("sign-in audited as a failure").isEqualTo(refusals + 1);
    }

    private long oidcRefusals() {
        return jdbc.sql("select count(*) from audit_event where action = 'LOGIN' and outcome = 'FAILURE' "
                + "and detail like 'oidc: %'").query(Long.class).single();
    }
}
