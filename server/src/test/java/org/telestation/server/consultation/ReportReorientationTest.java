package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.telestation.server.directory.CircleMembership;
import org.telestation.server.directory.CircleService;
import org.telestation.server.directory.Professional;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.documents.Report;
import org.telestation.server.documents.ReportService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.ValidationException;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.ServerTest;

/**
 * Re-orientation in the report: a relay doctor picked from the directory with an appointment booked (validated,
 * stored, printed in the PDF, the PDF e-mailed to the relay doctor, the patient told by SMS and e-mail without any
 * clinical content, every sending audited and retried), or emergency services with the mode and time.
 */
@ServerTest
class ReportReorientationTest extends WithSmtpMailbox {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String CONCLUSION = "Suspicion de pneumopathie";
    static final String FINDINGS = "Crépitants base droite";
    static final String PRESCRIPTION = "Amoxicilline 1 g x3/j";

    @Autowired ConsultationService consultations;
    @Autowired ReportService reports;
    @Autowired ProfessionalService professionals;
    @Autowired CircleService circle;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    ConsultationWorld w;
    Consultation c;
    String tag;
    Professional relay;

    @BeforeEach
    void cast() {
        w = ConsultationWorld.create(context);
        tag = UUID.randomUUID().toString().substring(0, 6);
        relay = professionals.create(new Professional.Draft(null, "RELAIS" + tag, "Hélène",
                Professional.Profession.MEDECIN, List.of(Professional.Speciality.MEDECINE_GENERALE),
                "relais-" + tag + "@relais.example", "03 25 11 22 33", null,
                "Maison de santé, 12 avenue de la République, 52100 Saint-Dizier"));
        circle.grant(relay.id(), CircleMembership.CircleRole.BOTH, "test");
        Consultation checkedIn = consultations.checkIn(new ConsultationService.CheckIn(w.patient().id(),
                w.stationId(), null, Consultation.Place.SITE, false), w.nurseActor());
        consultations.preInterview(checkedIn.id(), new ConsultationService.PreInterview(true, true,
                Consultation.DmpChoice.CONSENT, "Fièvre et toux"), w.nurseActor());
        c = consultations.admit(checkedIn.id(), w.doctorActor(), "Dr Thomas Test");
    }

    private Report.Content relayContent(UUID doctor, Instant at, String place) {
        return new Report.Content("Fièvre et toux", FINDINGS, CONCLUSION, PRESCRIPTION,
                Report.Reorientation.RELAY_DOCTOR, null, new Report.Relay(doctor, at, place), null);
    }

    private Instant inTwoDays() {
        return clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
    }

