package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telestation.devices.video.VideoMode;
import org.telestation.server.security.Account;
import org.telestation.server.security.AccountService;
import org.telestation.server.security.Role;
import org.telestation.server.testsupport.Await;
import org.telestation.server.testsupport.Browser;
import org.telestation.server.testsupport.ServerTest;
import org.telestation.station.config.StationConfig;
import org.telestation.station.link.LiveLink;
import org.telestation.station.media.ClinicalMediaPublisher;
import org.telestation.station.media.ClinicalMedia;
import org.telestation.station.outbox.Outbox;

/**
 * Headless Chromium, signed in as the doctor admitted to a consultation at the station, RECEIVES the station
 * publisher's otoscope video and stethoscope audio over WebRTC on the session page, with the signalling relayed by the
 * server's {@link MediaSignalling} on the consultation's media socket. The publisher runs in this JVM with the real
 * webrtc-java native library; ICE runs over the machine's non-loopback interface (Chromium also gets
 * {@code --allow-loopback-in-peer-connection}; see docs/decisions/0007-webrtc-loopback.md). Then an invited specialist,
 * in a second Chromium with a redeemed link, receives them too on the guest page (without the photo request), while
 * the doctor still does. Nobody else — an invited interpreter (no panel, socket refused), the nurse, another doctor,
 * the coordination — gets the media socket, and every attempt is audited against the patient.
 */
@ServerTest
class ClinicalMediaBrowserTest {
    static final String[] WEBRTC_SWITCHES = {"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required"};

    @LocalServerPort int port;
    @Autowired ConsultationService consultations;
    @Autowired AccountService accounts;
    @Autowired InvitationService invitations;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @TempDir Path dir;

