package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.telestation.devices.video.VideoMode;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.measurements.StationRefs;
import org.telestation.server.testsupport.Await;
import org.telestation.server.testsupport.Browser;
import org.telestation.server.testsupport.Stations;
import org.telestation.station.config.StationConfig;
import org.telestation.station.link.LiveLink;
import org.telestation.station.media.ClinicalMediaPublisher;
import org.telestation.station.media.ClinicalMedia;
import org.telestation.station.outbox.Outbox;

/**
 * Headless Chromium, signed in as the demo GP, RECEIVES the station publisher's otoscope video and stethoscope audio
 * over WebRTC, with the signalling relayed by the server's {@link MediaSignalling}. The publisher runs in this JVM
 * with the real webrtc-java native library; ICE runs over the machine's non-loopback interface (Chromium also gets
 * {@code --allow-loopback-in-peer-connection}; see docs/decisions/0007-webrtc-loopback.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ClinicalMediaBrowserTest {
    static final String[] WEBRTC_SWITCHES = {"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required"};

    @LocalServerPort int port;
    @Autowired StationService stationService;
    @Autowired StationRefs stationRefs;
    @TempDir Path dir;

    @Test
    void clinicianReceivesOtoscopeVideoAndStethoscopeAudioAndTakesASnapshot() throws Exception {
        assertThat(ClinicalMediaPublisher.hasNonLoopbackInterface()).as("this test needs a network interface other "
                + "than loopback (docs/decisions/0007-webrtc-loopback.md)").isTrue();
        Station.Credential credential = Stations.enrolNew(stationService);
        UUID stationId = stationRefs.byCode(credential.stationCode()).orElseThrow().id();
        Clock clock = Clock.systemUTC();
        VideoMode mode = new VideoMode(640, 480, 15);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        StationConfig config = StationConfig.of(Map.of(
                "telestation.server.url", "http://localhost:" + port,
                "telestation.link.heartbeat-ms", "2000",
                "telestation.media.camera", "otoscope-simulator",
                "telestation.media.stethoscope", "heart-simulator",
                "telestation.media.width", String.valueOf(mode.width()),
                "telestation.media.height", String.valueOf(mode.height()),
                "telestation.media.fps", "15"));
        try (Outbox outbox = new Outbox(dir.resolve("outbox.db"), clock, 1000, 0);
             ClinicalMedia media = ClinicalMedia.fromConfig(config, http, credential.bearer(), clock, outbox);
             Browser browser = Browser.open(port, WEBRTC_SWITCHES)) {
            media.start();
            ClinicalMediaPublisher publisher = media.publisher();
            LiveLink link = media.link();
            Await.until(Duration.ofSeconds(20), "station signalling link up", link::online);

            browser.signIn("medecin", "demo");
            browser.waitFor().until(d -> !browser.path().startsWith("/login"));
            browser.go("/consultation/media/" + stationId);

            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            Map<?, ?>[] stats = new Map<?, ?>[1];
            Await.until(Duration.ofSeconds(90), "decoded video frames and received audio samples in the page", () -> {
                stats[0] = (Map<?, ?>) js.executeAsyncScript(
                        "const done = arguments[arguments.length - 1]; window.clinicalMediaStats().then(done);");
                return ((Number) stats[0].get("framesDecoded")).longValue() > 0
                        && ((Number) stats[0].get("totalSamplesReceived")).longValue() > 0;
            });
            assertThat(((Number) stats[0].get("frameWidth")).intValue()).isEqualTo(mode.width());
            assertThat(((Number) stats[0].get("frameHeight")).intValue()).isEqualTo(mode.height());
            assertThat(stats[0].get("connectionState")).isEqualTo("connected");
            System.out.println("clinical media: time to first frame " + stats[0].get("firstFrameMs")
                    + " ms from page start (" + stats[0] + ")");
            assertThat(browser.find("#media-state").getAttribute("data-state")).isEqualTo("live");

            // The snapshot is a durable outbox item (kind IMAGE, full resolution), not a frame of the video track.
            browser.click("#media-snapshot");
            browser.waitFor().until(d -> !browser.text("#media-snapshot-result").isBlank());
            assertThat(outbox.pendingCount()).isEqualTo(1);

            // Leaving the page hangs the session up at the station.
            browser.go("/");
            Await.until(Duration.ofSeconds(20), "session closed at the station", () -> publisher.sessionCount() == 0);

            // The coordination sees no clinical media: neither the page nor the signalling socket.
            browser.driver().manage().deleteAllCookies();
            browser.signIn("coordinatrice", "demo");
            browser.waitFor().until(d -> !browser.path().startsWith("/login"));
            browser.go("/consultation/media/" + stationId);
            assertThat(browser.driver().findElements(org.openqa.selenium.By.id("clinical-media"))).isEmpty();
            Object socket = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "const ws = new WebSocket(location.origin.replace('http', 'ws') + '/ws/media/' + arguments[0]);"
                    + "ws.onopen = () => done('open'); ws.onerror = () => done('refused');", stationId.toString());
            assertThat(socket).isEqualTo("refused");
            assertThat(publisher.sessionCount()).isZero();
        }
    }
}
