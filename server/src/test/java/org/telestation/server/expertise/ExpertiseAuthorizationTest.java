package org.telestation.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.security.Role;

/**
 * The closed circle over HTTP: an outsider cannot create, see or answer a request; a revocation applies to the very
 * next call; bad input is refused with nothing written; the coordinator's statistics.
 */
class ExpertiseAuthorizationTest extends ExpertiseTestBase {

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    static RequestPostProcessor as(Actor a) {
        return user(a.username()).roles(a.role().name());
    }

    MockMultipartHttpServletRequestBuilder newRequest(UUID patient, byte[] file, String fileName, boolean consent) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/api/expertise/requests")
                .file(new MockMultipartFile("files", fileName, "application/octet-stream", file))
                .param("patientId", patient.toString()).param("kind", "ECG").param("speciality", "CARDIOLOGIE")
                .param("question", "Avis sur cet ECG ?").param("consent", String.valueOf(consent)).with(csrf());
    }

    @Test
    void outsidersCannotCreateSeeOrAnswer() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor outsiderGp = fixtures.professional("out-gp", Role.GP, Speciality.MEDECINE_GENERALE, null);
        Actor outsiderCardio = fixtures.professional("out-cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, null);
        Actor otherMemberGp = fixtures.professional("gp2", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        UUID patient = fixtures.patient();

        mvc.perform(newRequest(patient, ExpertiseFixtures.dicomEcg(), "ecg.dcm", true).with(as(outsiderGp)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://telestation.org/problems/not-in-circle"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("coordinateur")));

        String created = mvc.perform(newRequest(patient, ExpertiseFixtures.dicomEcg(), "ecg.dcm", true).with(as(gp)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");

        mvc.perform(get("/api/expertise/requests/" + id).with(as(outsiderGp))).andExpect(status().isForbidden());
        mvc.perform(get("/api/expertise/requests/" + id).with(as(outsiderCardio))).andExpect(status().isForbidden());
        mvc.perform(get("/api/expertise/requests/" + id).with(as(otherMemberGp)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("expertise.refused.not-yours"));
        mvc.perform(get("/api/expertise/inbox").with(as(outsiderCardio))).andExpect(status().isForbidden());
        mvc.perform(post("/api/expertise/requests/" + id + "/answer").with(as(outsiderCardio)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"form\":\"ECG\",\"conclusion\":\"NORMAL\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/expertise/requests/" + id).with(as(outsiderCardio)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("cercle")));
        mvc.perform(get("/api/expertise/requests/" + id).with(as(gp))).andExpect(status().isOk())
                .andExpect(jsonPath("$.request.state").value("REQUESTED"));
        assertThat(jdbc.queryForObject("select count(*) from expertise_answer where request_id = ?::uuid",
                Integer.class, id)).isZero();
    }

    @Test
    void revokingAnExpertAppliesAtOnce() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor cardio = fixtures.professional("cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, CircleRole.EXPERT);
        ExpertiseRequest r = service.create(gp, ExpertiseFixtures.ecgRequest(fixtures.patient()));
        mvc.perform(get("/api/expertise/inbox").with(as(cardio))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + r.id() + "')]").exists());
        fixtures.revoke(cardio);
        mvc.perform(get("/api/expertise/inbox").with(as(cardio))).andExpect(status().isForbidden());
        mvc.perform(get("/api/expertise/requests/" + r.id()).with(as(cardio))).andExpect(status().isForbidden());
    }

    @Test
    void aNurseAsksForACircleDoctorButNotForAnOutsider() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor outsiderGp = fixtures.professional("out-gp", Role.GP, Speciality.MEDECINE_GENERALE, null);
        Actor nurse = fixtures.professional("ide", Role.NURSE, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        UUID patient = fixtures.patient();
        String created = mvc.perform(newRequest(patient, ExpertiseFixtures.dicomEcg(), "ecg.dcm", true)
                        .param("requesterId", gp.professionalId().toString()).with(as(nurse)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = created.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
        mvc.perform(get("/api/expertise/sent").with(as(gp))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')]").exists());
        assertThat(jdbc.queryForMap("select requester_id, created_by, consent_recorded_by from expertise_request "
                + "where id = ?::uuid", id))
                .containsEntry("requester_id", gp.professionalId()).containsEntry("created_by", nurse.username())
                .containsEntry("consent_recorded_by", nurse.username());
        mvc.perform(newRequest(patient, ExpertiseFixtures.dicomEcg(), "ecg.dcm", true)
                        .param("requesterId", outsiderGp.professionalId().toString()).with(as(nurse)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("expertise.refused.requester-not-member"));
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        UUID patient = fixtures.patient();
        Integer before = jdbc.queryForObject("select count(*) from expertise_request", Integer.class);
        mvc.perform(newRequest(patient, ExpertiseFixtures.dicomEcg(), "ecg.dcm", false).with(as(gp)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("expertise.consent.required"));
        mvc.perform(newRequest(patient, "MZ not an ECG".getBytes(), "ecg.exe", true).with(as(gp)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("expertise.file.type"));
        byte[] broken = ExpertiseFixtures.dicomEcg();
        broken = java.util.Arrays.copyOf(broken, broken.length / 2);
        mvc.perform(newRequest(patient, broken, "ecg.dcm", true).with(as(gp)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("expertise.file.ecg-unreadable"));
        mvc.perform(newRequest(UUID.randomUUID(), ExpertiseFixtures.dicomEcg(), "ecg.dcm", true).with(as(gp)))
                .andExpect(status().isUnprocessableEntity());
        assertThat(jdbc.queryForObject("select count(*) from expertise_request", Integer.class)).isEqualTo(before);
    }

    @Test
    void coordinatorSeesResponseTimesPerSpeciality() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor cardio = fixtures.professional("cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, CircleRole.EXPERT);
        Actor coordinator = fixtures.coordinator();
        advance(java.time.Duration.ofSeconds(1)); // no other request shares this creation instant
        ExpertiseRequest r = service.create(gp, ExpertiseFixtures.ecgRequest(fixtures.patient()));
        advance(java.time.Duration.ofHours(6));
        service.answer(cardio, r.id(), new Answer.Draft(Answer.Form.ECG, Answer.EcgConclusion.ABNORMAL, "BBD complet",
                "Consultation", true, null, null, null, null, null, null, null));
        mvc.perform(get("/api/expertise/stats").with(as(coordinator))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.speciality == 'CARDIOLOGIE')].answered").isNotEmpty())
                .andExpect(jsonPath("$[?(@.speciality == 'CARDIOLOGIE')].medianHours").isNotEmpty())
                .andExpect(jsonPath("$[?(@.speciality == 'CARDIOLOGIE')].p90Hours").isNotEmpty())
                .andExpect(jsonPath("$[?(@.speciality == 'CARDIOLOGIE')].shareWithinDeadline").isNotEmpty());
        mvc.perform(get("/api/expertise/stats").with(as(gp))).andExpect(status().isForbidden());
        ExpertiseStats stats = context.getBean(ExpertiseStats.class);
        ExpertiseStats.Row row = stats.perSpeciality(r.requestedAt(), r.requestedAt().plusSeconds(1)).get(0);
        assertThat(row.answered()).isEqualTo(1);
        assertThat(row.medianHours()).isEqualTo(6.0);
        assertThat(row.shareWithinDeadline()).isEqualTo(1.0);
    }
}
