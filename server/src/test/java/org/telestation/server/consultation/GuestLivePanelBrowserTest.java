package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
 * redeemed link shows the live panel (SpO2 with its delay, the pleth) and no request or validation control; an
 * interpreter's shows the video only.
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
            assertThat(specialist.find("#live").getDomAttribute("data-socket"))
                    .isEqualTo("/public/consultation/" + c.id() + "/live");
            // Read-only: no measurement request, no draft validation, no invitation.
            assertThat(specialist.driver().findElements(By.cssSelector("#request-form, form[action*='validate'], "
                    + "[hx-post*='validate'], [hx-post*='invitations'], button.admit"))).isEmpty();

            interpreter.go("/public/consultation/join/" + forInterpreter.token());
            assertThat(interpreter.path()).isEqualTo("/public/consultation/" + c.id() + "/room");
            assertThat(interpreter.find("#video")).isNotNull();
            assertThat(interpreter.driver().findElements(By.cssSelector("#live, .live-value, .live-wave"))).isEmpty();
            assertThat(interpreter.driver().getPageSource()).doesNotContain("/live");
        }
    }
}
