package org.telestation.server.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.telestation.server.testsupport.ServerTest;

/** Bad input gets a clear 4xx: problem details under /api, a French page on screens, nothing half-written. */
@ServerTest
class BadInputTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void malformedJsonIs400ProblemDetail() throws Exception {
        mvc.perform(post("/api/patients").contentType(MediaType.APPLICATION_JSON).content("{\"birthFamilyName\": ")
                        .with(csrf()).with(user("n").roles("NURSE")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://telestation.org/problems/malformed"))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void unknownIdIs404ProblemOnTheApiAndAFrenchPageOnScreens() throws Exception {
        mvc.perform(get("/api/patients/" + UUID.randomUUID()).with(user("n").roles("NURSE")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://telestation.org/problems/not-found"));
        mvc.perform(get("/patients/" + UUID.randomUUID()).with(user("n").roles("NURSE")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Cette ressource n&#39;existe pas.")));
        mvc.perform(get("/api/patients/not-a-uuid").with(user("n").roles("NURSE")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void validationFailuresAre422WithTheFields() throws Exception {
        mvc.perform(post("/api/directory/professionals").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rpps\":\"10001000017\",\"familyName\":\"\",\"givenName\":\"Ana\",\"profession\":\"MEDECIN\"}")
                        .with(csrf()).with(user("c").roles("COORDINATOR")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[?(@.field=='rpps')].code").value("directory.rpps.invalid"))
                .andExpect(jsonPath("$.errors[?(@.field=='familyName')].code").value("validation.required"));
    }

    @Test
    void oversizeFieldsAre422AndOversizeBodiesAre413() throws Exception {
        mvc.perform(post("/api/directory/sites").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + "S".repeat(201) + "\",\"kind\":\"CARE_HOME\"}")
                        .with(csrf()).with(user("c").roles("COORDINATOR")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].code").value("validation.too-long"));
        mvc.perform(post("/api/patients").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"birthFamilyName\":\"" + "x".repeat(2_000_000) + "\"}")
                        .with(csrf()).with(user("n").roles("NURSE")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.status").value(413));
        Integer count = jdbc.sql("select count(*) from patient where length(birth_family_name) > 100")
                .query(Integer.class).single();
        org.assertj.core.api.Assertions.assertThat(count).isZero();
    }

    @Test
    void unknownEnumValueIs400AndDuplicateMembershipIs409() throws Exception {
        mvc.perform(post("/api/directory/sites").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"X\",\"kind\":\"CASTLE\"}").with(csrf()).with(user("c").roles("COORDINATOR")))
                .andExpect(status().isBadRequest());
        String pro = mvc.perform(post("/api/directory/professionals").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"familyName\":\"Circle\",\"givenName\":\"Twice\",\"profession\":\"MEDECIN\"}")
                        .with(csrf()).with(user("c").roles("COORDINATOR")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = com.jayway.jsonpath.JsonPath.read(pro, "$.id");
        String grant = "{\"professionalId\":\"" + id + "\",\"role\":\"EXPERT\"}";
        mvc.perform(post("/api/directory/circle").contentType(MediaType.APPLICATION_JSON).content(grant)
                .with(csrf()).with(user("c").roles("COORDINATOR"))).andExpect(status().isCreated());
        mvc.perform(post("/api/directory/circle").contentType(MediaType.APPLICATION_JSON).content(grant)
                        .with(csrf()).with(user("c").roles("COORDINATOR")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("directory.circle.already-member"));
    }
}
