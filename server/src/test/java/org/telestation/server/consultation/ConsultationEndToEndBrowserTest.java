package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telestation.server.testsupport.Browser;
import org.telestation.station.StationAgent;

/**
 * The acceptance scenario with real parts: a station agent (in this JVM, synthetic oximeter and BP cuff, otoscope and
 * ECG simulators) enrols and streams; the nurse checks the patient in and does the pre-interview in one headless
 * Chromium; the doctor, in another, sees the patient in the waiting room, admits, sees live SpO2 and pleth with their
 * delay, requests a BP; the station's nurse screen shows the request, the nurse captures, the capture arrives as a
 * draft, the doctor validates it; the doctor takes a full-resolution photo (the station's running otoscope takes it
 * without the nurse) and validates the still, whose image decoded in the page; the nurse records the 12-lead ECG the
 * doctor asked for, drawn on the doctor's page, which the doctor validates; the doctor writes and signs the report;
 * the MT's mailbox (GreenMail SMTP) receives the PDF and the acts are recorded. The emergency button on the nurse's
 * screen shows the on-call doctor's phone.
 *
 * <p>Real clock (not the shared test context's fixed one): the live link's clock-offset estimate needs time to pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsultationEndToEndBrowserTest extends WithSmtpMailbox {
    @LocalServerPort int port;
    @Autowired ActService acts;
    @Autowired ApplicationContext context;
    @TempDir Path dir;

    @Test
    void nurseAndDoctorRunAWholeTeleconsultation() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context, false);
        try (StationAgent agent = w.syntheticAgent(port, dir, Map.of(
                     "telestation.device.otoscope.protocol", "otoscope-simulator",
                     "telestation.device.ecg.protocol", "ecg-simulator",
                     "telestation.device.ecg.seconds", "4"));
             Browser nurse = Browser.open(port);
             Browser doctor = Browser.open(port)) {
            agent.start();

            // Nurse: check-in and pre-interview.
            nurse.signIn(w.nurse().username(), ConsultationWorld.PASSWORD);
            nurse.go("/consultations/new?q=" + w.patient().birthFamilyName());
            nurse.click("input[name=patientId][value='" + w.patient().id() + "']");
            new Select(nurse.find("#stationId")).selectByValue(w.stationId().toString());
            nurse.click("#check-in button[type=submit]");
            nurse.click("input[name=identityChecked]").click("input[name=teleconsultationConsent]")
                    .click("input[name=dmpChoice][value=CONSENT]").type("#reason", "Toux et fièvre depuis 3 jours");
            nurse.click("#pre-interview button[type=submit]");
            assertThat(nurse.text("#waiting-note")).contains("salle d'attente");
            String consultationPath = nurse.path();

            // Doctor: waiting room with the waiting time, admission.
            doctor.signIn(w.doctor().username(), ConsultationWorld.PASSWORD);
            doctor.go("/consultations");
            WebElement row = doctor.find("#waiting-room tr[data-consultation]");
            assertThat(row.getText()).contains(w.patient().birthFamilyName()).contains("Toux").contains("min");
            row.findElement(By.cssSelector("button.admit")).click();
            doctor.waitFor().until(d -> d.getCurrentUrl().endsWith(consultationPath));
            assertThat(doctor.text("#status")).isEqualTo("En consultation");

            // The nurse's page follows the admission by itself.
            nurse.waitFor().ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.cssSelector("#status")).getText().equals("En consultation"));

            // Live SpO2 with its measured delay, and the pleth waveform, from the simulator.
            LivePanel.awaitSpo2AndPleth(doctor);
            assertThat(doctor.find("#live-devices li[data-state=CONNECTED]")).isNotNull();

            // The doctor requests a BP; the station's nurse screen shows it.
            doctor.click("#request-form button[data-kind=BLOOD_PRESSURE]");
            assertThat(doctor.text("#requests li[data-kind=BLOOD_PRESSURE]")).contains("transmise à la station");
            nurse.driver().get("http://127.0.0.1:" + agent.uiPort() + "/");
            nurse.waitFor().until(d -> "BLOOD_PRESSURE".equals(d.findElement(By.id("doctor-request"))
                    .getDomAttribute("data-kind")));
            assertThat(nurse.text("#doctor-request")).contains("tension artérielle");

            // The nurse captures the cuff's reading; it arrives on the doctor's page as a draft.
            nurse.waitFor().until(d -> {
                try {
                    for (WebElement device : d.findElements(By.cssSelector("li.device"))) {
                        if (device.getText().contains("Tensiomètre") && device.getText().contains("Systolique")) {
                            device.findElement(By.cssSelector("button.capture")).click();
                            return true;
                        }
                    }
                    return false;
                } catch (StaleElementReferenceException e) {
                    return false; // the list was redrawn under us: try again
                }
            });
            WebDriverWait drafts = new WebDriverWait(doctor.driver(), Duration.ofSeconds(30));
            drafts.until(d -> !d.findElements(By.cssSelector(
                    "#observations tr[data-sign=SYSTOLIC_PRESSURE][data-status=PRELIMINARY] button.validate")).isEmpty());
            validate(doctor, "#observations tr[data-sign=SYSTOLIC_PRESSURE]");

            // The doctor takes a full-resolution photo: the station's running otoscope takes it by itself, the
            // nurse's screen says so, and the still arrives as a draft whose image really decoded.
            doctor.click("#snapshot-request");
            assertThat(doctor.text("#requests li[data-kind=SNAPSHOT]")).contains("transmise à la station");
            nurse.waitFor().until(d -> "SNAPSHOT".equals(d.findElement(By.id("doctor-request"))
                    .getDomAttribute("data-kind")));
            assertThat(nurse.find("#doctor-request").getDomAttribute("data-automatic")).isEqualTo("true");
            drafts.until(d -> !d.findElements(By.cssSelector(
                    "#observations tr[data-kind=IMAGE][data-status=PRELIMINARY] button.validate")).isEmpty());
            JavascriptExecutor js = (JavascriptExecutor) doctor.driver();
            drafts.until(d -> ((Number) js.executeScript("const i = document.querySelector("
                    + "'#observations tr.obs-preview[data-kind=IMAGE] img.draft-image');"
                    + "return i && i.complete ? i.naturalWidth : 0;")).intValue() > 0);
            assertThat(((Number) js.executeScript("return document.querySelector("
                    + "'#observations img.draft-image').naturalWidth;")).intValue()).isEqualTo(1920);
            assertThat(doctor.text("#observations tr[data-kind=IMAGE] .obs-value")).isEqualTo("1920×1440");
            validate(doctor, "#observations tr[data-kind=IMAGE]");

            // The doctor asks for an ECG; the nurse records it on the station; the 12 leads are drawn on the
            // doctor's page and the doctor validates it.
            doctor.click("#request-form button[data-kind=ECG_12_LEAD]");
            nurse.waitFor().until(d -> "ECG_12_LEAD".equals(d.findElement(By.id("doctor-request"))
                    .getDomAttribute("data-kind")));
            nurse.waitFor().until(d -> {
                try {
                    d.findElement(By.cssSelector("button.action[data-action=record-ecg]")).click();
                    return true;
                } catch (StaleElementReferenceException e) {
                    return false;
                }
            });
            drafts.until(d -> !d.findElements(By.cssSelector(
                    "#observations .ecg-draft[data-ready=true] canvas[data-draw-ms]")).isEmpty());
            assertThat(((Number) js.executeScript("return document.querySelector('#observations .ecg-draft canvas')"
                    + ".width;")).intValue()).isGreaterThan(500);
            assertThat(doctor.text("#observations tr[data-kind=ECG] .obs-value")).startsWith("FC ");
            validate(doctor, "#observations tr[data-kind=ECG]");

            // Emergency button: the on-call doctor's phone at once.
            nurse.click("#emergency");
            nurse.waitFor().until(d -> d.findElement(By.id("emergency-result")).getText().contains("06 11 22 33 44"));

            // Report: written, signed, sent to the MT as PDF; acts recorded.
            doctor.click("#end");
            doctor.waitFor().until(d -> d.getCurrentUrl().endsWith("/report"));
            assertThat(doctor.text("#validated li[data-sign=SYSTOLIC_PRESSURE]")).contains("mm[Hg]");
            assertThat(doctor.text("#validated li[data-kind=ECG]")).contains("FC ").contains("QRS");
            assertThat(doctor.text("#validated li[data-kind=IMAGE]")).contains("Photo").contains("1920×1440");
            assertThat(doctor.find("#reason").getDomProperty("value")).isEqualTo("Toux et fièvre depuis 3 jours");
            doctor.type("#findings", "Auscultation pulmonaire libre. Pas de signe de gravité.")
                    .type("#conclusion", "Rhinopharyngite virale probable.")
                    .type("#prescriptions", "Paracétamol 1 g trois fois par jour pendant 3 jours.");
            new Select(doctor.find("#reorientation")).selectByValue("MT");
            doctor.clickAndLoad("#sign");
            assertThat(doctor.text("#report-status")).isEqualTo("Signé");
            assertThat(doctor.text("#sent")).contains(w.mtEmail());
            assertThat(doctor.find("#acts tr[data-code=TCG]").getText()).contains("25,00 €");
            assertThat(doctor.find("#acts tr[data-code=TLL]").getText()).contains("12,00 €");
            assertThat(acts.acts(java.util.UUID.fromString(consultationPath.substring(consultationPath
                    .lastIndexOf('/') + 1)))).extracting(ActService.Act::code).containsExactly("TCG", "TLL");

            MimeMessage[] toMt = mail.getReceivedMessagesForDomain("cabinet.example");
            assertThat(toMt).hasSize(1);
            MimeMultipart parts = (MimeMultipart) toMt[0].getContent();
            try (InputStream pdf = parts.getBodyPart(1).getInputStream()) {
                assertThat(new String(pdf.readNBytes(5), java.nio.charset.StandardCharsets.US_ASCII))
                        .isEqualTo("%PDF-");
            }
            assertThat(mail.getReceivedMessagesForDomain("hopital.example")).as("emergency e-mail").hasSize(1);
        }
    }

    /** The doctor validates the draft of this row, and the list shows it validated. */
    private static void validate(Browser doctor, String row) {
        doctor.click(row + "[data-status=PRELIMINARY] button.validate");
        doctor.waitFor().until(d -> !d.findElements(By.cssSelector(row + "[data-status=FINAL]")).isEmpty());
    }
}
