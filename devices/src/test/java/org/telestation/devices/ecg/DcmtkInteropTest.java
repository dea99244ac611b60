package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks our DICOM ECG writer and reader against Debian's dcmtk (design.md §1): dcmdump must read what we write,
 * and we must read what dump2dcm writes, in explicit and implicit VR, with defined and undefined lengths.
 */
class DcmtkInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireDcmtk() {
        for (String tool : new String[] {"dcmdump", "dump2dcm"}) {
            boolean found = false;
            for (String p : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                found |= Files.isExecutable(Path.of(p, tool));
            }
            if (!found) throw new AssertionError(tool + " not found: install Debian package 'dcmtk' (apt-get install dcmtk)");
        }
    }

    @Test
    void dcmdumpReadsWhatWeWrite() throws Exception {
        Path file = dir.resolve("ecg.dcm");
        Files.write(file, DicomEcgWriter.write(TestRecordings.twelveLead(), ZoneOffset.ofHours(1)));
        Result r = run("dcmdump", "-M", file.toString());
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output)
                .contains("(0002,0010) UI =LittleEndianExplicit")
                .contains("(0008,0016) UI =TwelveLeadECGWaveformStorage")
                .contains("(0008,0060) CS [ECG]")
                .contains("(0010,0020) LO [TEST-0001]")
                .contains("(003a,0005) US 12")
                .contains("(003a,0010) UL 5000")
                .contains("(003a,001a) DS [500]")
                .contains("(003a,0203) SH [aVR]")
                .contains("(0008,0100) SH [5.6.3-9-62]")
                .contains("(0008,0102) SH [SCPECG]")
                .contains("(003a,0210) DS [5]")
                .contains("(0008,0100) SH [uV]")
                .contains("(5400,1004) US 16")
                .contains("(5400,1006) CS [SS]")
                .containsPattern("\\(5400,1010\\) OW .*# 120000, 1 WaveformData"); // 5000 samples × 12 leads × 2 bytes
        assertThat(r.output).doesNotContain("E: ").doesNotContain("W: ");
    }

    @ParameterizedTest(name = "dump2dcm {0} {1}")
    @CsvSource({"+te, +e", "+te, -e", "+ti, -e", "+ti, +e"})
    void weReadWhatDump2dcmWrites(String transferSyntax, String lengths) throws Exception {
        short[][] samples = {{1, -2, 3, -4}, {100, 200, -300, 32767}, {-32768, 0, 7, 8}};
        byte[] raw = new byte[4 * 3 * 2];
        for (int s = 0, o = 0; s < 4; s++) {
            for (short[] channel : samples) {
                raw[o++] = (byte) channel[s];
                raw[o++] = (byte) (channel[s] >> 8);
            }
        }
        Path data = dir.resolve("wave.raw");
        Files.write(data, raw);
        String dump = String.join("\n",
                "(0002,0010) UI [1.2.840.10008.1.2.1]",
                "(0008,0016) UI [1.2.840.10008.5.1.4.1.1.9.1.1]",
                "(0008,0018) UI [1.2.3.4.5.6]",
                "(0008,002a) DT [20261122093000+0100]",
                "(0008,0060) CS [ECG]",
                "(0008,0070) LO [Schiller]",
                "(0010,0010) PN [MARTIN^Paul]",
                "(0010,0020) LO [DCMTK-01]",
                "(0010,0040) CS [M]",
                "(5400,0100) SQ (Sequence with undefined length)",
                "  (fffe,e000) na (Item with undefined length)",
                "    (003a,0005) US 3",
                "    (003a,0010) UL 4",
                "    (003a,001a) DS [250]",
                "    (003a,0200) SQ (Sequence with undefined length)",
                channel("Lead I", "5.6.3-9-1", "SCPECG", "2.5", "uV", "1", "0"),
                channel("II", "2:2", "MDC", "2.5", "uV", "2", "0"),
                channel("V1", "5.6.3-9-3", "SCPECG", "0.005", "mV", "1", "0.1"),
                "    (fffe,e0dd) na (SequenceDelimitationItem)",
                "    (5400,1004) US 16",
                "    (5400,1006) CS [SS]",
                "    (5400,1010) OW =" + data,
                "  (fffe,e00d) na (ItemDelimitationItem)",
                "(fffe,e0dd) na (SequenceDelimitationItem)", "");
        Path dumpFile = dir.resolve("ecg.txt");
        Files.writeString(dumpFile, dump, StandardCharsets.US_ASCII);
        Path dcm = dir.resolve("ecg.dcm");
        Result r = run("dump2dcm", transferSyntax, lengths, dumpFile.toString(), dcm.toString());
        assertThat(r.exit).as(r.output).isZero();

        EcgRecording rec = DicomEcgReader.read(Files.readAllBytes(dcm));
        assertThat(rec.sampleRateHz()).isEqualTo(250);
        assertThat(rec.channels()).extracting(EcgChannel::lead).containsExactly(EcgLead.I, EcgLead.II, EcgLead.V1);
        assertThat(rec.channels().get(0).samples()).containsExactly(1, -2, 3, -4);
        assertThat(rec.channels().get(1).samples()).containsExactly(100, 200, -300, 32767);
        assertThat(rec.channels().get(2).samples()).containsExactly(-32768, 0, 7, 8);
        assertThat(rec.channels().get(0).microvoltsPerUnit()).isEqualTo(2.5);
        assertThat(rec.channels().get(1).microvoltsPerUnit()).isEqualTo(5.0);   // sensitivity × correction factor
        assertThat(rec.channels().get(2).microvoltsPerUnit()).isEqualTo(5.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rec.channels().get(2).microvolts(1)).isEqualTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(rec.acquisitionTime()).isEqualTo(Instant.parse("2026-11-22T08:30:00Z"));
        assertThat(rec.metadata().patientId()).isEqualTo("DCMTK-01");
        assertThat(rec.metadata().patientName()).isEqualTo("MARTIN^Paul");
        assertThat(rec.device().manufacturer()).isEqualTo("Schiller");
    }

    private static String channel(String label, String code, String scheme, String sensitivity, String unit,
                                  String correction, String baseline) {
        return String.join("\n",
                "      (fffe,e000) na (Item with undefined length)",
                "        (003a,0203) SH [" + label + "]",
                "        (003a,0208) SQ (Sequence with undefined length)",
                "          (fffe,e000) na (Item with undefined length)",
                "            (0008,0100) SH [" + code + "]",
                "            (0008,0102) SH [" + scheme + "]",
                "            (0008,0104) LO [" + label + "]",
                "          (fffe,e00d) na (ItemDelimitationItem)",
                "        (fffe,e0dd) na (SequenceDelimitationItem)",
                "        (003a,0210) DS [" + sensitivity + "]",
                "        (003a,0211) SQ (Sequence with undefined length)",
                "          (fffe,e000) na (Item with undefined length)",
                "            (0008,0100) SH [" + unit + "]",
                "            (0008,0102) SH [UCUM]",
                "          (fffe,e00d) na (ItemDelimitationItem)",
                "        (fffe,e0dd) na (SequenceDelimitationItem)",
                "        (003a,0212) DS [" + correction + "]",
                "        (003a,0213) DS [" + baseline + "]",
                "      (fffe,e00d) na (ItemDelimitationItem)");
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
