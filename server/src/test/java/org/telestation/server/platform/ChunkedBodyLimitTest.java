package org.telestation.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
 * JSON bodies sent without Content-Length (chunked transfer encoding) are held to the same limits as those that
 * declare their length, counted as they are read: 1 MiB on {@code /api/**}, 64 MiB on the station outbox, whose
 * batches carry ECG files, photos and sound clips — a 413 problem detail past the limit, nothing written. Real HTTP:
 * MockMvc would not send chunks.
 */
@ServerTest
class ChunkedBodyLimitTest {

    @LocalServerPort int port;
    @Autowired StationService stations;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aChunkedBodyOverOneMebibyteIs413OnTheApiAndNothingHappens() throws Exception {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Station.WithEnrolmentCode created = Stations.create(stations, code);
        // A right station code and enrolment code, padded past 1 MiB by an extra field.
        byte[] bytes = ("{\"stationCode\":\"" + code + "\",\"enrolmentCode\":\"" + created.enrolmentCode()
                + "\",\"padding\":\"" + "A".repeat(1_300_000) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = postChunked("/api/station/enrol", null, bytes);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(r.body()).contains("\"status\":413").contains("error.too-large");
        assertThat(stations.enrol(code, created.enrolmentCode())).as("the enrolment code was not spent").isPresent();
    }

    @Test
    void aChunkedStationBatchOfTwoMegabytesOfCapturesIsTaken() throws Exception {
        Station.Credential station = Stations.enrolNew(stations);
        String photo = Base64.getEncoder().encodeToString(new byte[1_500_000]); // a photo-sized capture, ~2 MB base64
        byte[] bytes = ("{\"items\":[" + item(1, photo) + "," + item(2, "e30=") + "]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(1_048_576);

        HttpResponse<String> r = postChunked("/api/station/outbox", station, bytes);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(rows(station)).isEqualTo(2);
    }

    @Test
    void aChunkedStationBatchOverSixtyFourMebibytesIs413AndNothingIsWritten() throws Exception {
        Station.Credential station = Stations.enrolNew(stations);
        String big = "A".repeat(33 * 1024 * 1024);
        byte[] bytes = ("{\"items\":[" + item(1, big) + "," + item(2, big) + "]}").getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isGreaterThan(64 * 1024 * 1024);

        // Tomcat answers 413 and, with tens of megabytes still unsent (over its swallow limit), closes the
        // connection: the client sees either the answer or the cut. Either way nothing is written.
        try {
            HttpResponse<String> r = postChunked("/api/station/outbox", station, bytes);
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(r.body()).contains("error.too-large");
        } catch (java.io.IOException cutByTheServer) {
            // the connection was closed before the answer could be read
        }
        assertThat(rows(station)).isZero();
    }

    private HttpResponse<String> postChunked(String path, Station.Credential station, byte[] body) throws Exception {
        // ofInputStream has no known length: the client sends Transfer-Encoding: chunked.
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (station != null) builder.header("Authorization", "Bearer " + station.bearer());
        HttpRequest request = builder.build();
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
