package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.telestation.server.testsupport.Browser;
import org.telestation.station.StationAgent;

/**
 * Invited guests in headless Chromium, with a real station agent streaming a synthetic oximeter: a specialist's
 * redeemed link shows the live panel (SpO2 with its delay, the pleth) and the clinical-media panel in French, then in
 * English after {@code ?lang=en}, and no request, photo or validation control; an interpreter's shows the video only,
 * its state in English.
 *
 * <p>Real clock, as {@link ConsultationEndToEndBrowserTest}: the page's delay estimate needs time to pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuestLivePanelBrowserTest extends WithSmtpMailbox {
    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ConsultationService consultations;
    @Autowired InvitationService invitations;
    @TempDir Path dir;

    /** What video.js may say on a guest page without camera, in English ({@code i18n/consultation_en.properties}). */
    static final Map<String, String> ENGLISH_VIDEO_STATES = Map.of(
            "receive-only", "Camera or microphone unavailable: receiving only",
            "joining", "Connecting to the participants…",
            "waiting", "Waiting for the other participants…",
            "connected", "Connected");

    @Test
    void anInvitedSpecialistSeesTheLiveDevicesAndAnInterpreterDoesNot() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context, false);
        try (StationAgent agent = w.syntheticAgent(port, dir);
             Browser specialist = Browser.open(port);
             Browser interpreter = Browser.open(port)) {
            agent.start();
            Consultation c = w.admitted(consultations, "Douleur thoracique");
            var forSpecialist = invitations.invite(c.id(), InvitationService.Role.SPECIALIST, "Dr Cardio",
                    w.doctorActor());
            var forInterpreter = invitations.invite(c.id(), InvitationService.Role.INTERPRETER, "Mme Interprète",
                    w.doctorActor());

            specialist.go("/public/consultation/join/" + forSpecialist.token());
            assertThat(specialist.path()).isEqualTo("/public/consultation/" + c.id() + "/room");
            LivePanel.awaitSpo2AndPleth(specialist);
            LivePanel.assertWords(specialist, LivePanel.Words.FRENCH);
            assertThat(specialist.find("#live").getDomAttribute("data-socket"))
                    .isEqualTo("/public/consultation/" + c.id() + "/live");
            // The specialist's clinical-media panel, on the guest socket (this station publishes no media: the cart's
            // examination is said to be offline, in the page's language).
            assertThat(specialist.find("#clinical-media").getDomAttribute("data-ws"))
                    .isEqualTo("/public/consultation/" + c.id() + "/media");
            specialist.waitFor().until(d -> "offline".equals(d.findElement(By.id("media-state"))
                    .getDomAttribute("data-state")));
            assertThat(specialist.text("#media-state")).isEqualTo("Le chariot n'est pas connecté.");
            // Read-only: no measurement request, no draft validation, no invitation, no photo request.
            assertThat(specialist.driver().findElements(By.cssSelector("#request-form, form[action*='validate'], "
                    + "[hx-post*='validate'], [hx-post*='invitations'], button.admit, #snapshot-request"))).isEmpty();

            // The same panel in English: every word the script writes comes from the page's language.
            specialist.go("/public/consultation/" + c.id() + "/room?lang=en");
            LivePanel.awaitSpo2AndPleth(specialist, LivePanel.Words.ENGLISH);
            LivePanel.assertWords(specialist, LivePanel.Words.ENGLISH);
            specialist.waitFor().until(d -> "offline".equals(d.findElement(By.id("media-state"))
                    .getDomAttribute("data-state")));
            assertThat(specialist.text("#clinical-media h2")).isEqualTo("Remote examination");
            assertThat(specialist.text("#media-state")).isEqualTo("The cart is not connected.");

            interpreter.go("/public/consultation/join/" + forInterpreter.token() + "?lang=en");
            assertThat(interpreter.path()).isEqualTo("/public/consultation/" + c.id() + "/room");
            // The video's state, whichever it is by now (no camera in this Chromium), is told in English.
            interpreter.waitFor().until(d -> ENGLISH_VIDEO_STATES.containsKey(
                    String.valueOf(d.findElement(By.id("video")).getDomAttribute("data-state"))));
            String state = interpreter.find("#video").getDomAttribute("data-state");
            assertThat(interpreter.text("#video .video-status")).as(state).isEqualTo(ENGLISH_VIDEO_STATES.get(state));
            assertThat(interpreter.driver().findElements(By.cssSelector("#live, .live-value, .live-wave, #clinical-media")))
                    .isEmpty();
            assertThat(interpreter.driver().getPageSource()).doesNotContain("/live");
        }
    }
}
