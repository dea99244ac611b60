package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.directory.SiteService;
import org.telestation.server.directory.StationService;
import org.telestation.server.patients.PatientService;
import org.telestation.server.security.AccountService;
import org.telestation.server.testsupport.Await;
import org.telestation.server.testsupport.Browser;
import org.telestation.server.testsupport.ServerTest;

/**
 * The built-in conversation video between two headless Chromiums: the nurse (the cart's browser) and the admitted
 * doctor both open the session page of the same consultation; {@code video.js} connects them through the server's
 * signalling relay ({@link SignalingHandler}). Each page must RECEIVE and DECODE the other's video (fake camera) and
 * receive its audio (fake microphone), read through {@code RTCPeerConnection.getStats()}
 * ({@code window.telestationVideo.stats()}).
 *
 * <p>No STUN/TURN server (the test configuration has none: {@code telestation.webrtc.ice-servers} is empty), so only
 * host and peer-reflexive candidates exist. Chromium gathers loopback candidates with
 * {@code --allow-loopback-in-peer-connection}, but it ALSO gathers the machine's other interfaces, and libwebrtc
 * prefers them (the loopback candidates carry {@code network-cost 50}, eth0 none): left alone, the pair selected was
 * {@code fd00::2}↔{@code fd00::2}. Each browser therefore gets {@link #LOOPBACK_ONLY} before any page script runs: a
 * remote candidate (trickled or in the SDP) that is not 127.0.0.1/::1 is dropped on receipt, so every pair has a
 * loopback remote end. This is not a full guarantee: Linux delivers a check sent from a local non-loopback socket to
 * ::1, so one end may still be eth0's address (seen: {@code fd00::2}→{@code ::1}). A Chromium switch that stops it
 * enumerating other interfaces does not exist; only a network namespace would (docs/decisions/0007). The test prints
 * the selected pair.
 */
@ServerTest
class ConversationVideoBrowserTest {
    static final String[] WEBRTC_SWITCHES = {"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
            "--allow-loopback-in-peer-connection"};

    /**
     * Test harness, not product code: a page only accepts loopback remote candidates (trickled or in the SDP), so
     * every candidate pair has a loopback remote end. Installed with CDP {@code Page.addScriptToEvaluateOnNewDocument}.
     */
    static final String LOOPBACK_ONLY = """
            (() => {
              const loopback = (address) => address === '127.0.0.1' || address === '::1' || address === '[::1]';
              const addressOf = (line) => (line || '').replace(/^a=/, '').split(' ')[4];
              const proto = RTCPeerConnection.prototype;
              const add = proto.addIceCandidate;
              proto.addIceCandidate = function (c, ...rest) {
                const line = c && (c.candidate ?? '');
                if (line && !loopback(c.address ?? addressOf(line))) return Promise.resolve();
                return add.call(this, c, ...rest);
              };
              const setRemote = proto.setRemoteDescription;
              proto.setRemoteDescription = function (d, ...rest) {
                if (d && d.sdp) d = { type: d.type, sdp: d.sdp.split('\\r\\n').filter((l) =>
                    !l.startsWith('a=candidate:') || loopback(addressOf(l))).join('\\r\\n') };
                return setRemote.call(this, d, ...rest);
              };
            })();""";

    /** Records, in the page, when the first remote video frame was decoded (ms since video.js started). */
    static final String WATCH_FIRST_FRAME = """
            const v = window.telestationVideo;
            if (!v.watching) {
              v.watching = true;
              const tick = async () => {
                const s = await v.stats();
                if (s.some((p) => p.framesDecoded > 0)) v.firstFrameMs = Math.round(performance.now() - v.startedAt);
                else setTimeout(tick, 20);
              };
              tick();
            }""";

    @LocalServerPort int port;
    @Autowired ConsultationService consultations;
    @Autowired AccountService accounts;
    @Autowired ProfessionalService professionals;
    @Autowired SiteService sites;
    @Autowired StationService stations;
    @Autowired PatientService patients;
    @Autowired WebRtcProperties webrtc;

