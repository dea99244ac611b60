package org.telestation.server.measurements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telestation.devices.ecg.DicomEcgReader;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.server.consultation.LiveBus;
import org.telestation.server.consultation.LiveFrame;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.testsupport.Await;
import org.telestation.server.testsupport.LiveFrames;
import org.telestation.server.testsupport.Stations;
import org.telestation.station.StationAgent;
import org.telestation.station.config.Credential;
import org.telestation.station.config.StationConfig;
import org.telestation.station.demo.DemoMode;
import org.telestation.station.link.LiveBatch;
import org.telestation.station.link.LiveFrameCodec;
import org.telestation.station.outbox.OutboxItem;
import org.telestation.station.outbox.OutboxState;
import org.telestation.station.source.EcgSource;

/**
 * A station agent in demo mode (every simulator attached; the serial oximeters over socat pty pairs read by the real
 * transport and decoders) connects to the real server: the server receives live frames decoded by the Nonin codec
 * path, and a captured SpO2 and a 12-lead ECG land in {@code station_item}. Needs Debian {@code socat}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StationDemoEndToEndTest {
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired StationService stations;
    @Autowired LiveBus bus;
    @TempDir Path dir;

    @Test
    void demoStationStreamsNoninFramesAndDeliversSpo2AndEcgToTheServer() throws Exception {
        Station.Credential credential = Stations.enrolNew(stations);
        UUID stationId = jdbc.sql("select id from station where code = :c").param("c", credential.stationCode())
                .query(UUID.class).single();
        new Credential(credential.stationCode(), credential.secret()).write(dir.resolve("credential.properties"));
        List<LiveFrame> frames = new CopyOnWriteArrayList<>();
        try (var subscription = bus.subscribe(stationId, frames::add);
             StationAgent agent = new StationAgent(StationConfig.of(Map.of(
                     "telestation.demo", "true",
                     "telestation.demo.dir", dir.resolve("demo").toString(),
                     "telestation.server.url", "http://localhost:" + port,
                     "telestation.credential.file", dir.resolve("credential.properties").toString(),
                     "telestation.outbox.file", dir.resolve("outbox.db").toString(),
                     "telestation.outbox.min-free-disk-mb", "0",
                     "telestation.ui.port", "0",
                     "telestation.link.heartbeat-ms", "500")), Clock.systemUTC())) {
            agent.start();
            String noninPort = agent.demo().config().get("telestation.device." + DemoMode.NONIN + ".port");
            String nonin = "pulse_oximeter:" + noninPort;
            assertThat(agent.demo().serialLink(DemoMode.NONIN).stationEnd()).isEqualTo(noninPort);

            // Live: pleth at Nonin DF2's 75 Hz and SpO2 from the Nonin device, decoded from the bytes on the pty.
            Await.until(Duration.ofSeconds(30), "Nonin pleth and SpO2 on the server's bus", () -> {
                List<LiveBatch.Entry> entries = LiveFrames.decoded(frames);
                return entries.stream().anyMatch(e -> e instanceof LiveBatch.Waveform w && w.deviceId().equals(nonin)
                        && w.channel().equals("PLETH") && w.sampleRateHz() == 75f)
                        && entries.stream().anyMatch(e -> e instanceof LiveBatch.Spot s && s.deviceId().equals(nonin)
                        && s.sign().equals("OXYGEN_SATURATION") && s.value() >= 90 && s.value() <= 100);
            });
            Await.until(Duration.ofSeconds(10), "Nonin status on the bus", () -> frames.stream()
                    .anyMatch(f -> f.kind() == LiveFrame.Kind.STATUS
                            && new String(f.payload(), StandardCharsets.UTF_8).contains(nonin)));
            assertThat(agent.hub().statuses()).extracting(s -> s.device().kind().name())
                    .contains("PULSE_OXIMETER", "ECG_12_LEAD", "STETHOSCOPE", "OTOSCOPE", "RETINOGRAPH");
            assertThat(agent.hub().statuses()).filteredOn(s -> "Simulateur (liaison série)".equals(s.diagnostic()))
                    .extracting(s -> s.device().model()).containsExactlyInAnyOrder("Nonin data format 2",
                            "Contec CMS50 protocol V7.0", "Masimo Rad-8 / Radical-7 ASCII");
            assertThat(agent.hub().statuses()).extracting(s -> s.device().kind().name())
                    .contains("BLOOD_PRESSURE_MONITOR", "THERMOMETER");

            // Durable: the nurse records the Nonin's values; the SpO2 row is in the server's table.
            List<OutboxItem> captured = agent.hub().capture(nonin);
            assertThat(captured).isNotEmpty();
            String ecg = agent.hub().statuses().stream().filter(s -> s.device().kind().name().equals("ECG_12_LEAD"))
                    .findFirst().orElseThrow().device().id();
            assertThat(agent.hub().perform(ecg, EcgSource.RECORD_ACTION)).contains("ECG");
            Await.until(Duration.ofSeconds(40), "SpO2 and ECG acknowledged", () -> {
                try {
                    return agent.outbox().countByState().get(OutboxState.ACKNOWLEDGED) == captured.size() + 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String spo2 = jdbc.sql("select convert_from(payload, 'UTF8') from station_item where station_id = :s "
                            + "and stream = :d and kind = 'MEASUREMENT' and convert_from(payload, 'UTF8') like :sign")
                    .param("s", stationId).param("d", nonin).param("sign", "%\"sign\":\"OXYGEN_SATURATION\"%")
                    .query(String.class).single();
            assertThat(spo2).contains("\"loinc\":\"2708-6\"").contains("\"origin\":\"NURSE_CAPTURE\"")
                    .contains("\"model\":\"Nonin data format 2\"").containsPattern("\"value\":(9\\d|100)\\.0");

            // The ECG: one DICOM 12-lead object of 10 s; its lead II was streamed live while recording.
            var ecgRow = jdbc.sql("select content_type, payload from station_item where station_id = :s and kind = 'ECG'")
                    .param("s", stationId).query().singleRow();
            assertThat(ecgRow.get("content_type")).isEqualTo("application/dicom");
            EcgRecording recording = DicomEcgReader.read((byte[]) ecgRow.get("payload"));
            assertThat(recording.channels()).hasSize(12);
            assertThat(recording.duration()).isEqualTo(Duration.ofSeconds(10));
            assertThat(LiveFrames.decoded(frames)).anyMatch(e -> e instanceof LiveBatch.Waveform w && w.deviceId().equals(ecg)
                    && w.channel().equals("II") && w.sampleRateHz() == 500f);
        }
    }
}
