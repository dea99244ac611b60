package org.telestation.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.datasource.url} set, the server uses that PostgreSQL and starts no embedded one. The "external"
 * server here is a PostgreSQL started by the test itself, reached only through its JDBC URL, as a managed one would be.
 */
@SpringBootTest
class ExternalDatabaseTest {

    static EmbeddedPostgres external;

    @BeforeAll
    static void startExternalPostgres() throws Exception {
        external = EmbeddedPostgres.builder().start();
        try (var c = external.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create role telestation login password 'external-secret'");
            s.execute("create database telestation owner telestation");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        external.close();
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> external.getJdbcUrl("telestation", "telestation"));
        registry.add("spring.datasource.username", () -> "telestation");
        registry.add("spring.datasource.password", () -> "external-secret");
    }

    @Autowired ApplicationContext context;
    @Autowired JdbcTemplate jdbc;

    @Test
    void usesTheConfiguredDatabaseAndStartsNoEmbeddedOne() {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("telestation");
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("telestation");
        // Flyway migrated the external database.
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(4);
    }
}
