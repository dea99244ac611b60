package org.telestation.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.telestation.server.testsupport.ServerTest;

/** Form sign-ins leave LOGIN audit rows in the username's name, SUCCESS or FAILURE, never with the password. */
@ServerTest
class SignInAuditTest {

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired JdbcClient jdbc;

    private List<Map<String, Object>> loginRows(String actor) {
        return jdbc.sql("select actor, actor_role, resource_type, outcome, source_ip, detail from audit_event "
                + "where action = 'LOGIN' and actor = :a order by id").param("a", actor).query().listOfRows();
    }

    private void signIn(String username, String password) throws Exception {
        mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr("10.9.0.1");
                    return r;
                }));
    }

    @Test
    void aSuccessfulSignInIsAuditedWithTheAccountRole() throws Exception {
        String username = "audit-ok-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Account.Draft(username, "correct-horse", "Test", null, Role.GP, null));

        mvc.perform(post("/login").param("username", username).param("password", "correct-horse").with(csrf()))
                .andExpect(authenticated().withUsername(username));

        assertThat(loginRows(username)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("outcome", "SUCCESS").containsEntry("actor_role", "GP")
                    .containsEntry("resource_type", "Account").containsEntry("detail", "form");
        });
    }

    @Test
    void wrongPasswordsAndUnknownUsersAreAuditedAsFailuresWithoutThePassword() throws Exception {
        String username = "audit-ko-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Account.Draft(username, "correct-horse", "Test", null, Role.NURSE, null));
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        signIn(username, "typed-secret-1");
        signIn(unknown, "typed-secret-2");

        assertThat(loginRows(username)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("outcome", "FAILURE").containsEntry("actor_role", "ANONYMOUS")
                .containsEntry("source_ip", "10.9.0.1").containsEntry("detail", "form: BadCredentialsException"));
        assertThat(loginRows(unknown)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("outcome", "FAILURE"));
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%typed-secret%' "
                + "or actor like '%typed-secret%' or resource_id like '%typed-secret%'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aSignInRefusedForALockedAccountIsAFailureToo() throws Exception {
        String username = "audit-lock-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Account.Draft(username, "correct-horse", "Test", null, Role.NURSE, null));
        for (int i = 0; i < 5; i++) signIn(username, "wrong");
        mvc.perform(post("/login").param("username", username).param("password", "correct-horse").with(csrf())
                        .with(r -> {
                            r.setRemoteAddr("10.9.0.2");
                            return r;
                        }))
                .andExpect(redirectedUrl("/login?locked"));

        assertThat(loginRows(username)).hasSize(6).last()
                .satisfies(row -> assertThat(row).containsEntry("detail", "form: LockedException"));
    }
}
