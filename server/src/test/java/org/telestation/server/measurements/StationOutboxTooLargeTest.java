package org.telestation.server.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.testsupport.Stations;
import org.telestation.station.link.Backoff;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.outbox.OutboxItem;
import org.telestation.station.outbox.OutboxState;
import org.telestation.station.outbox.OutboxUploader;

/**
 * The station's real uploader against the real server whose station batch limit was set to 1 MiB (as an operator
 * or a proxy might): the server answers 413 to the batch carrying a 1.2 MB photo, the station splits it, the
 * measurements before and after the photo are stored once each, and the photo, refused alone, is failed on the
 * station instead of blocking its outbox. The bodies stay under Tomcat's 2 MiB swallow limit, so the 413 arrives
 * rather than a cut connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "telestation.api.max-station-batch-bytes=1048576")
class StationOutboxTooLargeTest {
    @LocalServerPort int port;
    @Autowired StationService stations;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    @Test
    void aBatchOverTheServersLimitIsSplitAndOnlyThePhotoRefusedAloneFails() throws Exception {
        Station.Credential station = Stations.enrolNew(stations);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (Outbox outbox = new Outbox(dir.resolve("outbox.db"), Clock.systemUTC(), 1000, 0)) {
            List<String> measurements = new ArrayList<>();
            for (int i = 0; i < 10; i++) measurements.add(measurement(outbox, i));
            OutboxItem photo = outbox.enqueue("otoscope:SIM-1", "IMAGE", "image/jpeg", new byte[1_200_000]);
            for (int i = 10; i < 20; i++) measurements.add(measurement(outbox, i));
            OutboxUploader uploader = new OutboxUploader(outbox, http, URI.create("http://localhost:" + port),
                    station.bearer(), Clock.systemUTC(), new Backoff(Duration.ofMillis(10), Duration.ofMillis(100),
                    new Random()), Duration.ofSeconds(30));

            assertThat(uploader.drainOnce()).as("the whole claimed batch settled at once").isEqualTo(21);

            assertThat(storedKeys(station)).as("each measurement stored once, in capture order")
                    .containsExactlyElementsOf(measurements);
            OutboxItem failed = outbox.recent(50).stream()
                    .filter(i -> i.idempotencyKey().equals(photo.idempotencyKey())).findFirst().orElseThrow();
            assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
            assertThat(failed.lastError()).isEqualTo(OutboxUploader.TOO_LARGE_ERROR);
            assertThat(outbox.pendingCount()).isZero();
            assertThat(uploader.lastError()).isNull();
        }
    }

    private static String measurement(Outbox outbox, int n) throws Exception {
        byte[] json = ("{\"sign\":\"OXYGEN_SATURATION\",\"value\":" + (90 + n % 10) + "}")
                .getBytes(StandardCharsets.UTF_8);
        return outbox.enqueue("pulse_oximeter:SIM-1", "MEASUREMENT", "application/json", json).idempotencyKey();
    }

    private List<String> storedKeys(Station.Credential station) {
        return jdbc.sql("""
                        select i.idempotency_key::text from station_item i join station s on s.id = i.station_id
                        where s.code = :c order by i.id""")
                .param("c", station.stationCode()).query(String.class).list();
    }
}
