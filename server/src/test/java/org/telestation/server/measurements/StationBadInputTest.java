package org.telestation.server.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.telestation.server.directory.StationService;
import org.telestation.server.testsupport.Stations;

/** Whatever a station (or an impostor) sends, the server answers 4xx or per-item refusals and stores nothing bad. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationBadInputTest {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired StationService stations;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    UUID stationId;
    String bearer;

    @BeforeEach
    void enrolAStation() throws Exception {
        String code = "CHR-BAD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = Stations.create(stations, code);
        stationId = created.station().id();
        HttpResponse<String> r = post("/api/station/enrol", null,
                "{\"stationCode\":\"" + code + "\",\"enrolmentCode\":\"" + created.enrolmentCode() + "\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        bearer = code + ":" + r.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
    }

    HttpResponse<String> post(String path, String auth, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) b.header("Authorization", "Bearer " + auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String item(String key, String stream, long seq, String kind, String payload) {
        return "{\"key\":\"" + key + "\",\"stream\":\"" + stream + "\",\"streamSeq\":" + seq + ",\"kind\":\"" + kind
                + "\",\"contentType\":\"application/json\",\"capturedAt\":\"2026-11-22T10:00:00Z\",\"payload\":\""
                + payload + "\"}";
    }

    long rows() {
        return jdbc.sql("select count(*) from station_item where station_id = :s").param("s", stationId)
                .query(Long.class).single();
    }

    @Test
    void uploadsNeedAStationCredential() throws Exception {
        assertThat(post("/api/station/outbox", null, "{\"items\":[]}").statusCode()).isEqualTo(401);
        assertThat(post("/api/station/outbox", "CHR-NOPE:wrong", "{\"items\":[]}").statusCode()).isEqualTo(401);
        assertThat(post("/api/station/enrol", null, "{\"stationCode\":\"CHR-NOPE\",\"enrolmentCode\":\"x\"}")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void malformedOrOversizeBatchesAreRefusedWhole() throws Exception {
        assertThat(post("/api/station/outbox", bearer, "{\"items\":[").statusCode()).isEqualTo(400);
        assertThat(post("/api/station/outbox", bearer, "{}").statusCode()).isEqualTo(400);
        StringBuilder big = new StringBuilder("{\"items\":[");
        for (int i = 1; i <= 501; i++) {
            if (i > 1) big.append(',');
            big.append(item(UUID.randomUUID().toString(), "s", i, "MEASUREMENT", "e30="));
        }
        assertThat(post("/api/station/outbox", bearer, big.append("]}").toString()).statusCode()).isEqualTo(413);
        assertThat(rows()).isZero();
    }

    @Test
    void badItemsAreRefusedOneByOneAndGoodOnesStored() throws Exception {
        String good = UUID.randomUUID().toString();
        String badKind = UUID.randomUUID().toString();
        String badPayload = UUID.randomUUID().toString();
        String body = "{\"items\":[" + item(good, "s", 1, "MEASUREMENT", "e30=") + ","
                + item(badKind, "s", 2, "VIRUS", "e30=") + ","
                + item(badPayload, "s", 3, "MEASUREMENT", "!!not base64!!") + ","
                + item("not-a-uuid", "s", 4, "MEASUREMENT", "e30=") + ","
                + item(UUID.randomUUID().toString(), "s", 1, "MEASUREMENT", "e30=") + ","
                + item(UUID.randomUUID().toString(), "x".repeat(101), 1, "MEASUREMENT", "e30=") + "]}";
        HttpResponse<String> r = post("/api/station/outbox", bearer, body);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("{\"key\":\"" + good + "\",\"status\":\"STORED\"")
                .contains("kind must be one of").contains("payload is not base64").contains("key must be a UUID")
                .contains("stream position s#1 already used").contains("stream must have 1 to 100 characters");
        assertThat(r.body().split("REJECTED", -1)).hasSize(6);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void liveLinkNeedsACredentialAndSurvivesGarbage() throws Exception {
        URI live = URI.create("ws://localhost:" + port + "/api/station/live");
        assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(live, new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS)).rootCause().hasMessageContaining("status code 401");

        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + bearer)
                .buildAsync(live, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        received.add(data.toString());
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"welcome\"").contains(stationId.toString());
        ws.sendText("{not json", true).get();
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"error\"");
        ws.sendBinary(ByteBuffer.wrap(new byte[] {'X', 'Y', 1, 1, 0, 0}), true).get();
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("malformed live frame");
        ws.sendText("{\"type\":\"ping\",\"id\":7,\"t0\":123}", true).get();
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"pong\"").contains("\"id\":7")
                .contains("\"t0\":123").contains("\"t1\":");
        ws.abort();

        // A station credential does not open a viewer feed (professionals only).
        URI viewer = URI.create("ws://localhost:" + port + "/ws/consultation/" + java.util.UUID.randomUUID() + "/live");
        assertThatThrownBy(() -> http.newWebSocketBuilder().header("Authorization", "Bearer " + bearer)
                .buildAsync(viewer, new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS))
                .rootCause().hasMessageContaining("Unexpected HTTP response status code");
    }
}
