package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SCP-ECG (standards.md §3.3): record/section layout, CRC-CCITT, sections 0/1/3/6, refusals. */
class ScpEcgTest {
    @Test
    void crcIsCcittFalse() {
        // CRC-16/CCITT-FALSE check value (poly 0x1021, init 0xFFFF) over the ASCII digits 1..9
        assertThat(ScpCrc.compute("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9)).isEqualTo(0x29B1);
    }

    @ParameterizedTest
    @EnumSource(ScpEcgWriter.Encoding.class)
    void roundTrips(ScpEcgWriter.Encoding encoding) throws Exception {
        EcgRecording original = TestRecordings.twelveLead();
        byte[] record = ScpEcgWriter.write(original, ZoneOffset.ofHours(1), encoding);
        EcgRecording read = ScpEcgReader.read(record, ZoneOffset.UTC);
        TestRecordings.assertSameSignals(read, original);
        TestRecordings.assertSamePatientAndTime(read, original);
        assertThat(read.metadata().highPassHz()).isEqualTo(0.05);
        assertThat(read.metadata().lowPassHz()).isEqualTo(150.0);
        assertThat(read.metadata().notchHz()).isEqualTo(50.0);
        assertThat(read.device().model()).isEqualTo("ECGSI"); // tag 14 keeps 5 characters + NUL
        assertThat(read.device().manufacturer()).isEqualTo("Telestation");
        assertThat(read.device().serial()).isEqualTo("SIM-0001");
    }

    @Test
    void layoutFollowsTheRecordAndSectionHeaders() {
        byte[] r = ScpEcgWriter.write(TestRecordings.twelveLead());
        assertThat(ScpEcgReader.u32(r, 2)).isEqualTo(r.length);                     // record length
        assertThat(ScpEcgReader.u16(r, 0)).isEqualTo(ScpCrc.compute(r, 2, r.length - 2));
        assertThat(ScpEcgReader.u16(r, 6 + 2)).isZero();                              // section 0 id
        assertThat(new String(r, 6 + 10, 6, StandardCharsets.US_ASCII)).isEqualTo("SCPECG");
        // section 0 pointer 0 (bytes 22..31): id 0, length 136, index 7 (1-based)
        assertThat(ScpEcgReader.u16(r, 22)).isZero();
        assertThat(ScpEcgReader.u32(r, 24)).isEqualTo(136);
        assertThat(ScpEcgReader.u32(r, 28)).isEqualTo(7);
        // pointer 1 points at section 1, whose tag 5 (date of birth) is 9E 07 03 0E = 1950-03-14
        int s1 = (int) ScpEcgReader.u32(r, 38) - 1;
        assertThat(ScpEcgReader.u16(r, s1 + 2)).isEqualTo(1);
        assertThat(DicomEcgTest.indexOf(r, new byte[] {5, 4, 0, (byte) 0x9E, 0x07, 3, 14})).isGreaterThan(s1);
        // section 6: 5000 nV per step, 2000 µs per sample, second differences, no bimodal compression
        int s6 = sectionOffset(r, 6);
        assertThat(ScpEcgReader.u16(r, s6 + 16)).isEqualTo(5000);
        assertThat(ScpEcgReader.u16(r, s6 + 18)).isEqualTo(2000);
        assertThat(r[s6 + 20]).isEqualTo((byte) 2);
        assertThat(r[s6 + 21]).isZero();
        assertThat(ScpEcgReader.u16(r, s6 + 22)).isEqualTo(10_000); // bytes of lead 1
    }

    @Test
    void checksTheRecordAndSectionCrcs() {
        byte[] r = ScpEcgWriter.write(TestRecordings.twelveLead());
        int s6 = sectionOffset(r, 6);
        r[s6 + 100] ^= 1;
        assertThatThrownBy(() -> ScpEcgReader.read(r)).hasMessageContaining("record CRC");
        fixRecordCrc(r);
        assertThatThrownBy(() -> ScpEcgReader.read(r)).hasMessageContaining("section 6 CRC");
    }

    @Test
    void refusesLyingLengths() {
        byte[] r = ScpEcgWriter.write(TestRecordings.twelveLead());
        int s6 = sectionOffset(r, 6);
        r[s6 + 22] = (byte) 0xFF; // lead 1 claims 65 535 bytes
        r[s6 + 23] = (byte) 0xFF;
        fixSectionCrc(r, s6);
        fixRecordCrc(r);
        assertThatThrownBy(() -> ScpEcgReader.read(r)).isInstanceOf(EcgFormatException.class)
                .hasMessageContaining("truncated");
        byte[] r2 = ScpEcgWriter.write(TestRecordings.twelveLead());
        r2[2] = (byte) 0xFF; // record length far beyond the bytes
        r2[5] = 0x7F;
        assertThatThrownBy(() -> ScpEcgReader.read(r2)).hasMessageContaining("record length");
    }

    @Test
    void refusesHuffmanEncodedRecords() {
        byte[] r = ScpEcgWriter.write(TestRecordings.twelveLead());
        // section 0 pointer 2 (bytes 42..51): claim a section 2 of 20 bytes at the place of section 1
        r[44] = 20;
        System.arraycopy(r, 38, r, 48, 4);
        fixSectionCrc(r, 6);
        fixRecordCrc(r);
        assertThatThrownBy(() -> ScpEcgReader.read(r)).hasMessageContaining("Huffman");
    }

    static int sectionOffset(byte[] r, int id) {
        return (int) ScpEcgReader.u32(r, 6 + 16 + 10 * id + 6) - 1;
    }

    static void fixSectionCrc(byte[] r, int offset) {
        int len = (int) ScpEcgReader.u32(r, offset + 4);
        int crc = ScpCrc.compute(r, offset + 2, len - 2);
        r[offset] = (byte) crc;
        r[offset + 1] = (byte) (crc >> 8);
    }

    static void fixRecordCrc(byte[] r) {
        int crc = ScpCrc.compute(r, 2, r.length - 2);
        r[0] = (byte) crc;
        r[1] = (byte) (crc >> 8);
    }
}
