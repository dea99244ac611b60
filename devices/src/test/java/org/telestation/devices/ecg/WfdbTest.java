package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WFDB formats 16 and 212 (standards.md §3.5). */
class WfdbTest {
    @Test
    void decodesTheMitBih100Vector() throws Exception {
        // §3.5: record 100 starts E3 33 F3 = (995, 1011); gain 200, baseline 1024 -> -0.145 mV and -0.065 mV
        String header = "100 2 360 1\n100.dat 212 200 11 1024 995 995 0 MLII\n100.dat 212 200 11 1024 1011 1011 0 V5\n";
        EcgRecording r = WfdbReader.read(header, new byte[] {(byte) 0xE3, 0x33, (byte) 0xF3});
        assertThat(r.channels().get(0).samples()).containsExactly(995);
        assertThat(r.channels().get(1).samples()).containsExactly(1011);
        assertThat(r.channels().get(0).microvolts(0)).isCloseTo(-145, within(1e-9));
        assertThat(r.channels().get(1).microvolts(0)).isCloseTo(-65, within(1e-9));
        assertThat(r.sampleRateHz()).isEqualTo(360);
        assertThat(r.channels().get(0).lead()).isNull();
        assertThat(r.channels().get(0).label()).isEqualTo("MLII");
    }

    @Test
    void signExtendsTwelveBitSamples() throws Exception {
        // -1 and -2048: FF 0F | 00 80 packs as FF, 0F | (0x800 >> 4 & 0xF0) = 0x8F, 00
        EcgRecording r = WfdbReader.read("x 2 500 1\nx.dat 212\nx.dat 212\n", new byte[] {(byte) 0xFF, (byte) 0x8F, 0x00});
        assertThat(r.channels().get(0).samples()).containsExactly(-1);
        assertThat(r.channels().get(1).samples()).containsExactly(-2048);
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 212})
    void roundTrips(int format, @TempDir Path dir) throws Exception {
        EcgRecording original = TestRecordings.twelveLead();
        WfdbWriter.WfdbRecord rec = WfdbWriter.write(original, "ecg1", format, ZoneOffset.UTC);
        rec.writeTo(dir);
        EcgRecording read = WfdbReader.read(dir.resolve("ecg1.hea"));
        TestRecordings.assertSameSignals(read, original);
        assertThat(WfdbReader.read(rec.header(), rec.signals(), ZoneOffset.UTC).acquisitionTime())
                .isEqualTo(original.acquisitionTime());
        assertThat(rec.header()).startsWith("ecg1 12 500 5000 09:30:00.000 22/11/2026\necg1.dat " + format + " 200(0)/mV");
    }

    @Test
    void refusesLiesAndUnsupportedFeatures() {
        assertThatThrownBy(() -> WfdbReader.read("x 1 500 1000000\nx.dat 16\n", new byte[10]))
                .hasMessageContaining("holds 5");
        assertThatThrownBy(() -> WfdbReader.read("x 1 500\nx.dat 80\n", new byte[10])).hasMessageContaining("format 80");
        assertThatThrownBy(() -> WfdbReader.read("x/2 1 500\n", new byte[10])).hasMessageContaining("multi-segment");
        assertThatThrownBy(() -> WfdbReader.read("x 1 500 1\nx.dat 16 200 16 0 0 1234\n", new byte[] {1, 0}))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> WfdbReader.read("x 99999999 500\n", new byte[0])).isInstanceOf(EcgFormatException.class);
        assertThatThrownBy(() -> WfdbReader.read("x 1 /\nx.dat 16\n", new byte[2])).hasMessageContaining("sampling frequency");
        assertThatThrownBy(() -> WfdbReader.read("x 1 500\nx.dat 16+-4\n", new byte[2])).hasMessageContaining("negative");
        assertThatThrownBy(() -> WfdbReader.read("x 1 500\nx.dat 16 1e-320\n", new byte[2])).hasMessageContaining("gain");
    }

    @Test
    void format212RefusesSamplesBeyondTwelveBits() {
        EcgRecording r = new EcgRecording(java.util.List.of(EcgChannel.of(EcgLead.I, new int[] {5000}, 1)), 500,
                Instant.EPOCH, null, null);
        assertThatThrownBy(() -> WfdbWriter.write(r, "x", 212, ZoneOffset.UTC)).hasMessageContaining("12-bit");
    }
}
