package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telestation.server.testsupport.Await;
import org.telestation.server.testsupport.Browser;
import org.telestation.server.testsupport.NetworkNamespaces;
import org.telestation.server.testsupport.ServerTest;

/**
 * The built-in conversation video between two headless Chromiums: the nurse (the cart's browser) and the admitted
 * doctor both open the session page of the same consultation; {@code video.js} connects them through the server's
 * signalling relay ({@link SignalingHandler}). Each page must RECEIVE and DECODE the other's video (fake camera) and
 * receive its audio (fake microphone), read through {@code RTCPeerConnection.getStats()}
 * ({@code window.telestationVideo.stats()}).
 *
 * <p>Each browser (with its chromedriver) runs in its own network namespace made by the test
 * ({@link NetworkNamespaces}): the only link between them is a veth pair with the documentation-range addresses
 * 198.51.100.1 (nurse) and 198.51.100.2 (doctor), IPv6 is off and loopback is ignored by ICE, so the one candidate
 * pair possible is veth↔veth, and the test asserts it is the one selected. The server stays in the main namespace,
 * reached through a Unix-socket bridge. No STUN/TURN server (the test configuration has none:
 * {@code telestation.webrtc.ice-servers} is empty), so only host and peer-reflexive candidates exist.
 * See docs/decisions/0007-webrtc-loopback.md.
 */
@ServerTest
class ConversationVideoBrowserTest {
    static final String[] WEBRTC_SWITCHES = {"--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"};
    /** The test runs on a shared, busy machine: every wait is generous; none is a timing assertion. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * Records, in the page, when the first remote video frame was decoded (ms since video.js started), and keeps the
     * page's uncaught errors for {@link #DIAGNOSIS}.
     */
    static final String WATCH_FIRST_FRAME = """
            const v = window.telestationVideo;
            if (!v.watching) {
              v.watching = true;
              v.errors = [];
              window.addEventListener('unhandledrejection', (e) => v.errors.push(String(e.reason)));
              window.addEventListener('error', (e) => v.errors.push(String(e.message)));
              const tick = async () => {
                const s = await v.stats();
                if (s.some((p) => p.framesDecoded > 0)) v.firstFrameMs = Math.round(performance.now() - v.startedAt);
                else setTimeout(tick, 20);
              };
              tick();
            }""";

    /** Collects, per peer connection, its states and ICE candidates and pairs, plus the page's uncaught errors. */
    static final String DIAGNOSIS = """
            const done = arguments[arguments.length - 1];
            (async () => {
              const v = window.telestationVideo, box = document.getElementById('video');
              const out = { state: box.dataset.state, peerState: box.dataset.peerState, errors: v.errors, peers: [] };
              for (const [id, { pc }] of v.peers) {
                const p = { id, signaling: pc.signalingState, ice: pc.iceConnectionState,
                  gathering: pc.iceGatheringState, connection: pc.connectionState, candidates: [], pairs: [] };
                const report = await pc.getStats();
                for (const r of report.values()) {
                  if (r.type === 'local-candidate' || r.type === 'remote-candidate')
                    p.candidates.push(`${r.type} ${r.candidateType} ${r.address ?? r.ip}:${r.port}`);
                  if (r.type === 'candidate-pair')
                    p.pairs.push(`${r.state}${r.nominated ? ' nominated' : ''} ${r.localCandidateId}/`
                        + `${r.remoteCandidateId} req ${r.requestsSent}/${r.requestsReceived}`
                        + ` resp ${r.responsesSent}/${r.responsesReceived}`);
                }
                out.peers.push(p);
              }
              return JSON.stringify(out);
            })().then(done, (e) => done('diagnosis failed: ' + e));""";

    @LocalServerPort int port;
    @Autowired ConsultationService consultations;
    @Autowired WebRtcProperties webrtc;
    @Autowired ApplicationContext context;

