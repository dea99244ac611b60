package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.telestation.server.documents.Report;
import org.telestation.server.documents.ReportService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.ValidationException;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.ServerTest;

/**
 * The whole session through the services against the real database: check-in, pre-interview, waiting room,
 * admission (one doctor only), who may see it, interruption and resumption, captures becoming drafts, validation,
 * report signed to PDF and mailed (GreenMail SMTP), acts with configured amounts, status history.
 */
@ServerTest
class ConsultationFlowTest extends WithSmtpMailbox {
    @Autowired ConsultationService consultations;
    @Autowired ObservationService observations;
    @Autowired InvitationService invitations;
    @Autowired ReportService reports;
    @Autowired ActService acts;
    @Autowired EmergencyService emergencies;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired ApplicationContext context;

    ConsultationWorld w;

    @BeforeEach
    void cast() {
        w = ConsultationWorld.create(context);
    }

    private Consultation waiting() {
        Consultation c = consultations.checkIn(new ConsultationService.CheckIn(w.patient().id(), w.stationId(), null,
                Consultation.Place.SITE, false), w.nurseActor());
        return consultations.preInterview(c.id(), new ConsultationService.PreInterview(true, true,
                Consultation.DmpChoice.CONSENT, "Toux depuis 5 jours"), w.nurseActor());
    }

