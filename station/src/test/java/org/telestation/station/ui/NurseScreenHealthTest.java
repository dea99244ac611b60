package org.telestation.station.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telestation.station.StationAgent;
import org.telestation.station.config.Credential;
import org.telestation.station.config.StationConfig;

/**
 * {@code GET /health}, what telestation-station-health.timer asks every minute (deploy/systemd): 200 while the agent
 * runs, even with the server unreachable (a cart offline must not be restarted for that), and an error once the
 * outbox cannot be read, so the timer restarts the agent.
 */
class NurseScreenHealthTest {
    @TempDir Path dir;
    StationAgent agent;
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() throws Exception {
        if (agent != null) agent.close();
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.uiPort() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWhileTheAgentRunsAndFailsOnceTheOutboxCannotBeRead() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        agent = new StationAgent(StationConfig.of(Map.of(
                "telestation.server.url", "http://localhost:" + deadPort,
                "telestation.credential.file", writeCredential().toString(),
                "telestation.outbox.file", dir.resolve("outbox.db").toString(),
                "telestation.ui.port", "0")), Clock.systemUTC());
        agent.start();

        HttpResponse<String> up = health();
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).contains("\"status\":\"UP\"").contains("\"pending\":0");

        agent.outbox().close();
        assertThat(health().statusCode()).isEqualTo(500);
    }

    private Path writeCredential() throws Exception {
        Path file = dir.resolve("credential.properties");
        new Credential("CHR-01", "s3cr3t").write(file);
        return file;
    }
}
