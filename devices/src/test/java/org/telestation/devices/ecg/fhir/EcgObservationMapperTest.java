package org.telestation.devices.ecg.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.analysis.EcgIntervalAnalyzer;
import org.telestation.devices.ecg.analysis.EcgIntervals;
import org.telestation.devices.ecg.sim.EcgSimulator;

/** FHIR R4 Observation with SampledData per lead (standards.md §3.6), through HAPI's JSON parser and back. */
class EcgObservationMapperTest {
    @Test
    void mapsLeadsAndMeasurementsAndReadsThemBack() throws Exception {
        EcgRecording rec = EcgSimulator.generate(EcgSimulator.Config.standard().withNoise(10, 0, 5)).recording()
                .withMetadata(null);
        EcgIntervals intervals = EcgIntervalAnalyzer.analyze(rec);
        Observation obs = EcgObservationMapper.toObservation(rec, intervals);
        FhirContext fhir = FhirContext.forR4();
        String json = fhir.newJsonParser().encodeResourceToString(obs);
        assertThat(json).contains("\"code\":\"11524-6\"").contains("\"code\":\"131329\"")
                .contains("\"period\":2").contains("\"code\":\"8636-3\"").contains("QTc Fridericia");
        Observation parsed = fhir.newJsonParser().parseResource(Observation.class, json);
        assertThat(parsed.getComponent()).hasSize(12 + 7);
        assertThat(parsed.getComponent().get(12).getCode().getCodingFirstRep().getCode()).isEqualTo("8867-4");
        assertThat(parsed.getComponent().get(12).getValueQuantity().getValue().doubleValue())
                .isEqualTo(Math.round(intervals.heartRateBpm() * 10) / 10.0);
        EcgRecording back = EcgObservationMapper.fromObservation(parsed);
        assertThat(back.sampleRateHz()).isEqualTo(500);
        assertThat(back.acquisitionTime()).isEqualTo(rec.acquisitionTime());
        for (int c = 0; c < 12; c++) {
            EcgChannel a = back.channels().get(c);
            EcgChannel e = rec.channels().get(c);
            assertThat(a.lead()).isEqualTo(e.lead());
            assertThat(a.samples()).containsExactly(e.samples());
            assertThat(a.microvoltsPerUnit()).isEqualTo(e.microvoltsPerUnit());
        }
    }
}
