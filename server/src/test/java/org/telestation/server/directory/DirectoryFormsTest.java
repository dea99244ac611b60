package org.telestation.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.telestation.server.testsupport.ServerTest;

/** The coordinator's directory forms: a valid form is saved and redirects; an invalid one shows its problems. */
@ServerTest
class DirectoryFormsTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ProfessionalService professionals;

    @Test
    void aValidSiteIsSavedAndTheListShownAgainByRedirect() throws Exception {
        String name = "Cabine " + UUID.randomUUID();
        mvc.perform(post("/directory/sites").param("name", name).param("kind", "PHARMACY_CABIN").param("city", "Langres")
                        .with(csrf()).with(user("coord").roles("COORDINATOR")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/directory/sites"))
                .andExpect(flash().attribute("success", "directory.site.created"));
        assertThat(jdbc.sql("select count(*) from site where name = ?").param(name).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anInvalidProfessionalShowsTheFormAgainWithItsProblemsAndWritesNothing() throws Exception {
        long before = jdbc.sql("select count(*) from professional").query(Long.class).single();
        mvc.perform(post("/directory/professionals").param("rpps", "12345").param("familyName", "")
                        .param("givenName", "Lou").param("profession", "INFIRMIER")
                        .with(csrf()).with(user("coord").roles("COORDINATOR")))
                .andExpect(status().isOk())
                .andExpect(view().name("directory/professionals"))
                .andExpect(model().attributeExists("problems", "professionals"));
        assertThat(jdbc.sql("select count(*) from professional").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void grantingTwiceSaysWhyTheSecondWasRefused() throws Exception {
        String pro = professionals.create(new Professional.Draft(null, "Forms", "Test", Professional.Profession.MEDECIN,
                java.util.List.of(), null, null, null)).id().toString();
        mvc.perform(post("/circle/grant").param("professionalId", pro).param("role", "REQUESTER")
                        .with(csrf()).with(user("coord").roles("COORDINATOR")))
                .andExpect(redirectedUrl("/circle"))
                .andExpect(flash().attribute("success", "directory.circle.granted"));
        mvc.perform(post("/circle/grant").param("professionalId", pro).param("role", "REQUESTER")
                        .with(csrf()).with(user("coord").roles("COORDINATOR")))
                .andExpect(redirectedUrl("/circle"))
                .andExpect(flash().attribute("failure", "directory.circle.already-member"));
    }
}
