package org.telestation.server.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.telestation.server.consultation.LiveBus;
import org.telestation.server.consultation.LiveFrame;
import org.telestation.server.testsupport.Await;
import org.telestation.server.testsupport.StationAuthStandIn;
import org.telestation.station.StationAgent;
import org.telestation.station.config.StationConfig;
import org.telestation.station.link.LiveBatch;
import org.telestation.station.link.LiveFrameCodec;
import org.telestation.station.outbox.OutboxItem;
import org.telestation.station.outbox.OutboxState;

/**
 * A real station agent (in this JVM) enrols with the real server, streams live frames over its WebSocket and
 * uploads captured measurements through its outbox; the server stores each exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(StationAuthStandIn.class)
class StationAgentEndToEndTest {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired LiveBus bus;
    @TempDir Path dir;

    @Test
    void agentEnrolsStreamsLiveAndDeliversCapturesExactlyOnce() throws Exception {
        UUID stationId = StationAuthStandIn.createStation(jdbc, encoder, "CHR-E2E-01", "ENROL-0001");
        List<LiveFrame> frames = new CopyOnWriteArrayList<>();
        try (var subscription = bus.subscribe(stationId, frames::add);
             StationAgent agent = new StationAgent(StationConfig.of(Map.of(
                     "telestation.server.url", "http://localhost:" + port,
                     "telestation.station.code", "CHR-E2E-01",
                     "telestation.enrolment.code", "ENROL-0001",
                     "telestation.credential.file", dir.resolve("credential.properties").toString(),
                     "telestation.outbox.file", dir.resolve("outbox.db").toString(),
                     "telestation.outbox.min-free-disk-mb", "0",
                     "telestation.ui.port", "0",
                     "telestation.link.heartbeat-ms", "200",
                     "telestation.device.oximeter.protocol", "synthetic-oximeter")), Clock.systemUTC())) {
            agent.start();

            Path credential = dir.resolve("credential.properties");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credential))).isEqualTo("rw-------");
            assertThat(jdbc.sql("select enrolment_code_hash is null and secret_hash is not null from station where id = :id")
                    .param("id", stationId).query(Boolean.class).single()).as("enrolment code used up").isTrue();

            // Live: sample frames with pleth and spot values, and a status message, reach a LiveBus subscriber.
            Await.until(Duration.ofSeconds(20), "live pleth and SpO2 on the bus", () -> decoded(frames).stream()
                    .anyMatch(e -> e instanceof LiveBatch.Spot s && s.sign().equals("OXYGEN_SATURATION"))
                    && decoded(frames).stream().anyMatch(e -> e instanceof LiveBatch.Waveform w
                    && w.channel().equals("PLETH") && w.sampleRateHz() == 100f));
            Await.until(Duration.ofSeconds(10), "device status on the bus", () -> frames.stream()
                    .anyMatch(f -> f.kind() == LiveFrame.Kind.STATUS
                            && new String(f.payload(), StandardCharsets.UTF_8).contains("\"state\":\"CONNECTED\"")));
            Await.until(Duration.ofSeconds(10), "a clock offset estimate", () -> agent.link().clockOffset().hasEstimate());
            // Same machine, same clock: the NTP-style estimate must be close to zero.
            assertThat(Math.abs(agent.link().clockOffset().offsetMs())).isLessThan(1000);
            LiveBatch first = LiveFrameCodec.decode(frames.stream().filter(f -> f.kind() == LiveFrame.Kind.SAMPLES)
                    .findFirst().orElseThrow().payload());
            assertThat(first.stationTimeMs()).isPositive();
            // End-to-end delay of each frame on the server's clock, once the offset is estimated (reported, not
            // asserted: no timing in tests).
            int settled = frames.size();
            Await.until(Duration.ofSeconds(20), "50 more frames", () -> frames.size() >= settled + 50);
            long[] delays = frames.subList(settled, frames.size()).stream()
                    .filter(f -> f.kind() == LiveFrame.Kind.SAMPLES).mapToLong(f -> {
                try {
                    LiveBatch b = LiveFrameCodec.decode(f.payload());
                    return f.receivedAt().toEpochMilli() - (b.stationTimeMs() + b.clockOffsetMs());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }).sorted().toArray();
            org.slf4j.LoggerFactory.getLogger(getClass()).info("LIVE DELAY over {} frames: min {} ms, median {} ms, max {} ms",
                    delays.length, delays[0], delays[delays.length / 2], delays[delays.length - 1]);

            // Durable: a capture lands in the outbox, then in station_item, acknowledged per key.
            String deviceId = agent.hub().statuses().get(0).device().id();
            List<OutboxItem> captured = agent.hub().capture(deviceId);
            assertThat(captured).extracting(OutboxItem::kind).containsOnly("MEASUREMENT").hasSize(2);
            Await.until(Duration.ofSeconds(20), "captures acknowledged", () -> {
                try {
                    return agent.outbox().countByState().get(OutboxState.ACKNOWLEDGED) == captured.size();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            for (OutboxItem item : captured) {
                var row = jdbc.sql("select stream, stream_seq, kind, convert_from(payload, 'UTF8') as json "
                                + "from station_item where idempotency_key = :k and station_id = :s")
                        .param("k", UUID.fromString(item.idempotencyKey())).param("s", stationId).query().singleRow();
                assertThat(row.get("stream")).isEqualTo(deviceId);
                assertThat(row.get("stream_seq")).isEqualTo(item.streamSeq());
                assertThat((String) row.get("json")).contains("\"origin\":\"NURSE_CAPTURE\"").contains("\"loinc\":");
            }

            // Resending the same keys (a lost acknowledgement) stores nothing new.
            String bearer = Files.readAllLines(credential).stream().filter(l -> l.startsWith("secret="))
                    .map(l -> "CHR-E2E-01:" + l.substring(7)).findFirst().orElseThrow();
            String body = "{\"items\":[{\"key\":\"" + captured.get(0).idempotencyKey() + "\",\"stream\":\"" + deviceId
                    + "\",\"streamSeq\":" + captured.get(0).streamSeq() + ",\"kind\":\"MEASUREMENT\","
                    + "\"contentType\":\"application/json\",\"capturedAt\":\"2026-11-22T10:00:00Z\",\"payload\":\"e30=\"}]}";
            HttpResponse<String> resend = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/station/outbox"))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(resend.statusCode()).isEqualTo(200);
            assertThat(resend.body()).contains("\"status\":\"DUPLICATE\"");
            assertThat(jdbc.sql("select count(*) from station_item where station_id = :s").param("s", stationId)
                    .query(Long.class).single()).isEqualTo(captured.size());
        }
    }

    private static List<LiveBatch.Entry> decoded(List<LiveFrame> frames) {
        return frames.stream().filter(f -> f.kind() == LiveFrame.Kind.SAMPLES).flatMap(f -> {
            try {
                return LiveFrameCodec.decode(f.payload()).entries().stream();
            } catch (Exception e) {
                throw new AssertionError("the server forwarded a malformed frame", e);
            }
        }).toList();
    }
}
