package org.telestation.server.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.telestation.server.testsupport.ServerTest;

/**
 * The nurse's check-in form: the station is chosen, or "no station" is said explicitly — never left out by omission,
 * which would leave the doctor without devices; a consultation without a station says so where the live panel would be.
 */
@ServerTest
class CheckInFormTest {
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ConsultationService consultations;
    @Autowired ApplicationContext context;

    @Test
    void aCheckInWithoutAStationChoiceIsRefusedWithAMessageAndWritesNothing() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context);
        for (String station : new String[] {"", "not-a-station"}) {
            String page = mvc.perform(checkIn(w, station)).andExpect(status().is4xxClientError()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(page).contains("Choisissez la station, ou « Sans station ».");
        }
        assertThat(consultationsOf(w)).isZero();
    }

    @Test
    void noStationSaidExplicitlyGivesAVideoOnlyConsultation() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context);
        String location = mvc.perform(checkIn(w, ConsultationController.NO_STATION))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select station_id from consultation where id = :id").param("id", id)
                .query(UUID.class).optional()).isEmpty();

        consultations.preInterview(id, new ConsultationService.PreInterview(true, true,
                Consultation.DmpChoice.CONSENT, "Renouvellement"), w.nurseActor());
        consultations.admit(id, w.doctorActor(), "Dr Thomas Test");
        String page = mvc.perform(get(location).with(user(w.doctor().username()).roles("GP")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"no-station\"").contains("vidéo seule, pas d&#39;appareils en direct")
                .doesNotContain("id=\"live\"").doesNotContain("id=\"clinical-media\"");
    }

    @Test
    void theChosenStationIsKept() throws Exception {
        ConsultationWorld w = ConsultationWorld.create(context);
        mvc.perform(checkIn(w, w.stationId().toString())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select station_id from consultation where patient_id = :p").param("p", w.patient().id())
                .query(UUID.class).single()).isEqualTo(w.stationId());
    }

    private MockHttpServletRequestBuilder checkIn(ConsultationWorld w, String station) {
        return post("/consultations").param("patientId", w.patient().id().toString()).param("stationId", station)
                .param("place", "SITE").with(csrf()).with(user(w.nurse().username()).roles("NURSE"));
    }

    private long consultationsOf(ConsultationWorld w) {
        return jdbc.sql("select count(*) from consultation where patient_id = :p").param("p", w.patient().id())
                .query(Long.class).single();
    }
}
