package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telestation.server.directory.CircleMembership;
import org.telestation.server.directory.CircleService;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.testsupport.Browser;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.ServerTest;

/**
 * The doctor, in headless Chromium, ends a consultation by sending the patient to a relay doctor: picks re-orientation
 * "relay doctor", finds the doctor by typing part of the name (members of the CPTS circle listed first), sees the
 * practice address proposed as the place, gives the appointment's date, tries to sign without a conclusion (refused
 * with the French message, the appointment kept), writes it, signs; the page shows the relay doctor's copy sent and the patient's SMS, and the relay
 * doctor's mailbox (GreenMail SMTP) holds the PDF.
 */
@ServerTest
class ReportRelayBrowserTest extends WithSmtpMailbox {
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort int port;
    @Autowired ConsultationService consultations;
    @Autowired ProfessionalService professionals;
    @Autowired CircleService circle;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired ApplicationContext context;

    @Test
    void doctorBooksARelayAppointmentSignsAndTheRelayDoctorGetsThePdf() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context);
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String practice = "Cabinet du Vieux Pont, 4 quai Lamotte, 52100 Saint-Dizier";
        Professional relay = professionals.create(new Professional.Draft(null, "ZELAIS" + tag, "Inès",
                Professional.Profession.MEDECIN, List.of(Professional.Speciality.MEDECINE_GENERALE),
                "zelais-" + tag.toLowerCase() + "@relais-browser.example", null, null, practice));
        circle.grant(relay.id(), CircleMembership.CircleRole.BOTH, "test");
        Consultation c = consultations.checkIn(new ConsultationService.CheckIn(w.patient().id(), w.stationId(), null,
                Consultation.Place.SITE, false), w.nurseActor());
        consultations.preInterview(c.id(), new ConsultationService.PreInterview(true, true,
                Consultation.DmpChoice.CONSENT, "Douleur thoracique atypique"), w.nurseActor());
        consultations.admit(c.id(), w.doctorActor(), "Dr Thomas Test");

        try (Browser doctor = Browser.open(port)) {
            doctor.signIn(w.doctor().username(), ConsultationWorld.PASSWORD);
            doctor.go("/consultations/" + c.id() + "/report");
            assertThat(doctor.find("#relay").isDisplayed()).isFalse();
            new Select(doctor.find("#reorientation")).selectByValue("RELAY_DOCTOR");
            assertThat(doctor.find("#relay").isDisplayed()).isTrue();
            assertThat(doctor.find("#relayProfessionalId option[value='" + relay.id() + "']")
                    .getDomAttribute("data-circle")).isEqualTo("true");

            // Typing part of the name narrows the list to one doctor, who is chosen; the practice is the place.
            doctor.type("#relay-search", "zelais" + tag.toLowerCase());
            doctor.waitFor().until(d -> relay.id().toString().equals(new Select(doctor.find("#relayProfessionalId"))
                    .getFirstSelectedOption().getDomAttribute("value")));
            assertThat(doctor.find("#relayPlace").getDomProperty("value")).isEqualTo(practice);

            LocalDateTime appointment = LocalDateTime.ofInstant(clock.instant(), PARIS).plusDays(3).withHour(10)
                    .withMinute(30).withSecond(0).withNano(0);
            setDateTime(doctor, "#relayAppointmentAt", appointment);

            // Signing without a conclusion is refused by the server: the editor comes back with the French message
            // and the appointment as typed.
            doctor.click("#sign");
            assertThat(doctor.text("#problems")).contains("La conclusion est nécessaire pour signer.");
            assertThat(new Select(doctor.find("#relayProfessionalId")).getFirstSelectedOption()
                    .getDomAttribute("value")).isEqualTo(relay.id().toString());
            assertThat(doctor.find("#relayAppointmentAt").getDomProperty("value")).isEqualTo(LOCAL.format(appointment));
            assertThat(doctor.find("#relay").isDisplayed()).isTrue();

            // A date in the past: the input's minimum is now, the browser does not even post it.
            setDateTime(doctor, "#relayAppointmentAt", LocalDateTime.ofInstant(clock.instant(), PARIS).minusHours(2));
            assertThat((Boolean) ((JavascriptExecutor) doctor.driver()).executeScript(
                    "return document.getElementById('relayAppointmentAt').validity.rangeUnderflow;")).isTrue();

            setDateTime(doctor, "#relayAppointmentAt", appointment);
            doctor.type("#conclusion", "Douleur pariétale probable, avis à programmer.");
            doctor.clickAndLoad("#sign");
            assertThat(doctor.text("#report-status")).isEqualTo("Signé");
            assertThat(doctor.text("#relay-sent")).contains(relay.email());
            assertThat(doctor.find("#patient-sms").isDisplayed()).isTrue();
            assertThat(doctor.find("#relayProfessionalId").isEnabled()).as("read-only once signed").isFalse();
        }

        MimeMessage[] received = mail.getReceivedMessagesForDomain("relais-browser.example");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("Patient adressé — rendez-vous le ").endsWith("à 10:30");
        MimeMultipart parts = (MimeMultipart) received[0].getContent();
        try (InputStream pdf = parts.getBodyPart(1).getInputStream()) {
            byte[] bytes = pdf.readAllBytes();
            assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(ReportReorientationTest.text(bytes)).contains("Inès ZELAIS" + tag).contains("4 quai Lamotte");
        }
        assertThat(jdbc.sql("select count(*) from sms_outbox where body like :b").param("b", "%ZELAIS" + tag + "%")
                .query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Sets a {@code datetime-local} input as the browser's picker would: typing into it depends on the browser's
     * locale (mm/dd/yyyy or dd/mm/yyyy), its value does not.
     */
    private static void setDateTime(Browser browser, String css, LocalDateTime value) {
        ((JavascriptExecutor) browser.driver()).executeScript("const e = arguments[0]; e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true}));"
                + "e.dispatchEvent(new Event('change', {bubbles: true}));", browser.find(css), LOCAL.format(value));
    }
}
