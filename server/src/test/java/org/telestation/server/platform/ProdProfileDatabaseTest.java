package org.telestation.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.telestation.server.TelestationServer;

/** The {@code prod} profile never runs on the embedded database: without {@code spring.datasource.url} it stops. */
class ProdProfileDatabaseTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedPostgresConfig.class);

    @Test
    void theServerRefusesToStartUnderProdWithoutADatasourceUrl() {
        SpringApplication server = new SpringApplication(TelestationServer.class);
        assertThatThrownBy(() -> server.run("--spring.profiles.active=prod", "--server.port=0",
                "--spring.main.banner-mode=off").close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage(EmbeddedPostgresConfig.REFUSED_IN_PROD));
    }

    @Test
    void prodAmongOtherProfilesIsRefusedToo() {
        runner.withPropertyValues("spring.profiles.active=demo,prod").run(context -> {
            assertThat(context).hasFailed();
            assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
                    .hasMessageContaining("set spring.datasource.url");
        });
    }

    @Test
    void prodWithADatasourceUrlLeavesTheEmbeddedDatabaseAside() {
        runner.withPropertyValues("spring.profiles.active=prod", "spring.datasource.url=jdbc:postgresql://db:5432/t")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(EmbeddedPostgresConfig.class);
                });
    }
}
