package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.telestation.devices.audio.WavAudio;
import org.telestation.devices.audio.WavReader;
import org.telestation.devices.audio.WavWriter;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.sim.EcgSimulator;
import org.telestation.server.documents.Report;
import org.telestation.server.documents.ReportService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.ServerTest;

/**
 * Non-scalar captures become drafts too: a 12-lead ECG (Observation LOINC 11524-6), a still and a stethoscope clip
 * (Media) with what the doctor judges them by, served to participants only (audited, other doctor 403), validated
 * or discarded by the admitting doctor only; unreadable payloads of every kind are kept out of sight; the validated
 * ones reach the report and the PDF (the still as an image).
 */
@ServerTest
class ObservationDraftsTest extends WithSmtpMailbox {
    @Autowired ConsultationService consultations;
    @Autowired ObservationService observations;
    @Autowired ReportService reports;
    @Autowired JdbcClient jdbc;
    @Autowired MutableClock clock;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    ConsultationWorld w;
    Consultation c;

    @BeforeEach
    void admitted() {
        w = ConsultationWorld.create(context);
        c = w.admitted(consultations, "Palpitations");
    }

    static byte[] ecg() {
        return DicomEcgWriter.write(EcgSimulator.generate(EcgSimulator.Config.standard()).recording());
    }

