package org.telestation.devices.ecg.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telestation.devices.ecg.AecgReader;
import org.telestation.devices.ecg.DicomEcgReader;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgReader;
import org.telestation.devices.ecg.WfdbReader;

class EcgSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void limbLeadsObeyEinthovenAndGoldberger() {
        EcgRecording r = EcgSimulator.generate(EcgSimulator.Config.standard().withNoise(0, 0, 1)).recording();
        EcgChannel i = r.lead(EcgLead.I), ii = r.lead(EcgLead.II), iii = r.lead(EcgLead.III), avr = r.lead(EcgLead.AVR);
        for (int k = 0; k < r.sampleCount(); k++) {
            assertThat(Math.abs(iii.samples()[k] - (ii.samples()[k] - i.samples()[k]))).isLessThanOrEqualTo(1);
            assertThat(Math.abs(avr.samples()[k] + (i.samples()[k] + ii.samples()[k]) / 2.0)).isLessThanOrEqualTo(1.5);
        }
        assertThat(r.channels()).hasSize(12);
        assertThat(r.sampleCount()).isEqualTo(5000);
    }

    @Test
    void faultsShowInTheSamples() {
        EcgRecording r = EcgSimulator.generate(EcgSimulator.Config.standard().withFaults(List.of(
                new EcgFault.LeadOff(EcgLead.V3), new EcgFault.OutOfRange(EcgLead.V4),
                new EcgFault.BaselineWander(500, 0.25)))).recording();
        assertThat(r.lead(EcgLead.V3).samples()).containsOnly(0);
        assertThat(r.lead(EcgLead.V4).samples()).containsOnly(Short.MAX_VALUE);
        int[] v1 = r.lead(EcgLead.V1).samples();
        double early = 0, late = 0; // a 0.25 Hz wander moves the 1-s means apart
        for (int k = 0; k < 500; k++) {
            early += v1[k];
            late += v1[k + 1000];
        }
        assertThat(Math.abs(early - late) / 500 * 5).isGreaterThan(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dicom", "scp", "aecg", "wfdb16", "wfdb212"})
    void cliWritesEveryFormat(String format) throws Exception {
        Path out = dir.resolve("sim." + format);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EcgSimulator.run(new String[] {"--format", format, "--out", out.toString(), "--hr", "90",
                "--duration", "5", "--noise", "10", "--lead-off", "V2"}, System.out, new PrintStream(err));
        assertThat(code).as(err.toString()).isZero();
        EcgRecording r = switch (format) {
            case "dicom" -> DicomEcgReader.read(Files.readAllBytes(out));
            case "scp" -> ScpEcgReader.read(Files.readAllBytes(out));
            case "aecg" -> AecgReader.read(Files.readAllBytes(out));
            default -> WfdbReader.read(dir.resolve("sim.hea"));
        };
        assertThat(r.channels()).hasSize(12);
        assertThat(r.sampleCount()).isEqualTo(2500);
        assertThat(r.lead(EcgLead.V2).samples()).containsOnly(0);
    }

    @Test
    void cliHelpAndErrors() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(EcgSimulator.run(new String[] {"--help"}, new PrintStream(out), System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--format").contains("--lead-off");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(EcgSimulator.run(new String[] {"--lead-off", "V9", "--out", "x"}, System.out, new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown lead V9");
    }
}