    @Test
    void nurseAndDoctorEachReceiveAndDecodeTheOthersVideoAndAudio() throws Exception {
        assertThat(webrtc.iceServers()).as("no STUN/TURN in the test configuration").isEmpty();
        ConsultationWorld w = ConsultationWorld.create(context);
        Consultation c = w.admitted(consultations, "Toux");
        String session = "/consultations/" + c.id();

        try (NetworkNamespaces net = NetworkNamespaces.create();
             Browser nurse = Browser.openIn(net.a(), port, WEBRTC_SWITCHES);
             Browser doctor = Browser.openIn(net.b(), port, WEBRTC_SWITCHES)) {
            nurse.signIn(w.nurse().username(), ConsultationWorld.PASSWORD);
            patiently(nurse).until(d -> !nurse.path().startsWith("/login"));
            doctor.signIn(w.doctor().username(), ConsultationWorld.PASSWORD);
            patiently(doctor).until(d -> !doctor.path().startsWith("/login"));

            // The nurse's screen joins first and waits; the doctor joins and offers (the newcomer is impolite).
            nurse.go(session);
            JavascriptExecutor nurseJs = started(nurse);
            doctor.go(session);
            JavascriptExecutor doctorJs = started(doctor);

            Map<String, Map<?, ?>> seen = new java.util.HashMap<>();
            try {
                Await.until(PATIENCE, "both pages decode the other's video and receive its audio", () -> {
                    seen.put("nurse", remote(nurseJs));
                    seen.put("doctor", remote(doctorJs));
                    return seen.values().stream().allMatch(s -> s != null
                            && ((Number) s.get("framesDecoded")).longValue() > 0
                            && ((Number) s.get("totalSamplesReceived")).longValue() > 0);
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; last stats " + seen + "; nurse's page "
                        + diagnosis(nurseJs) + "; doctor's page " + diagnosis(doctorJs), e);
            }

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
            // The one pair, seen from both ends: each side's local end is its own veth address; its remote end is
            // the other's veth address, or absent when the remote candidate is peer-reflexive (Chromium hides
            // those addresses in getStats).
            assertPairEnds("nurse", seen.get("nurse"), net.a().address(), net.b().address());
            assertPairEnds("doctor", seen.get("doctor"), net.b().address(), net.a().address());
            assertThat(nurse.find("#video video[data-peer='" + doctorId + "']")).isNotNull();
            assertThat(doctor.find("#video video[data-peer='" + nurseId + "']")).isNotNull();
            // Each remote video carries the other's name (the account's display name), one's own camera is inset.
            assertThat(nurse.text("#video figure[data-peer='" + doctorId + "'] figcaption"))
                    .isEqualTo(w.doctor().displayName());
            assertThat(doctor.text("#video figure[data-peer='" + nurseId + "'] figcaption"))
                    .isEqualTo(w.nurse().displayName());
            assertThat(doctor.find("#video video.local")).isNotNull();
            assertThat(doctor.find("#video").getDomAttribute("data-peer-state")).isEqualTo("connected");
            assertThat(doctor.find("#video").getDomAttribute("data-state")).isEqualTo("connected");
            assertThat(doctor.text("#video .video-status")).isEqualTo("Connecté"); // French first

            Await.until(PATIENCE, "first-frame times recorded", () ->
                    nurseJs.executeScript("return window.telestationVideo.firstFrameMs") != null
                    && doctorJs.executeScript("return window.telestationVideo.firstFrameMs") != null);
            System.out.println("conversation video: time to first remote frame, from video.js start: doctor (joins "
                    + "second) " + doctorJs.executeScript("return window.telestationVideo.firstFrameMs")
                    + " ms, nurse (joined first, waited) "
                    + nurseJs.executeScript("return window.telestationVideo.firstFrameMs") + " ms; " + seen);

            // The doctor leaves: the nurse's page drops the peer and its video.
            doctor.go("/consultations");
            patiently(nurse).until(d -> d.findElements(org.openqa.selenium.By.cssSelector(
                    "#video video[data-peer='" + doctorId + "']")).isEmpty());
        }
    }

    /** Waits until video.js has its camera and signalling up, and starts the first-frame watch. */
    private static JavascriptExecutor started(Browser b) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver();
        patiently(b).until(d -> Boolean.TRUE.equals(js.executeScript("return !!window.telestationVideo?.id")));
        js.executeScript(WATCH_FIRST_FRAME);
        return js;
    }

    /** What a page's peer connections went through, for the failure message: states, candidates, pairs, errors. */
    private static Object diagnosis(JavascriptExecutor js) {
        return js.executeAsyncScript(DIAGNOSIS);
    }

    private static WebDriverWait patiently(Browser b) {
        return new WebDriverWait(b.driver(), PATIENCE);
    }

    private static void assertPairEnds(String side, Map<?, ?> stats, String own, String other) {
        assertThat(stats.get("localAddress")).as(side + ": local end of the selected pair " + stats).isEqualTo(own);
        Object remote = stats.get("remoteAddress");
        boolean hidden = (remote == null || "".equals(remote)) && "prflx".equals(stats.get("remoteCandidateType"));
        if (!hidden) {
            assertThat(remote).as(side + ": remote end of the selected pair " + stats).isEqualTo(other);
        }
    }

    /** The page's stats for its single remote peer, or null while there is none. */
    private static Map<?, ?> remote(JavascriptExecutor js) {
        List<?> all = (List<?>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "window.telestationVideo.stats().then(done, (e) => done([]));");
        return all.size() == 1 ? (Map<?, ?>) all.get(0) : null;
    }
}
