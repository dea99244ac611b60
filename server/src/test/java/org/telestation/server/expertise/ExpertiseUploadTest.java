package org.telestation.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.telestation.devices.ecg.AecgWriter;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgWriter;
import org.telestation.devices.ecg.WfdbWriter;
import org.telestation.devices.ecg.sim.EcgSimulator;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.security.Role;

/**
 * Every ECG format the request accepts, uploaded over HTTP as a browser does (WFDB as its header and signal file
 * together), then served to the cardiologist's viewer as 12 leads of 10 s at 500 Hz with the measurements.
 */
class ExpertiseUploadTest extends ExpertiseTestBase {

    static final EcgRecording ECG = EcgSimulator.generate(EcgSimulator.Config.standard()).recording();

    @Autowired MockMvc mvc;

    @ParameterizedTest
    @EnumSource(EcgFiles.Format.class)
    void eachEcgFormatIsAcceptedAndDrawnForTheCardiologist(EcgFiles.Format format) throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor cardio = fixtures.professional("cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, CircleRole.EXPERT);
        MockMultipartHttpServletRequestBuilder upload = multipart("/api/expertise/requests");
        ZoneId paris = ZoneId.of("Europe/Paris");
        switch (format) {
            case DICOM -> upload.file(file("ecg.dcm", DicomEcgWriter.write(ECG, paris)));
            case SCP -> upload.file(file("ecg.scp", ScpEcgWriter.write(ECG)));
            case AECG -> upload.file(file("ecg.xml", AecgWriter.write(ECG, paris)));
            case WFDB -> {
                WfdbWriter.WfdbRecord record = WfdbWriter.write(ECG, "rec1", 212, paris);
                upload.file(file("rec1.hea", record.header().getBytes(StandardCharsets.ISO_8859_1)))
                        .file(file("rec1.dat", record.signals()));
            }
        }
        String created = mvc.perform(upload.param("patientId", fixtures.patient().toString()).param("kind", "ECG")
                        .param("speciality", "CARDIOLOGIE").param("question", "Avis ?").param("consent", "true")
                        .with(user(gp.username()).roles("GP")).with(csrf()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        UUID id = UUID.fromString(JsonPath.read(created, "$.id"));

        String detail = mvc.perform(get("/api/expertise/requests/" + id).with(user(cardio.username()).roles("SPECIALIST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.attachments.length()").value(1))
                .andExpect(jsonPath("$.attachments[0].ecgFormat").value(format.name()))
                .andReturn().getResponse().getContentAsString();
        String attachment = JsonPath.read(detail, "$.attachments[0].id");
        mvc.perform(get("/api/expertise/attachments/" + attachment + "/ecg")
                        .with(user(cardio.username()).roles("SPECIALIST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sampleRateHz").value(500.0))
                .andExpect(jsonPath("$.leads.length()").value(12))
                .andExpect(jsonPath("$.leads[1].name").value("II"))
                .andExpect(jsonPath("$.leads[1].microvolts.length()").value(5000))
                .andExpect(jsonPath("$.measurements.heartRateBpm").isNumber());
        assertThat(service.detail(cardio, id).events()).extracting(ExpertiseEvent::kind)
                .contains(ExpertiseEvent.Kind.ATTACHED);
    }

    static MockMultipartFile file(String name, byte[] content) {
        return new MockMultipartFile("files", name, "application/octet-stream", content);
    }
}