    @Test
    void nurseAndDoctorEachReceiveAndDecodeTheOthersVideoAndAudio() throws Exception {
        assertThat(webrtc.iceServers()).as("no STUN/TURN in the test configuration").isEmpty();
        ConsultationWorld w = ConsultationWorld.create(accounts, professionals, sites, stations, patients);
        Consultation c = consultations.checkIn(new ConsultationService.CheckIn(w.patient().id(), w.stationId(), null,
                Consultation.Place.SITE, false), w.nurseActor());
        consultations.preInterview(c.id(), new ConsultationService.PreInterview(true, true,
                Consultation.DmpChoice.CONSENT, "Toux"), w.nurseActor());
        consultations.admit(c.id(), w.doctorActor(), "Dr Thomas Test");
        String session = "/consultations/" + c.id();

        try (Browser nurse = Browser.open(port, WEBRTC_SWITCHES);
             Browser doctor = Browser.open(port, WEBRTC_SWITCHES)) {
            for (Browser b : List.of(nurse, doctor)) {
                ((HasCdp) b.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                        Map.of("source", LOOPBACK_ONLY));
            }
            nurse.signIn(w.nurse().username(), ConsultationWorld.PASSWORD);
            nurse.waitFor().until(d -> !nurse.path().startsWith("/login"));
            doctor.signIn(w.doctor().username(), ConsultationWorld.PASSWORD);
            doctor.waitFor().until(d -> !doctor.path().startsWith("/login"));

            // The nurse's screen joins first and waits; the doctor joins and offers (the newcomer is impolite).
            nurse.go(session);
            JavascriptExecutor nurseJs = started(nurse);
            doctor.go(session);
            JavascriptExecutor doctorJs = started(doctor);

            Map<String, Map<?, ?>> seen = new java.util.HashMap<>();
            Await.until(Duration.ofSeconds(60), "both pages decode the other's video and receive its audio", () -> {
                seen.put("nurse", remote(nurseJs));
                seen.put("doctor", remote(doctorJs));
                return seen.values().stream().allMatch(s -> s != null
                        && ((Number) s.get("framesDecoded")).longValue() > 0
                        && ((Number) s.get("totalSamplesReceived")).longValue() > 0);
            });

            String nurseId = (String) nurseJs.executeScript("return window.telestationVideo.id");
            String doctorId = (String) doctorJs.executeScript("return window.telestationVideo.id");
            assertThat(seen.get("nurse").get("peer")).as("the nurse receives the doctor").isEqualTo(doctorId);
            assertThat(seen.get("doctor").get("peer")).as("the doctor receives the nurse").isEqualTo(nurseId);
            for (var e : seen.entrySet()) {
                Map<?, ?> s = e.getValue();
                assertThat(s.get("connectionState")).as(e.getKey()).isEqualTo("connected");
                assertThat(((Number) s.get("frameWidth")).intValue()).as(e.getKey() + " frame width").isPositive();
                // No STUN/TURN: host or peer-reflexive candidates only (never srflx or relay).
                assertThat(List.of(s.get("localCandidateType"), s.get("remoteCandidateType")))
                        .as(e.getKey() + ": no STUN/TURN candidate (" + s + ")").allMatch(t -> t.equals("host")
                                || t.equals("prflx"));
            }
            // One pair, seen from both ends: the remote end of the pair a side selected is what the other side
            // calls local (a peer-reflexive address is hidden by Chromium). At least one end is loopback.
            assertThat(List.of(seen.get("nurse").get("localAddress"), seen.get("doctor").get("localAddress")))
                    .as("selected pair " + seen).anyMatch(a -> "127.0.0.1".equals(a) || "::1".equals(a));
            assertThat(nurse.find("#video video[data-peer='" + doctorId + "']")).isNotNull();
            assertThat(doctor.find("#video video[data-peer='" + nurseId + "']")).isNotNull();
            assertThat(doctor.find("#video").getDomAttribute("data-peer-state")).isEqualTo("connected");

            Await.until(Duration.ofSeconds(5), "first-frame times recorded", () ->
                    nurseJs.executeScript("return window.telestationVideo.firstFrameMs") != null
                    && doctorJs.executeScript("return window.telestationVideo.firstFrameMs") != null);
            System.out.println("conversation video: time to first remote frame, from video.js start: doctor (joins "
                    + "second) " + doctorJs.executeScript("return window.telestationVideo.firstFrameMs")
                    + " ms, nurse (joined first, waited) "
                    + nurseJs.executeScript("return window.telestationVideo.firstFrameMs") + " ms; " + seen);

            // The doctor leaves: the nurse's page drops the peer and its video.
            doctor.go("/consultations");
            nurse.waitFor().until(d -> d.findElements(org.openqa.selenium.By.cssSelector(
                    "#video video[data-peer='" + doctorId + "']")).isEmpty());
        }
    }

    /** Waits until video.js has its camera and signalling up, and starts the first-frame watch. */
    private static JavascriptExecutor started(Browser b) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        b.waitFor().until(d -> Boolean.TRUE.equals(js.executeScript("return !!window.telestationVideo?.id")));
        js.executeScript(WATCH_FIRST_FRAME);
        return js;
    }

    /** The page's stats for its single remote peer, or null while there is none. */
    private static Map<?, ?> remote(JavascriptExecutor js) {
        List<?> all = (List<?>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.telestationVideo.stats().then(done, (e) => done([]));");
        return all.size() == 1 ? (Map<?, ?>) all.get(0) : null;
    }
}
