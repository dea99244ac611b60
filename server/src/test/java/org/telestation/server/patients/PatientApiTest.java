package org.telestation.server.patients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.telestation.server.testsupport.ServerTest;

/**
 * Identity-vigilance rules through the JSON API (standards.md §4.2 INS key and OIDs, §5.7 statuses and test OIDs),
 * duplicate detection and the audit of every access. This context keeps the production default
 * {@code telestation.ins.allow-test-oids=false}.
 */
@ServerTest
class PatientApiTest {

    /** The ANS test NIR 2790351215189, key 97 − (n mod 97) = 89 (standards.md §4.2). */
    static final String TEST_INS = "279035121518989";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;

    static Map<String, Object> patient(String family, String given, String birthDate) {
        Map<String, Object> p = new HashMap<>();
        p.put("birthFamilyName", family);
        p.put("birthGivenNames", given);
        p.put("sex", "F");
        p.put("birthDate", birthDate);
        p.put("identityStatus", "PROV");
        p.put("mtStatus", "NONE");
        return p;
    }

    private ResultActions create(Map<String, Object> body, String query) throws Exception {
        return mvc.perform(post("/api/patients" + query).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)).with(csrf()).with(user("ide-test").roles("NURSE")));
    }

    private ResultActions expectProblem(Map<String, Object> body, String code) throws Exception {
        return create(body, "").andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].code", hasItem(code)));
    }

    private static String unique() {
        return "TEST" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
    }

    @Test
    void aValidProductionNirIsAccepted() throws Exception {
        Map<String, Object> p = patient(unique(), "Marie", "1979-03-15");
        p.put("insMatricule", TEST_INS);
        p.put("insOid", Ins.NIR_OID);
        p.put("identityStatus", "QUAL");
        p.put("identityDocumentChecked", true);
        p.put("identityDocumentKind", "PASSEPORT");
        create(p, "").andExpect(status().isCreated()).andExpect(jsonPath("$.identityStatus").value("QUAL"));
    }

    @Test
    void aWrongInsKeyIsRefused() throws Exception {
        Map<String, Object> p = patient(unique(), "Marie", "1979-03-15");
        p.put("insMatricule", "279035121518988");
        p.put("insOid", Ins.NIR_OID);
        expectProblem(p, "patients.ins.key");
    }

    @Test
    void theTestOidIsRefusedByDefault() throws Exception {
        Map<String, Object> p = patient(unique(), "Marie", "1979-03-15");
        p.put("insMatricule", TEST_INS);
        p.put("insOid", Ins.TEST_NIR_OID);
        expectProblem(p, "patients.ins.test-oid");
    }

    @Test
    void theOidMustMatchNirOrNia() throws Exception {
        Map<String, Object> p = patient(unique(), "Marie", "1979-03-15");
        p.put("insMatricule", TEST_INS);
        p.put("insOid", Ins.NIA_OID);
        expectProblem(p, "patients.ins.oid-mismatch");
    }

    @Test
    void theNirMustAgreeWithSexAndBirthDate() throws Exception {
        Map<String, Object> p = patient(unique(), "Marie", "1980-03-15");
        p.put("insMatricule", TEST_INS);
        p.put("insOid", Ins.NIR_OID);
        p.put("sex", "M");
        expectProblem(p, "patients.ins.sex-mismatch")
                .andExpect(jsonPath("$.errors[*].code", hasItem("patients.ins.birth-mismatch")));
    }

    @Test
    void statusRulesNeedDocumentAndIns() throws Exception {
        Map<String, Object> qual = patient(unique(), "Marie", "1979-03-15");
        qual.put("identityStatus", "QUAL");
        expectProblem(qual, "patients.status.needs-document")
                .andExpect(jsonPath("$.errors[*].code", hasItem("patients.status.needs-ins")));

        Map<String, Object> recup = patient(unique(), "Marie", "1979-03-15");
        recup.put("identityStatus", "RECUP");
        expectProblem(recup, "patients.status.needs-ins");

        Map<String, Object> vali = patient(unique(), "Marie", "1979-03-15");
        vali.put("identityStatus", "VALI");
        expectProblem(vali, "patients.status.needs-document");
        vali.put("identityDocumentChecked", true);
        vali.put("identityDocumentKind", "CARTE_IDENTITE");
        create(vali, "").andExpect(status().isCreated());
    }

    @Test
    void aDeclaredMedecinTraitantMustBeNamed() throws Exception {
        Map<String, Object> p = patient(unique(), "Marie", "1979-03-15");
        p.put("mtStatus", "DECLARED");
        expectProblem(p, "patients.mt.name-required");
        p.put("mtName", "Dr Durand");
        create(p, "").andExpect(status().isCreated());
    }

    @Test
    void duplicatesAreFoundAccentAndCaseInsensitiveBeforeCreating() throws Exception {
        String family = unique();
        create(patient(family + "É", "Éloïse", "1990-05-04"), "").andExpect(status().isCreated());

        Map<String, Object> twin = patient(family.toLowerCase() + "e", "eloise", "1990-05-04");
        String problem = create(twin, "").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("patients.duplicates.found"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(problem).get("duplicates")).hasSize(1);

        create(twin, "?acknowledgeDuplicates=true").andExpect(status().isCreated());
        // search is accent-insensitive too
        mvc.perform(get("/api/patients").param("q", family.toLowerCase() + "e").with(user("ide-test").roles("NURSE")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2));
    }

    @Test
    void everyReadAndWriteIsAudited() throws Exception {
        String body = create(patient(unique(), "Paul", "1950-01-01"), "").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(json.readTree(body).get("id").asText());
        mvc.perform(get("/api/patients/" + id).with(user("gp-audit").roles("GP"))).andExpect(status().isOk());

        var actions = jdbc.sql("select actor || ':' || action from audit_event where patient_id = :id order by id")
                .param("id", id).query(String.class).list();
        assertThat(actions).contains("ide-test:CREATE", "gp-audit:READ");
        var details = jdbc.sql("select coalesce(detail, '') from audit_event where patient_id = :id")
                .param("id", id).query(String.class).list();
        assertThat(details).noneMatch(d -> d.contains("Paul"));
    }
}