    private List<String> problems(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
        }
        throw new AssertionError("no validation problem");
    }

    private void assertNothingWritten() {
        Report r = reports.find(c.id()).orElseThrow();
        assertThat(r.status()).isEqualTo(Report.Status.DRAFT);
        assertThat(r.reorientation()).isEqualTo(Report.Reorientation.NONE);
        assertThat(r.relay()).isNull();
        assertThat(r.conclusion()).isNull();
    }

    @Test
    void relayAppointmentIsValidatedAndNothingIsHalfWritten() {
        reports.open(c.id(), w.doctorActor(), "Dr Thomas Test");
        assertThat(problems(() -> reports.save(c.id(), relayContent(null, null, null), w.doctorActor(), "Dr")))
                .containsExactlyInAnyOrder("relayProfessionalId:documents.error.relay-doctor.required",
                        "relayAppointmentAt:documents.error.relay-date.required");
        assertThat(problems(() -> reports.sign(c.id(), relayContent(relay.id(), clock.instant().minusSeconds(60),
                null), w.doctorActor(), "Dr"))).containsExactly("relayAppointmentAt:documents.error.relay-date.past");
        assertThat(problems(() -> reports.save(c.id(), relayContent(relay.id(), clock.instant().plus(Duration
                .ofDays(400)), null), w.doctorActor(), "Dr")))
                .containsExactly("relayAppointmentAt:documents.error.relay-date.too-far");
        assertThat(problems(() -> reports.save(c.id(), relayContent(UUID.randomUUID(), inTwoDays(), "Ici"),
                w.doctorActor(), "Dr"))).containsExactly("relayProfessionalId:documents.error.relay-doctor.unknown");
        Professional nurse = professionals.create(new Professional.Draft(null, "INF" + tag, "Anne",
                Professional.Profession.INFIRMIER, List.of(), "inf-" + tag + "@relais.example", null, null,
                "1 rue Basse"));
        assertThat(problems(() -> reports.save(c.id(), relayContent(nurse.id(), inTwoDays(), null),
                w.doctorActor(), "Dr"))).containsExactly("relayProfessionalId:documents.error.relay-doctor.not-doctor");
        Professional noPractice = professionals.create(new Professional.Draft(null, "SANSCAB" + tag, "Luc",
                Professional.Profession.MEDECIN, List.of(), null, null, null));
        assertThat(problems(() -> reports.save(c.id(), relayContent(noPractice.id(), inTwoDays(), " "),
                w.doctorActor(), "Dr"))).containsExactly("relayPlace:documents.error.relay-place.required");
        assertNothingWritten();
        assertThat(consultations.view(c.id(), w.doctorActor()).status()).isEqualTo(ConsultationStatus.IN_PROGRESS);

        // A place typed by the doctor wins over the practice; leaving RELAY_DOCTOR clears the appointment.
        Report saved = reports.save(c.id(), relayContent(noPractice.id(), inTwoDays(), "Cabinet de garde"),
                w.doctorActor(), "Dr");
        assertThat(saved.relay()).isEqualTo(new Report.Relay(noPractice.id(), inTwoDays(), "Cabinet de garde"));
        Report back = reports.save(c.id(), new Report.Content("r", null, null, null, Report.Reorientation.MT, null,
                new Report.Relay(relay.id(), inTwoDays(), "x"), new Report.Emergency(Report.EmergencyMode.OWN_MEANS,
                clock.instant())), w.doctorActor(), "Dr");
        assertThat(back.relay()).isNull();
        assertThat(back.emergency()).isNull();
        assertThat(jdbc.sql("select count(*) from document_reference where id = :id and relay_professional_id is null"
                + " and relay_appointment_at is null and relay_place is null and emergency_mode is null")
                .param("id", back.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theRelayDoctorGetsThePdfAndThePatientTheAppointmentOnly() throws Exception {
        jdbc.sql("update patient set email = :e where id = :id").param("e", "patient-" + tag + "@patient.example")
                .param("id", w.patient().id()).update();
        Instant at = inTwoDays();
        String day = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(PARIS).format(at);
        String time = DateTimeFormatter.ofPattern("HH:mm").withZone(PARIS).format(at);

        Report signed = reports.sign(c.id(), relayContent(relay.id(), at, null), w.doctorActor(), "Dr Thomas Test");
        assertThat(signed.relay().place()).as("the practice address by default")
                .isEqualTo("Maison de santé, 12 avenue de la République, 52100 Saint-Dizier");
        String pdfText = text(reports.pdf(c.id(), w.doctorActor()));
        assertThat(pdfText).contains("Hélène RELAIS" + tag.toUpperCase()).contains(day + " à " + time)
                .contains("12 avenue de la République");

        reports.sendToMt(c.id(), w.doctorActor());
        Report sent = reports.sendToRelay(c.id(), w.doctorActor());
        assertThat(sent.relayDelivery()).isEqualTo(new Report.Delivery(relay.email(), sent.relayDelivery().at(),
                null));
        MimeMessage[] toRelay = mail.getReceivedMessagesForDomain("relais.example");
        assertThat(toRelay).hasSize(1);
        assertThat(toRelay[0].getSubject()).isEqualTo("Patient adressé — rendez-vous le " + day + " à " + time);
        MimeMultipart parts = (MimeMultipart) toRelay[0].getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("compte-rendu-teleconsultation.pdf");
        try (InputStream pdf = parts.getBodyPart(1).getInputStream()) {
            assertThat(text(pdf.readAllBytes())).contains(CONCLUSION).contains("Hélène RELAIS" + tag.toUpperCase());
        }
        assertThat(mail.getReceivedMessagesForDomain("cabinet.example")).as("the MT still gets it").hasSize(1);

        Report told = reports.notifyPatient(c.id(), w.doctorActor());
        assertThat(told.patientNotice().smsAt()).isNotNull();
        assertThat(told.patientNotice().emailAt()).isNotNull();
        assertThat(told.patientNotice().error()).isNull();
        List<String> texts = jdbc.sql("select body from sms_outbox where phone = :p and body like :d")
                .param("p", w.patient().phone()).param("d", "%RELAIS" + tag.toUpperCase() + "%")
                .query(String.class).list();
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).contains(day).contains(time).contains("Hélène RELAIS" + tag.toUpperCase())
                .contains("12 avenue de la République").contains("03 25 11 22 33");
        MimeMessage[] toPatient = mail.getReceivedMessagesForDomain("patient.example");
        assertThat(toPatient).hasSize(1);
        String patientMail = GreenMailUtil.getBody(toPatient[0]);
        assertThat(toPatient[0].getSubject()).contains(day);
        assertThat(patientMail).doesNotContain("application/pdf");
        for (String message : List.of(texts.get(0), patientMail, toPatient[0].getSubject())) {
            assertThat(message).doesNotContain(CONCLUSION).doesNotContain(FINDINGS).doesNotContain(PRESCRIPTION)
                    .doesNotContain("Fièvre").doesNotContain("toux");
        }

        // A retry sends nothing twice: both channels worked.
        reports.notifyPatient(c.id(), w.doctorActor());
        assertThat(jdbc.sql("select count(*) from sms_outbox where body like :d")
                .param("d", "%RELAIS" + tag.toUpperCase() + "%").query(Long.class).single()).isEqualTo(1);
        assertThat(mail.getReceivedMessagesForDomain("patient.example")).hasSize(1);

        assertThat(auditDetails(signed.id())).contains("signed", "sent to the MT", "sent to the relay doctor",
                "appointment sent to the patient by SMS", "appointment sent to the patient by e-mail");
    }

    @Test
    void aRelayDoctorWithoutAddressIsAFailureShownAndRetried() {
        Professional unreachable = professionals.create(new Professional.Draft(null, "INJOIGNABLE" + tag, "Marc",
                Professional.Profession.MEDECIN, List.of(), null, null, null, "3 rue du Puits, 52100 Bettancourt"));
        jdbc.sql("update patient set phone = null, email = null where id = :id").param("id", w.patient().id())
                .update();
        reports.sign(c.id(), relayContent(unreachable.id(), inTwoDays(), null), w.doctorActor(), "Dr");
        Report failed = reports.sendToRelay(c.id(), w.doctorActor());
        assertThat(failed.relayDelivery().failed()).isTrue();
        assertThat(failed.relayDelivery().to()).isNull();
        Report untold = reports.notifyPatient(c.id(), w.doctorActor());
        assertThat(untold.patientNotice().failed()).isTrue();
        assertThat(auditOutcomes(failed.id(), "FAILURE")).contains("no address for the relay doctor",
                "no phone nor e-mail for the patient");

        jdbc.sql("update professional set email = :e where id = :id").param("e", "marc-" + tag + "@relais.example")
                .param("id", unreachable.id()).update();
        jdbc.sql("update patient set phone = '06 99 99 99 99' where id = :id").param("id", w.patient().id()).update();
        Report retried = reports.sendToRelay(c.id(), w.doctorActor());
        assertThat(retried.relayDelivery().failed()).isFalse();
        assertThat(retried.relayDelivery().to()).isEqualTo("marc-" + tag + "@relais.example");
        assertThat(mail.getReceivedMessagesForDomain("relais.example")).hasSize(1);
        Report told = reports.notifyPatient(c.id(), w.doctorActor());
        assertThat(told.patientNotice().failed()).isFalse();
        assertThat(told.patientNotice().smsAt()).isNotNull();
    }

    @Test
    void withoutRelayAppointmentThereIsNothingToSendToARelay() {
        reports.sign(c.id(), new Report.Content("r", null, CONCLUSION, null, Report.Reorientation.MT, null),
                w.doctorActor(), "Dr");
        assertThatThrownBy(() -> reports.sendToRelay(c.id(), w.doctorActor())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> reports.notifyPatient(c.id(), w.doctorActor()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void emergencyRecordsTheModeAndTimeInThePdf() throws Exception {
        reports.open(c.id(), w.doctorActor(), "Dr");
        Report.Content noMode = new Report.Content("r", null, CONCLUSION, null, Report.Reorientation.EMERGENCY,
                null, null, new Report.Emergency(null, null));
        assertThat(problems(() -> reports.sign(c.id(), noMode, w.doctorActor(), "Dr"))).containsExactlyInAnyOrder(
                "emergencyMode:documents.error.emergency-mode.required",
                "emergencyAt:documents.error.emergency-time.required");
        Report.Content lastWeek = new Report.Content("r", null, CONCLUSION, null, Report.Reorientation.EMERGENCY,
                null, null, new Report.Emergency(Report.EmergencyMode.SAMU_CALLED,
                clock.instant().minus(Duration.ofDays(7))));
        assertThat(problems(() -> reports.sign(c.id(), lastWeek, w.doctorActor(), "Dr")))
                .containsExactly("emergencyAt:documents.error.emergency-time.range");
        assertNothingWritten();

        Instant at = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Report signed = reports.sign(c.id(), new Report.Content("r", null, CONCLUSION, null,
                Report.Reorientation.EMERGENCY, null, null, new Report.Emergency(Report.EmergencyMode.SAMU_CALLED,
                at)), w.doctorActor(), "Dr");
        assertThat(signed.emergency()).isEqualTo(new Report.Emergency(Report.EmergencyMode.SAMU_CALLED, at));
        assertThat(text(reports.pdf(c.id(), w.doctorActor()))).contains("SAMU (15) appelé")
                .contains(DateTimeFormatter.ofPattern("dd/MM/yyyy à HH:mm").withZone(PARIS).format(at));
    }

    @Test
    void theEditorAnswers422WithFrenchMessagesAndKeepsWhatWasTyped() throws Exception {
        reports.open(c.id(), w.doctorActor(), "Dr");
        String yesterday = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(1)), PARIS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        String page = mvc.perform(post("/consultations/{id}/report/sign", c.id()).with(csrf())
                        .with(user(w.doctor().username()).roles("GP"))
                        .param("reason", "Fièvre").param("conclusion", CONCLUSION)
                        .param("reorientation", "RELAY_DOCTOR").param("relayProfessionalId", relay.id().toString())
                        .param("relayAppointmentAt", yesterday).param("relayPlace", ""))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Le rendez-vous doit être dans le futur.").contains(CONCLUSION)
                .contains("value=\"" + yesterday + "\"");
        String garbled = mvc.perform(post("/consultations/{id}/report", c.id()).with(csrf())
                        .with(user(w.doctor().username()).roles("GP"))
                        .param("reorientation", "RELAY_DOCTOR").param("relayProfessionalId", "pas-un-id")
                        .param("relayAppointmentAt", "demain"))
                .andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(garbled).contains("Ce médecin relais n&#39;est pas dans l&#39;annuaire.")
                .contains("Date ou heure illisible.");
        assertNothingWritten();
        assertThat(consultations.view(c.id(), w.doctorActor()).status()).isEqualTo(ConsultationStatus.IN_PROGRESS);

        String tomorrow = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(1)), PARIS)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        mvc.perform(post("/consultations/{id}/report/sign", c.id()).with(csrf())
                        .with(user(w.doctor().username()).roles("GP"))
                        .param("reason", "Fièvre").param("conclusion", CONCLUSION)
                        .param("reorientation", "RELAY_DOCTOR").param("relayProfessionalId", relay.id().toString())
                        .param("relayAppointmentAt", tomorrow))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/consultations/" + c.id() + "/report"));
        Report signed = reports.find(c.id()).orElseThrow();
        assertThat(signed.status()).isEqualTo(Report.Status.SIGNED);
        assertThat(signed.relayDelivery().to()).isEqualTo(relay.email());
        assertThat(signed.patientNotice().smsAt()).isNotNull();
        assertThat(mail.getReceivedMessagesForDomain("relais.example")).hasSize(1);
    }

    @Test
    void theDirectoryKeepsThePracticeAddressFromTheApiAndTheForm() throws Exception {
        String created = mvc.perform(post("/api/directory/professionals").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"familyName\":\"API" + tag + "\",\"givenName\":\"Paul\",\"profession\":"
                                + "\"MEDECIN\",\"practiceAddress\":\"5 rue Neuve, 52100 Saint-Dizier\"}")
                        .with(csrf()).with(user("c").roles("COORDINATOR")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(created).contains("\"practiceAddress\":\"5 rue Neuve, 52100 Saint-Dizier\"");
        mvc.perform(post("/directory/professionals").param("familyName", "FORM" + tag).param("givenName", "Zoé")
                        .param("profession", "MEDECIN").param("practiceAddress", "8 rue Haute, 52100 Saint-Dizier")
                        .with(csrf()).with(user("c").roles("COORDINATOR")))
                .andExpect(status().is3xxRedirection());
        assertThat(professionals.list()).filteredOn(p -> p.familyName().endsWith(tag))
                .extracting(Professional::practiceAddress)
                .contains("5 rue Neuve, 52100 Saint-Dizier", "8 rue Haute, 52100 Saint-Dizier");
        // Both are doctors outside the circle: offered after the circle's members.
        ReportService.RelayCandidates candidates = reports.relayCandidates();
        assertThat(candidates.circle()).extracting(Professional::id).contains(relay.id());
        assertThat(candidates.others()).extracting(Professional::familyName).contains("API" + tag, "FORM" + tag);
        assertThat(candidates.circle()).noneMatch(p -> p.profession() != Professional.Profession.MEDECIN);
    }

    private List<String> auditDetails(UUID reportId) {
        return jdbc.sql("select detail from audit_event where resource_type = 'DocumentReference' "
                + "and resource_id = :id and detail is not null").param("id", reportId.toString())
                .query(String.class).list();
    }

    private List<String> auditOutcomes(UUID reportId, String outcome) {
        return jdbc.sql("select detail from audit_event where resource_type = 'DocumentReference' "
                        + "and resource_id = :id and outcome = :o").param("id", reportId.toString())
                .param("o", outcome).query(String.class).list();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
