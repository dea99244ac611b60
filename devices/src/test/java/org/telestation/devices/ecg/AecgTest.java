package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** HL7 aECG (standards.md §3.4): physical = origin + scale × digit, GLIST_TS head/increment. */
class AecgTest {
    static final String EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <AnnotatedECG xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <component><series>
                <code code="RHYTHM" codeSystem="2.16.840.1.113883.5.4"/>
                <component><sequenceSet>
                  <component><sequence><code code="TIME_ABSOLUTE" codeSystem="2.16.840.1.113883.5.4"/>
                    <value xsi:type="GLIST_TS"><head value="20261122093000.000+0100"/>
                      <increment value="0.002" unit="s"/></value></sequence></component>
                  <component><sequence><code code="MDC_ECG_LEAD_I" codeSystem="2.16.840.1.113883.6.24"/>
                    <value xsi:type="SLIST_PQ"><origin value="0" unit="uV"/><scale value="5" unit="uV"/>
                      <digits>10 -20 30
                      -40</digits></value></sequence></component>
                  <component><sequence><code code="MDC_ECG_LEAD_AVF" codeSystem="2.16.840.1.113883.6.24"/>
                    <value xsi:type="SLIST_PQ"><origin value="0.1" unit="mV"/><scale value="0.0025" unit="mV"/>
                      <digits>0 1 2 3</digits></value></sequence></component>
                </sequenceSet></component>
                <derivation><derivedSeries><component><sequenceSet>
                  <component><sequence><code code="MDC_ECG_LEAD_II" codeSystem="2.16.840.1.113883.6.24"/>
                    <value xsi:type="SLIST_PQ"><scale value="5" unit="uV"/><digits>9 9 9</digits></value></sequence></component>
                </sequenceSet></component></derivedSeries></derivation>
              </series></component>
            </AnnotatedECG>
            """;

    @Test
    void readsDigitsWithScaleAndOrigin() throws Exception {
        EcgRecording r = AecgReader.read(EXAMPLE.getBytes(StandardCharsets.UTF_8), ZoneOffset.UTC);
        assertThat(r.sampleRateHz()).isCloseTo(500, within(1e-9));
        assertThat(r.acquisitionTime()).isEqualTo(Instant.parse("2026-11-22T08:30:00Z"));
        assertThat(r.channels()).extracting(EcgChannel::lead).containsExactly(EcgLead.I, EcgLead.AVF); // median beat skipped
        assertThat(r.channels().get(0).samples()).containsExactly(10, -20, 30, -40);
        assertThat(r.channels().get(0).microvolts(1)).isEqualTo(-100.0);
        assertThat(r.channels().get(1).microvolts(2)).isCloseTo(100 + 2 * 2.5, within(1e-9));
    }

    @Test
    void roundTrips() throws Exception {
        EcgRecording original = TestRecordings.twelveLead();
        EcgRecording read = AecgReader.read(AecgWriter.write(original, ZoneOffset.ofHours(1)), ZoneOffset.UTC);
        TestRecordings.assertSameSignals(read, original);
        TestRecordings.assertSamePatientAndTime(read, original);
        assertThat(read.device().model()).isEqualTo("ECGSIM12");
        assertThat(read.device().manufacturer()).isEqualTo("Telestation");
    }

    @Test
    void doesNotResolveExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<AnnotatedECG xmlns=\"urn:hl7-org:v3\"><id extension=\"&x;\"/></AnnotatedECG>";
        assertThatThrownBy(() -> AecgReader.read(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EcgFormatException.class).hasMessageNotContaining("root:");
    }

    @Test
    void refusesNonIntegerDigitsAndOtherRoots() {
        String bad = EXAMPLE.replace("10 -20 30", "10 -2.5 30");
        assertThatThrownBy(() -> AecgReader.read(bad.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("integers");
        assertThatThrownBy(() -> AecgReader.read("<html/>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("AnnotatedECG");
        assertThatThrownBy(() -> AecgReader.read("<AnnotatedECG".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EcgFormatException.class);
    }
}