    static byte[] jpeg(int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(width / 2, height / 2, 0xCC3333);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    static byte[] wav(int rate, int seconds) {
        byte[] pcm = new byte[rate * seconds * 2];
        for (int i = 0; i < pcm.length / 2; i++) {
            short v = (short) (8000 * Math.sin(i * 2 * Math.PI * 60 / rate));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        return WavWriter.toBytes(rate, 1, pcm);
    }

    private Observation only(List<Observation> list, Observation.Kind kind) {
        return list.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void ecgStillAndClipBecomeDraftsWithWhatTheDoctorJudgesThemBy() throws Exception {
        byte[] still = jpeg(1280, 960);
        byte[] clip = wav(4000, 3);
        item("ECG", "application/dicom", ecg());
        item("IMAGE", "image/jpeg; laterality=R", still);
        item("AUDIO", "audio/wav", clip);
        long[] garbage = {item("ECG", "application/dicom", "DICM?".getBytes(StandardCharsets.UTF_8)),
                item("IMAGE", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0, 2}),
                item("AUDIO", "audio/wav", "RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))};

        List<Observation> drafts = observations.list(c.id(), w.doctorActor());
        assertThat(drafts).extracting(Observation::kind).containsExactlyInAnyOrder(Observation.Kind.ECG,
                Observation.Kind.IMAGE, Observation.Kind.AUDIO);
        assertThat(drafts).allSatisfy(o -> {
            assertThat(o.status()).isEqualTo(Observation.Status.PRELIMINARY);
            assertThat(o.sign()).isNull();
            assertThat(o.value()).isNull();
        });
        for (long g : garbage) {
            assertThat(jdbc.sql("select status from observation where station_item_id = :i").param("i", g)
                    .query(String.class).single()).isEqualTo("CANCELLED");
        }
        assertThat(observations.list(c.id(), w.nurseActor())).hasSize(3); // nothing imported twice

        Observation ecg = only(drafts, Observation.Kind.ECG);
        assertThat(ecg.loinc()).isEqualTo("11524-6");
        assertThat(ecg.media().channels()).isEqualTo(12);
        assertThat(ecg.media().sampleRateHz()).isEqualTo(500.0);
        assertThat(ecg.media().durationSeconds()).isEqualTo(10);
        assertThat(ecg.media().heartRateBpm()).isBetween(68.0, 76.0);
        assertThat(ecg.media().qrsMs()).isBetween(70.0, 110.0);
        Observation image = only(drafts, Observation.Kind.IMAGE);
        assertThat(image.media()).extracting(Observation.Media::contentType, Observation.Media::width,
                Observation.Media::height, Observation.Media::bodySite, Observation.Media::sizeBytes)
                .containsExactly("image/jpeg", 1280, 960, MediaDrafts.RIGHT_EYE, (long) still.length);
        Observation audio = only(drafts, Observation.Kind.AUDIO);
        assertThat(audio.media().durationMs()).isEqualTo(3000);
        assertThat(audio.media().sampleRateHz()).isEqualTo(4000.0);

        // Content for the participants, with its own type; the ECG as the viewer draws it.
        assertThat(observations.content(c.id(), image.id(), w.nurseActor()).bytes()).isEqualTo(still);
        WavAudio served = WavReader.read(observations.content(c.id(), audio.id(), w.doctorActor()).bytes());
        assertThat(served.frameCount()).isEqualTo(12_000);
        assertThat(served.pcm16le()).isEqualTo(WavReader.read(clip).pcm16le());
        assertThat(observations.ecg(c.id(), ecg.id(), w.doctorActor()).leads()).hasSize(12);
        assertThatThrownBy(() -> observations.ecg(c.id(), image.id(), w.doctorActor()))
                .isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'Media' and action = 'READ' "
                + "and resource_id = :id").param("id", audio.id().toString()).query(Long.class).single()).isEqualTo(1);

        MockHttpServletResponse png = mvc.perform(get("/consultations/" + c.id() + "/observations/" + image.id()
                + "/content").with(user(w.doctor().username()).roles("GP"))).andReturn().getResponse();
        assertThat(png.getStatus()).isEqualTo(200);
        assertThat(png.getContentType()).isEqualTo("image/jpeg");
        assertThat(png.getContentAsByteArray()).isEqualTo(still);
        MockHttpServletResponse sound = mvc.perform(get("/consultations/" + c.id() + "/observations/" + audio.id()
                + "/content").with(user(w.nurse().username()).roles("NURSE"))).andReturn().getResponse();
        assertThat(sound.getContentType()).isEqualTo("audio/wav");
        MockHttpServletResponse json = mvc.perform(get("/consultations/" + c.id() + "/observations/" + ecg.id()
                + "/ecg").with(user(w.doctor().username()).roles("GP"))).andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(json.getContentAsString()).contains("\"sampleRateHz\":500.0").contains("\"name\":\"V6\"");
    }

    @Test
    void anotherDoctorIsRefusedAndAuditedAGuestOrTheNurseCannotDecideTheAdmittingDoctorDecides() throws Exception {
        item("ECG", "application/dicom", ecg());
        item("IMAGE", "image/jpeg", jpeg(640, 480));
        item("AUDIO", "audio/wav", wav(8000, 1));
        List<Observation> drafts = observations.list(c.id(), w.doctorActor());
        Observation ecg = only(drafts, Observation.Kind.ECG);
        Observation image = only(drafts, Observation.Kind.IMAGE);
        Observation audio = only(drafts, Observation.Kind.AUDIO);

        Actor other = new Actor(w.otherDoctor().username(), "GP");
        assertThatThrownBy(() -> observations.content(c.id(), image.id(), other))
                .isInstanceOf(AccessDeniedException.class);
        int refused = mvc.perform(get("/consultations/" + c.id() + "/observations/" + image.id() + "/content")
                .with(user(other.username()).roles("GP"))).andReturn().getResponse().getStatus();
        assertThat(refused).isEqualTo(403);
        assertThat(mvc.perform(get("/consultations/" + c.id() + "/observations/" + ecg.id() + "/ecg")
                .with(user(other.username()).roles("GP"))).andReturn().getResponse().getStatus()).isEqualTo(403);
        // The two HTTP refusals carry the other doctor's name (the service call above has no signed-in user).
        assertThat(jdbc.sql("select count(*) from audit_event where resource_type = 'Encounter' and resource_id = :id "
                + "and outcome = 'DENIED' and actor = :who").param("id", c.id().toString())
                .param("who", other.username()).query(Long.class).single()).isEqualTo(2);

        Actor guest = new Actor("guest:Interprète", "GUEST");
        for (Observation o : drafts) {
            assertThatThrownBy(() -> observations.validate(c.id(), o.id(), w.nurseActor()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> observations.validate(c.id(), o.id(), guest))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> observations.discard(c.id(), o.id(), other))
                    .isInstanceOf(AccessDeniedException.class);
        }

        assertThat(observations.validate(c.id(), ecg.id(), w.doctorActor()).status())
                .isEqualTo(Observation.Status.FINAL);
        assertThat(observations.validate(c.id(), image.id(), w.doctorActor()).status())
                .isEqualTo(Observation.Status.FINAL);
        assertThat(observations.discard(c.id(), audio.id(), w.doctorActor()).status())
                .isEqualTo(Observation.Status.CANCELLED);
        assertThatThrownBy(() -> observations.validate(c.id(), audio.id(), w.doctorActor()))
                .isInstanceOf(ConflictException.class);
        assertThat(observations.validated(c.id(), w.doctorActor())).extracting(Observation::kind)
                .containsExactlyInAnyOrder(Observation.Kind.ECG, Observation.Kind.IMAGE);
        assertThat(jdbc.sql("select resource_type from audit_event where action = 'UPDATE' and resource_id = :id")
                .param("id", image.id().toString()).query(String.class).single()).isEqualTo("Media");
        assertThat(jdbc.sql("select detail from audit_event where action = 'UPDATE' and resource_id = :id")
                .param("id", ecg.id().toString()).query(String.class).single()).isEqualTo("status final");

        // The report editor lists them; the signed PDF carries the validated still as an image.
        String editor = mvc.perform(get("/consultations/" + c.id() + "/report")
                .with(user(w.doctor().username()).roles("GP"))).andReturn().getResponse().getContentAsString();
        assertThat(editor).contains("data-kind=\"ECG\"").contains("FC 7").contains("data-kind=\"IMAGE\"")
                .contains("640×480");
        reports.sign(c.id(), new Report.Content("Palpitations", "ECG sinusal", "Pas d'anomalie", null,
                Report.Reorientation.NONE, null), w.doctorActor(), "Dr Thomas Test");
        byte[] pdf = jdbc.sql("select pdf from document_reference where consultation_id = :c").param("c", c.id())
                .query(byte[].class).single();
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/Subtype /Image");
    }

    private long item(String kind, String contentType, byte[] payload) {
        return jdbc.sql("""
                insert into station_item (station_id, idempotency_key, stream, stream_seq, kind, content_type,
                    captured_at, received_at, payload)
                values (:s, :k, :stream, (select coalesce(max(stream_seq), 0) + 1 from station_item
                        where station_id = :s and stream = :stream), :kind, :type, :t, :t, :p)
                returning id""")
                .param("s", w.stationId()).param("k", UUID.randomUUID()).param("stream", "sim:" + kind.toLowerCase())
                .param("kind", kind).param("type", contentType).param("t", Timestamp.from(clock.instant()))
                .param("p", payload).query(Long.class).single();
    }
}
