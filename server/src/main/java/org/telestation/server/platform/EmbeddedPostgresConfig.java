package org.telestation.server.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Runs a real PostgreSQL inside the JVM's process tree when no external database is configured, so that the demo and
 * the tests need nothing installed. Production points {@code spring.datasource.url} at a managed PostgreSQL and this
 * configuration stands aside. Under the {@code prod} profile it refuses to start: a forgotten URL must not put
 * patient data on a database that lives in the server's temporary files.
 */
@Configuration(proxyBeanMethods = false)
// Only when no datasource URL is set: @ConditionalOnProperty(havingValue = "") would match ANY non-"false" URL and
// silently put production on a throw-away database.
@ConditionalOnExpression("'${spring.datasource.url:}'.trim().isEmpty()")
@EnableConfigurationProperties(EmbeddedPostgresConfig.EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    static final String REFUSED_IN_PROD = "The prod profile needs an external PostgreSQL: set spring.datasource.url "
            + "(SPRING_DATASOURCE_URL, see docs/operations.md). The embedded database is for demos and tests only.";

    EmbeddedPostgresConfig(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException(REFUSED_IN_PROD);
        }
    }

    /**
     * @param dataDirectory where the cluster lives; empty means a throw-away directory (tests)
     * @param port          0 picks a free port
     */
    @ConfigurationProperties("telestation.embedded-database")
    record EmbeddedDatabaseProperties(String dataDirectory, int port) {}

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (properties.dataDirectory() != null && !properties.dataDirectory().isBlank()) {
            Path dir = Path.of(properties.dataDirectory()).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started on port {}", postgres.getPort());
        return postgres;
    }

    /** A pooled data source, as in production, so that concurrency behaves the same way in tests. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("embedded");
        return new HikariDataSource(config);
    }
}
