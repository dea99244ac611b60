package org.telestation.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServerSmokeTest {

    @Autowired TestRestTemplate http;
    @Autowired JdbcTemplate jdbc;

    @Test
    void startsOnEmbeddedPostgresWithMigrationsApplied() {
        String version = jdbc.queryForObject("select version()", String.class);
        assertThat(version).startsWith("PostgreSQL");
        Integer tables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where table_name in ('patient','audit_event','station')",
                Integer.class);
        assertThat(tables).isEqualTo(3);
    }

    @Test
    void homePageIsFrenchByDefaultAndEnglishOnRequest() {
        var fr = http.getForEntity("/", String.class);
        assertThat(fr.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fr.getBody()).contains("Prendre rendez-vous");
        var en = http.getForEntity("/?lang=en", String.class);
        assertThat(en.getBody()).contains("Book an appointment");
    }

    @Test
    void protectedPagesNeedASignIn() {
        var response = http.getForEntity("/patients", String.class);
        // TestRestTemplate follows the redirect to the login page
        assertThat(response.getBody()).doesNotContain("Patients</h1>");
    }
}