    @Test
    void preInterviewMustBeCompleteBeforeTheWaitingRoom() {
        Consultation c = consultations.checkIn(new ConsultationService.CheckIn(w.patient().id(), w.stationId(), null,
                Consultation.Place.SITE, false), w.nurseActor());
        assertThatThrownBy(() -> consultations.preInterview(c.id(), new ConsultationService.PreInterview(true,
                false, Consultation.DmpChoice.CONSENT, "Toux"), w.nurseActor()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("consultation.error.consent");
        assertThat(consultations.view(c.id(), w.nurseActor()).status()).isEqualTo(ConsultationStatus.CHECKED_IN);
        Consultation done = consultations.preInterview(c.id(), new ConsultationService.PreInterview(true, true,
                Consultation.DmpChoice.OPPOSITION, "Toux"), w.nurseActor());
        assertThat(done.status()).isEqualTo(ConsultationStatus.WAITING);
        assertThat(done.dmpChoice()).isEqualTo(Consultation.DmpChoice.OPPOSITION);
        assertThat(done.identityStatus()).isEqualTo("PROV");
    }

    @Test
    void waitingRoomShowsWaitingTimeAndOnlyOneDoctorAdmits() {
        Consultation c = waiting();
        clock.advance(Duration.ofMinutes(7));
        Consultation inRoom = consultations.waitingRoom(w.doctorActor()).stream()
                .filter(x -> x.id().equals(c.id())).findFirst().orElseThrow();
        // the database keeps microseconds: the wait is 7 minutes give or take the rounded nanoseconds
        assertThat(inRoom.waited(clock.instant())).isBetween(Duration.ofMinutes(7).minusMillis(1), Duration.ofMinutes(7).plusMillis(1));

        consultations.admit(c.id(), w.doctorActor(), "Dr Thomas Test");
        assertThatThrownBy(() -> consultations.admit(c.id(), new Actor(w.otherDoctor().username(), "GP"), "Dr Autre"))
                .isInstanceOf(ConflictException.class);
        assertThat(consultations.waitingRoom(w.doctorActor())).extracting(Consultation::id).doesNotContain(c.id());
        // Once admitted, only the nurse and the admitting doctor see it; the refusal is audited.
        assertThatThrownBy(() -> consultations.view(c.id(), new Actor(w.otherDoctor().username(), "GP")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'Encounter' and resource_id = :id "
                        + "and outcome = 'DENIED'").param("id", c.id().toString()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void interruptedSessionResumesAndHistoryNamesWhoAndWhen() {
        Consultation c = waiting();
        consultations.admit(c.id(), w.doctorActor(), "Dr Thomas Test");
        consultations.interrupt(c.id(), w.nurseActor());
        assertThatThrownBy(() -> consultations.resume(c.id(), new Actor(w.otherDoctor().username(), "GP")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(consultations.resume(c.id(), w.doctorActor()).status()).isEqualTo(ConsultationStatus.IN_PROGRESS);
        List<Transition> history = consultations.history(c.id(), w.doctorActor());
        assertThat(history).extracting(Transition::to).containsExactly(ConsultationStatus.CHECKED_IN,
                ConsultationStatus.WAITING, ConsultationStatus.IN_PROGRESS, ConsultationStatus.INTERRUPTED,
                ConsultationStatus.IN_PROGRESS);
        assertThat(history).extracting(Transition::actor).containsExactly(w.nurse().username(),
                w.nurse().username(), w.doctor().username(), w.nurse().username(), w.doctor().username());
        assertThat(history.get(2).from()).isEqualTo(ConsultationStatus.WAITING);
        assertThat(history).allSatisfy(t -> assertThat(t.at()).isNotNull());
    }

    @Test
    void capturesBecomeDraftsThatOnlyTheAdmittingDoctorValidatesThenTheSignedReportReachesTheMt() throws Exception {
        Consultation c = waiting();
        consultations.admit(c.id(), w.doctorActor(), "Dr Thomas Test");
        long sys = stationItem("SYSTOLIC_PRESSURE", "8480-6", 128, "mm[Hg]");
        stationItem("DIASTOLIC_PRESSURE", "8462-4", 82, "mm[Hg]");
        long garbage = stationItemRaw("{not json".getBytes(StandardCharsets.UTF_8));

        List<Observation> drafts = observations.list(c.id(), w.doctorActor());
        assertThat(drafts).hasSize(2).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Observation.Status.PRELIMINARY);
            assertThat(o.patientId()).isEqualTo(w.patient().id());
        });
        // Listing again imports nothing twice; the unreadable item is kept out of sight.
        assertThat(observations.list(c.id(), w.nurseActor())).hasSize(2);
        assertThat(jdbc.sql("select status from observation where station_item_id = :i").param("i", garbage)
                .query(String.class).single()).isEqualTo("CANCELLED");

        Observation systolic = drafts.stream().filter(o -> o.sign().equals("SYSTOLIC_PRESSURE")).findFirst()
                .orElseThrow();
        Observation diastolic = drafts.stream().filter(o -> o.sign().equals("DIASTOLIC_PRESSURE")).findFirst()
                .orElseThrow();
        assertThatThrownBy(() -> observations.validate(c.id(), systolic.id(), w.nurseActor()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(observations.validate(c.id(), systolic.id(), w.doctorActor()).status())
                .isEqualTo(Observation.Status.FINAL);
        assertThat(observations.discard(c.id(), diastolic.id(), w.doctorActor()).status())
                .isEqualTo(Observation.Status.CANCELLED);
        assertThatThrownBy(() -> observations.validate(c.id(), diastolic.id(), w.doctorActor()))
                .isInstanceOf(ConflictException.class);
        assertThat(observations.validated(c.id(), w.doctorActor())).extracting(Observation::value)
                .containsExactly(128.0);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'Observation' "
                        + "and resource_id = :id and detail = 'status final'").param("id", systolic.id().toString())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(sys).isPositive();

        Report.Content content = new Report.Content("Toux", "Auscultation libre", "Rhinopharyngite virale",
                "Paracétamol 1 g x3/j 3 jours", Report.Reorientation.MT, "Revoir le MT si fièvre > 3 jours");
        assertThatThrownBy(() -> reports.sign(c.id(), new Report.Content("Toux", null, null, null, null, null),
                w.doctorActor(), "Dr Thomas Test")).isInstanceOf(ValidationException.class);
        Report signed = reports.sign(c.id(), content, w.doctorActor(), "Dr Thomas Test");
        assertThat(signed.status()).isEqualTo(Report.Status.SIGNED);
        byte[] pdf = reports.pdf(c.id(), w.nurseActor());
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThatThrownBy(() -> reports.save(c.id(), content, w.doctorActor(), "Dr Thomas Test"))
                .isInstanceOf(ConflictException.class);

        Report sent = reports.sendToMt(c.id(), w.doctorActor());
        assertThat(sent.sentTo()).isEqualTo(w.mtEmail());
        MimeMessage[] received = mail.getReceivedMessagesForDomain("cabinet.example");
        assertThat(received).hasSize(1);
        MimeMultipart multipart = (MimeMultipart) received[0].getContent();
        assertThat(GreenMailUtil.getBody(received[0])).contains("application/pdf");
        assertThat(multipart.getCount()).isEqualTo(2);
        assertThat(multipart.getBodyPart(1).getFileName()).isEqualTo("compte-rendu-teleconsultation.pdf");

        Consultation closed = consultations.view(c.id(), w.doctorActor());
        assertThat(closed.status()).isEqualTo(ConsultationStatus.CLOSED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(acts.acts(c.id())).containsExactly(
                new ActService.Act("TCG", w.doctor().username(), new BigDecimal("25.00")),
                new ActService.Act("TLL", w.nurse().username(), new BigDecimal("12.00")));
    }

    @Test
    void nurseActDependsOnThePlace() {
        Consultation base = waiting();
        Consultation home = new Consultation(base.id(), base.patientId(), base.stationId(), base.siteId(), null,
                Consultation.Place.HOME, false, base.status(), true, null, true, null, null, null, null, null, "r",
                null, null, null, null, null);
        Consultation planned = new Consultation(base.id(), base.patientId(), base.stationId(), base.siteId(), null,
                Consultation.Place.HOME, true, base.status(), true, null, true, null, null, null, null, null, "r",
                null, null, null, null, null);
        assertThat(ActService.nurseAct(base)).isEqualTo("TLL");
        assertThat(ActService.nurseAct(home)).isEqualTo("TLD");
        assertThat(ActService.nurseAct(planned)).isEqualTo("TLS");
    }

    @Test
    void invitationLinkWorksOnceAndExpires() {
        Consultation c = waiting();
        consultations.admit(c.id(), w.doctorActor(), "Dr Thomas Test");
        var first = invitations.invite(c.id(), InvitationService.Role.INTERPRETER, "Interprète arabe",
                w.doctorActor());
        assertThat(invitations.redeem(first.token())).get().extracting(InvitationService.GuestPass::consultationId)
                .isEqualTo(c.id());
        assertThat(invitations.redeem(first.token())).as("second use").isEmpty();
        var late = invitations.invite(c.id(), InvitationService.Role.SPECIALIST, "Dr Cardio", w.doctorActor());
        clock.advance(Duration.ofHours(2).plusSeconds(1));
        assertThat(invitations.redeem(late.token())).as("expired").isEmpty();
        assertThat(invitations.redeem("0".repeat(48))).isEmpty();
        assertThat(jdbc.sql("select token_hash from consultation_invitation where id = :id").param("id", first.id())
                .query(String.class).single()).doesNotContain(first.token());
        assertThatThrownBy(() -> invitations.invite(c.id(), InvitationService.Role.SPECIALIST, "X",
                w.nurseActor())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void emergencyAlertsTheOnCallDoctorAndReturnsThePhone() throws Exception {
        var station = new org.telestation.server.measurements.StationRef(w.stationId(), w.station().stationCode());
        long textsBefore = jdbc.sql("select count(*) from sms_outbox where phone = '06 11 22 33 44'")
                .query(Long.class).single();
        EmergencyService.Alert alert = emergencies.raise(station);
        assertThat(alert.onCallPhone()).isEqualTo("06 11 22 33 44");
        assertThat(alert.emailed()).isTrue();
        assertThat(alert.texted()).isTrue();
        MimeMessage[] received = mail.getReceivedMessagesForDomain("hopital.example");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("URGENCE");
        assertThat(GreenMailUtil.getBody(received[0])).doesNotContain(w.patient().birthFamilyName());
        // The one SmsSender (platform) queues the text for the gateway, as booking's reminders.
        assertThat(jdbc.sql("select body from sms_outbox where phone = '06 11 22 33 44' order by id desc")
                .query(String.class).list()).hasSize((int) textsBefore + 1).first().asString()
                .doesNotContain(w.patient().birthFamilyName());
    }

    private long stationItem(String sign, String loinc, double value, String unit) {
        String json = "{\"sign\":\"" + sign + "\",\"loinc\":\"" + loinc + "\",\"unit\":\"" + unit
                + "\",\"origin\":\"NURSE_CAPTURE\",\"receiptTime\":\"" + clock.instant() + "\",\"value\":" + value
                + ",\"device\":{\"id\":\"bp\",\"kind\":\"BLOOD_PRESSURE_MONITOR\",\"manufacturer\":\"A&D\","
                + "\"model\":\"UA-651BLE\",\"serial\":\"1\"},\"flags\":[]}";
        return stationItemRaw(json.getBytes(StandardCharsets.UTF_8));
    }

    private long stationItemRaw(byte[] payload) {
        return jdbc.sql("""
                insert into station_item (station_id, idempotency_key, stream, stream_seq, kind, content_type,
                    captured_at, received_at, payload)
                values (:s, :k, :stream, (select coalesce(max(stream_seq), 0) + 1 from station_item
                        where station_id = :s and stream = :stream), 'MEASUREMENT', 'application/json', :t, :t, :p)
                returning id""")
                .param("s", w.stationId()).param("k", UUID.randomUUID()).param("stream", "bp")
                .param("t", Timestamp.from(clock.instant())).param("p", payload).query(Long.class).single();
    }
}
