package org.telestation.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.telestation.server.testsupport.Browser;

/**
 * Headless Chromium through the core screens with the demo data: the French login, circle management (add a
 * professional, revoke, history) and the patient file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CoreScreensBrowserTest {

    /** Dr Nicolas FAURE, the demo professional left outside the circle. */
    static final String OUTSIDER_RPPS = "10001000065";

    @LocalServerPort int port;

    @Test
    void coordinatorSignsInManagesTheCircleAndOpensAPatientFile() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/login");
            assertThat(browser.text("h1")).isEqualTo("Connexion");
            browser.signIn("coordinatrice", "wrong");
            assertThat(browser.text("#login-error")).contains("Identifiant ou mot de passe incorrect");
            browser.signIn("coordinatrice", "demo");
            browser.waitFor().until(d -> browser.path().equals("/") || browser.path().startsWith("/?"));
            assertThat(browser.text(".who")).isEqualTo("coordinatrice");

            browser.go("/circle");
            assertThat(browser.find("#circle-members").findElements(By.cssSelector("tr[data-rpps='" + OUTSIDER_RPPS + "']")))
                    .isEmpty();
            Select professional = new Select(browser.find("#professionalId"));
            professional.selectByVisibleText("Nicolas FAURE — RPPS " + OUTSIDER_RPPS);
            new Select(browser.find("#role")).selectByValue("EXPERT");
            browser.clickAndLoad("#circle-grant button[type=submit]");
            assertThat(browser.text(".alert.success")).contains("ajouté au cercle");
            var row = browser.find("#circle-members tr[data-rpps='" + OUTSIDER_RPPS + "']");
            assertThat(row.getText()).contains("Requis (expert)").contains("coordinatrice");

            browser.clickAndLoad(row.findElement(By.cssSelector("button.danger")));
            assertThat(browser.text(".alert.success")).contains("retiré du cercle");
            assertThat(browser.find("#circle-members").findElements(By.cssSelector("tr[data-rpps='" + OUTSIDER_RPPS + "']")))
                    .isEmpty();
            assertThat(browser.text("#circle-history")).contains("FAURE");

            browser.go("/patients");
            browser.type("#q", "dupont").clickAndLoad("form.search button[type=submit]");
            browser.clickAndLoad("#patients a");
            assertThat(browser.text("#patient-name")).isEqualTo("DUPONT Marie");
            assertThat(browser.text("#identity-status")).isEqualTo("Identité qualifiée");
            assertThat(browser.text("#patient-mt")).isEqualTo("Pas de médecin traitant");
            assertThat(browser.find("#patient-appointments").getAttribute("hx-get")).matches("/patients/[0-9a-f-]{36}/appointments");
        }
    }
}
