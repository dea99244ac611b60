package org.telestation.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.security.Role;
import org.telestation.server.testsupport.Browser;

/**
 * The ECG workflow in headless Chromium, as people do it: a GP sends a request with a DICOM 12-lead ECG; the
 * cardiologist opens the inbox, reads the ECG in the viewer (grid, measurements, calipers) and answers; the GP gets the
 * e-mail (GreenMail) and sees the answer.
 */
class ExpertiseBrowserTest extends ExpertiseTestBase {

    @LocalServerPort int port;

    @Test
    void gpSendsEcgCardiologistReadsAndAnswersGpIsNotified() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor cardio = fixtures.professional("cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, CircleRole.EXPERT);
        UUID patient = fixtures.patient();
        Path ecg = Files.createTempFile("ecg-", ".dcm");
        Files.write(ecg, ExpertiseFixtures.dicomEcg());
        String requestPath;
        try (Browser browser = Browser.open(port)) {
            browser.signIn(gp.username(), ExpertiseFixtures.PASSWORD);
            browser.waitFor().until(d -> !browser.path().startsWith("/login"));
            browser.go("/expertise/new?patientId=" + patient);
            assertThat(browser.text("#patient-name")).contains("DUPONT");
            browser.type("#question", "Certificat de sport : onde T négative en V2. Avis ?");
            browser.find("#files").sendKeys(ecg.toString());
            browser.click("#consent");
            browser.click("#expertise-form button[type=submit]");
            browser.waitFor().until(d -> browser.path().startsWith("/expertise/requests/"));
            assertThat(browser.text("#created")).isNotBlank();
            assertThat(browser.text("#state")).isEqualTo("En attente de l'expert");
            requestPath = browser.path().replaceAll("\\?.*", "");
        } finally {
            Files.deleteIfExists(ecg);
        }
        UUID requestId = UUID.fromString(requestPath.substring(requestPath.lastIndexOf('/') + 1));

        try (Browser browser = Browser.open(port)) {
            browser.signIn(cardio.username(), ExpertiseFixtures.PASSWORD);
            browser.waitFor().until(d -> !browser.path().startsWith("/login"));
            browser.go("/expertise/inbox");
            WebElement row = browser.find("#inbox tr[data-request-id='" + requestId + "']");
            assertThat(row.findElement(By.cssSelector(".time-left")).getText()).isEqualTo("48 h 00");
            row.findElement(By.cssSelector("a.open-request")).click();
            browser.waitFor().until(d -> browser.path().equals(requestPath));
            browser.waitFor().until(d -> "true".equals(browser.find("[data-ecg-viewer]").getAttribute("data-ready")));
            WebElement canvas = browser.find(".ecg-canvas");
            assertThat(Double.parseDouble(canvas.getAttribute("data-draw-ms"))).isPositive();
            assertThat(Integer.parseInt(canvas.getAttribute("width"))).isGreaterThan(1000);
            assertThat(browser.text(".ecg-measurements [data-m=hr]")).matches("\\d+ bpm");
            assertThat(browser.text(".ecg-measurements [data-m=qrs]")).matches("\\d+ ms");
            new Actions(browser.driver()).moveToElement(canvas, -200, 0).click().moveToElement(canvas, -100, 0).click()
                    .perform();
            assertThat(browser.text(".ecg-caliper")).contains("ms");
            browser.click("#conclusion-normal");
            browser.type("#recommendation", "Apte au sport. Repolarisation précoce.");
            browser.click("#send-answer");
            browser.waitFor().until(d -> browser.path().startsWith(requestPath + "?answered"));
            assertThat(browser.text("#answer-conclusion")).isEqualTo("ECG normal");
        }

        assertThat(awaitMailsAbout(email(gp), requestId, "réponse de l'expert", 1)).hasSize(1);
        try (Browser browser = Browser.open(port)) {
            browser.signIn(gp.username(), ExpertiseFixtures.PASSWORD);
            browser.waitFor().until(d -> !browser.path().startsWith("/login"));
            browser.go(requestPath);
            assertThat(browser.text("#state")).isEqualTo("Répondue");
            assertThat(browser.text("#answer")).contains("Apte au sport");
            browser.go("/patients/" + patient);
            assertThat(browser.find("#patient-expertise a[href='" + requestPath + "']").getText())
                    .as("the answer is in the patient's record").contains("Cardiologie");
        }
    }
}
