package org.telestation.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.telestation.server.directory.Station;
import org.telestation.server.directory.StationService;
import org.telestation.server.testsupport.MutableClock;
import org.telestation.server.testsupport.ServerTest;

/** The station credential life cycle over HTTP: enrol once, authenticate, rotate, revoke, expiry. */
@ServerTest
class StationEnrolmentTest {

    @Autowired MockMvc mvc;
    @Autowired StationService stations;
    @Autowired MutableClock clock;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;

    private Station.WithEnrolmentCode newStation() {
        String code = "ENR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        return stations.create(new Station.Draft(code, "Chariot de test", Station.Kind.CART, null));
    }

    private JsonNode enrol(String stationCode, String enrolmentCode, int expectedStatus) throws Exception {
        String body = mvc.perform(post("/api/station/enrol").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(new java.util.HashMap<>(java.util.Map.of(
                                "stationCode", stationCode, "enrolmentCode", enrolmentCode))))
                        .with(r -> { r.setRemoteAddr("10.1.0." + (Math.abs(stationCode.hashCode()) % 250)); return r; }))
                .andExpect(status().is(expectedStatus)).andReturn().getResponse().getContentAsString();
        return body.isEmpty() ? null : json.readTree(body);
    }

    @Test
    void enrolmentCodeIsExchangedOnceForASecretStoredHashed() throws Exception {
        var created = newStation();
        JsonNode credential = enrol(created.station().code(), created.enrolmentCode(), 200);
        String secret = credential.get("secret").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);
        assertThat(credential.get("authorization").asText())
                .isEqualTo("Bearer " + created.station().code() + ":" + secret);

        String stored = jdbc.sql("select secret_hash from station where code = :c").param("c", created.station().code())
                .query(String.class).single();
        assertThat(stored).isNotEqualTo(secret).doesNotContain(secret).hasSize(64);

        mvc.perform(get("/api/station/me").header("Authorization", "Bearer " + created.station().code() + ":" + secret))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.code").value(created.station().code()))
                .andExpect(header().doesNotExist("Set-Cookie"));

        // the code is one-time
        enrol(created.station().code(), created.enrolmentCode(), 401);
    }

    @Test
    void wrongOrExpiredEnrolmentCodesAreRefused() throws Exception {
        var created = newStation();
        enrol(created.station().code(), "WRONGCODE2", 401);
        enrol("NO-SUCH-STATION", created.enrolmentCode(), 401);
        clock.advance(Duration.ofHours(25));
        enrol(created.station().code(), created.enrolmentCode(), 401);
    }

    @Test
    void rotationReplacesTheSecretAndRevocationEndsIt() throws Exception {
        var created = newStation();
        String code = created.station().code();
        String first = enrol(code, created.enrolmentCode(), 200).get("secret").asText();

        String rotated = mvc.perform(post("/api/station/rotate").header("Authorization", "Bearer " + code + ":" + first))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String second = json.readTree(rotated).get("secret").asText();
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get("/api/station/me").header("Authorization", "Bearer " + code + ":" + first))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/station/me").header("Authorization", "Bearer " + code + ":" + second))
                .andExpect(status().isOk());

        stations.revoke(created.station().id());
        mvc.perform(get("/api/station/me").header("Authorization", "Bearer " + code + ":" + second))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));

        // the coordinator issues a new code and the station enrols again
        String again = stations.issueEnrolmentCode(created.station().id());
        String third = enrol(code, again, 200).get("secret").asText();
        mvc.perform(get("/api/station/me").header("Authorization", "Bearer " + code + ":" + third))
                .andExpect(status().isOk());
    }

    @Test
    void aStationBearerDoesNotOpenPeoplesEndpoints() throws Exception {
        var created = newStation();
        String secret = enrol(created.station().code(), created.enrolmentCode(), 200).get("secret").asText();
        mvc.perform(get("/api/patients").header("Authorization", "Bearer " + created.station().code() + ":" + secret))
                .andExpect(status().isUnauthorized());
    }
}
