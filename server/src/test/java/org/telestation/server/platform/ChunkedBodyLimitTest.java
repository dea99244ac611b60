package org.telestation.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.testsupport.ServerTest;
import org.telestation.server.testsupport.Stations;

/**
 * A JSON body sent without Content-Length (chunked transfer encoding) is held to the same 1 MiB limit on
 * {@code /api/**} as one that declares its length: counted as it is read, 413 problem detail past the limit, nothing
 * written. Real HTTP: MockMvc would not send chunks.
 */
@ServerTest
class ChunkedBodyLimitTest {

    @LocalServerPort int port;
    @Autowired StationService stations;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aChunkedBatchOverTheLimitIs413AndNothingIsWritten() throws Exception {
        Station.Credential station = Stations.enrolNew(stations);
        StringBuilder body = new StringBuilder("{\"items\":[");
        for (int i = 1; i <= 450; i++) {
            if (i > 1) body.append(',');
            // ~3 KiB per item, under the 500-items cap: only the byte count can refuse this batch.
            body.append(item(i, "A".repeat(3000)));
        }
        byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isBetween(1_048_577, 2_000_000);

        HttpResponse<String> r = postChunked(station, bytes);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":413").contains("error.too-large");
        assertThat(rows(station)).isZero();
    }

    @Test
    void aChunkedBatchUnderTheLimitIsTakenAsUsual() throws Exception {
        Station.Credential station = Stations.enrolNew(stations);
        byte[] bytes = ("{\"items\":[" + item(1, "e30=") + "]}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = postChunked(station, bytes);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(rows(station)).isEqualTo(1);
    }

    private HttpResponse<String> postChunked(Station.Credential station, byte[] body) throws Exception {
        // ofInputStream has no known length: the client sends Transfer-Encoding: chunked.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/station/outbox"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + station.bearer())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        assertThat(request.bodyPublisher().orElseThrow().contentLength()).as("unknown length: chunked").isNegative();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private long rows(Station.Credential station) {
        return jdbc.sql("select count(*) from station_item i join station s on s.id = i.station_id where s.code = :c")
                .param("c", station.stationCode()).query(Long.class).single();
    }

    private static String item(long seq, String payload) {
        return "{\"key\":\"" + UUID.randomUUID() + "\",\"stream\":\"s\",\"streamSeq\":" + seq
                + ",\"kind\":\"MEASUREMENT\",\"contentType\":\"application/json\","
                + "\"capturedAt\":\"2026-11-22T10:00:00Z\",\"payload\":\"" + payload + "\"}";
    }
}