    @Test
    void admittedDoctorAndInvitedSpecialistReceiveOtoscopeVideoAndStethoscopeAudioAndNobodyElseDoes() throws Exception {
        assertThat(ClinicalMediaPublisher.hasNonLoopbackInterface()).as("this test needs a network interface other "
                + "than loopback (docs/decisions/0007-webrtc-loopback.md)").isTrue();
        ConsultationWorld w = ConsultationWorld.create(context);
        Consultation c = w.admitted(consultations, "Otalgie");
        String session = "/consultations/" + c.id();
        String mediaSocket = "/ws/consultation/" + c.id() + "/media";
        String room = "/public/consultation/" + c.id() + "/room";
        String guestMediaSocket = "/public/consultation/" + c.id() + "/media";
        Account coordinator = accounts.create(new Account.Draft("coord-" + UUID.randomUUID().toString()
                .substring(0, 6), ConsultationWorld.PASSWORD, "Coordination Test", null, Role.COORDINATOR, null));

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
                "telestation.media.fps", "15",
                // This machine's only IPv6 address is a private one (fd00::2), which no test may use (design.md §1).
                "telestation.media.ice-address-families", "ipv4"));
        try (Outbox outbox = new Outbox(dir.resolve("outbox.db"), clock, 1000, 0);
             ClinicalMedia media = ClinicalMedia.fromConfig(config, http, w.station().bearer(), clock, outbox);
             Browser browser = Browser.open(port, WEBRTC_SWITCHES);
             Browser guest = Browser.open(port, WEBRTC_SWITCHES)) {
            media.start();
            ClinicalMediaPublisher publisher = media.publisher();
            LiveLink link = media.link();
            Await.until(Duration.ofSeconds(20), "station signalling link up", link::online);

            browser.signIn(w.doctor().username(), ConsultationWorld.PASSWORD);
            browser.waitFor().until(d -> !browser.path().startsWith("/login"));
            browser.go(session);
            Map<?, ?> doctorStats = awaitReceivedMedia(browser, mode);
            System.out.println("clinical media: time to first frame " + doctorStats.get("firstFrameMs")
                    + " ms from page start (" + doctorStats + ")");
            assertThat(browser.find("#clinical-media").getDomAttribute("data-ws")).isEqualTo(mediaSocket);
            assertThat(browser.find("#snapshot-request").isDisplayed()).isTrue();
            assertThat(grantedMediaReads(c)).as("the doctor's media view is audited against the patient").isEqualTo(1);

            // An invited specialist (ENT opinion) receives the same picture and sound on the guest page, in a second
            // browser, while the doctor still does: a second media session at the station, on the guest socket.
            var forSpecialist = invitations.invite(c.id(), InvitationService.Role.SPECIALIST, "Dr ORL",
                    w.doctorActor());
            guest.go("/public/consultation/join/" + forSpecialist.token());
            assertThat(guest.path()).isEqualTo(room);
            assertThat(guest.find("#clinical-media").getDomAttribute("data-ws")).isEqualTo(guestMediaSocket);
            Map<?, ?> specialistStats = awaitReceivedMedia(guest, mode);
            System.out.println("clinical media, invited specialist: time to first frame "
                    + specialistStats.get("firstFrameMs") + " ms from page start (" + specialistStats + ")");
            assertThat(publisher.sessionCount()).as("the doctor and the specialist at once").isEqualTo(2);
            // The photo request is the admitting doctor's: no button on the guest page.
            assertThat(guest.driver().findElements(By.cssSelector("#snapshot-request, #snapshot-form"))).isEmpty();
            assertThat(grantedMediaReads(c)).isEqualTo(2);
            assertThat(mediaReads(c, "SUCCESS", "guest specialist")).isEqualTo(1);

            // Leaving the page hangs the session up at the station: the doctor leaves, and the specialist's browser
            // now redeems an interpreter's link instead.
            browser.go("/");
            guest.driver().manage().deleteAllCookies();
            var forInterpreter = invitations.invite(c.id(), InvitationService.Role.INTERPRETER, "Mme Interprète",
                    w.doctorActor());
            guest.go("/public/consultation/join/" + forInterpreter.token());
            assertThat(guest.path()).isEqualTo(room);
            Await.until(Duration.ofSeconds(20), "sessions closed at the station", () -> publisher.sessionCount() == 0);
            // The interpreter is there for the words: no media panel, and the socket refuses the pass (audited).
            assertThat(guest.driver().findElements(By.cssSelector("#clinical-media, #media-video"))).isEmpty();
            assertThat(guest.driver().getPageSource()).doesNotContain("/media");
            assertThat(openSocket(guest, guestMediaSocket)).as("interpreter").isEqualTo("refused");
            assertThat(mediaReads(c, "DENIED", "guest interpreter")).isEqualTo(1);

            // Nobody else gets the media socket: the nurse beside the patient, another doctor, the coordination.
            for (String[] who : new String[][] {{w.nurse().username(), ConsultationWorld.PASSWORD},
                    {w.otherDoctor().username(), ConsultationWorld.PASSWORD}, {coordinator.username(), ConsultationWorld.PASSWORD}}) {
                browser.driver().manage().deleteAllCookies();
                browser.signIn(who[0], who[1]);
                browser.waitFor().until(d -> !browser.path().startsWith("/login"));
                assertThat(openSocket(browser, mediaSocket)).as(who[0]).isEqualTo("refused");
            }
            assertThat(publisher.sessionCount()).isZero();
            assertThat(grantedMediaReads(c)).isEqualTo(2);
        }
    }

    /**
     * Waits until the page's clinical-media viewer has decoded video frames and received audio samples; checks the
     * frame size, the connection and that the selected candidate pair holds no private address.
     */
    private static Map<?, ?> awaitReceivedMedia(Browser browser, VideoMode mode) throws InterruptedException {
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
        // design.md §1: never a private address in the main namespace (this machine's eth0 also has fd00::2).
        assertThat(java.util.stream.Stream.of(stats[0].get("localAddress"), stats[0].get("remoteAddress"))
                .filter(java.util.Objects::nonNull).map(Object::toString).toList())
                .as("selected candidate pair " + stats[0]).isNotEmpty()
                .noneMatch(ClinicalMediaBrowserTest::isPrivate);
        browser.waitFor().until(d -> "live".equals(browser.find("#media-state").getAttribute("data-state")));
        return stats[0];
    }

    /** Opens a WebSocket from the page: "open", or "refused" when the handshake fails. */
    private static Object openSocket(Browser browser, String path) {
        return ((JavascriptExecutor) browser.driver()).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const ws = new WebSocket(location.origin.replace('http', 'ws') + arguments[0]);"
                + "ws.onopen = () => { ws.close(); done('open'); }; ws.onerror = () => done('refused');", path);
    }

    /** RFC 1918 IPv4 and RFC 4193 unique-local IPv6 (fc00::/7). */
    static boolean isPrivate(String address) {
        String a = address.toLowerCase();
        return a.startsWith("10.") || a.startsWith("192.168.") || a.matches("172\\.(1[6-9]|2\\d|3[01])\\..*")
                || a.startsWith("fc") || a.startsWith("fd");
    }

    private long grantedMediaReads(Consultation c) {
        return jdbc.sql("select count(*) from audit_event where resource_type = 'ClinicalMedia' "
                        + "and resource_id = :id and outcome = 'SUCCESS'")
                .param("id", c.id().toString()).query(Long.class).single();
    }

    private long mediaReads(Consultation c, String outcome, String detail) {
        return jdbc.sql("select count(*) from audit_event where resource_type = 'ClinicalMedia' "
                        + "and resource_id = :id and outcome = :outcome and detail = :detail")
                .param("id", c.id().toString()).param("outcome", outcome).param("detail", detail)
                .query(Long.class).single();
    }
}
