package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.telestation.devices.ecg.sim.EcgSimulator;

/** Recordings shared by the codec tests, and the comparison every round trip makes. */
final class TestRecordings {
    private TestRecordings() {}

    /** 10 s, 12 leads, 500 Hz, 5 µV steps, with noise and fictitious patient data. */
    static EcgRecording twelveLead() {
        EcgRecording r = EcgSimulator.generate(EcgSimulator.Config.standard().withNoise(15, 0.05, 42)).recording();
        return r.withMetadata(r.metadata().withPatient("TEST-0001", "DUPONT^Jeanne", LocalDate.of(1950, 3, 14), "F"));
    }

    /** The acquisition time and patient data written by {@link #twelveLead()} came back. */
    static void assertSamePatientAndTime(EcgRecording actual, EcgRecording expected) {
        assertThat(actual.acquisitionTime()).isEqualTo(expected.acquisitionTime());
        assertThat(actual.metadata().patientId()).isEqualTo("TEST-0001");
        assertThat(actual.metadata().patientName()).isEqualTo("DUPONT^Jeanne");
        assertThat(actual.metadata().birthDate()).isEqualTo(expected.metadata().birthDate());
        assertThat(actual.metadata().sex()).isEqualTo("F");
    }

    /** Same leads, same physical values (within half a step of either side), same rate. */
    static void assertSameSignals(EcgRecording actual, EcgRecording expected) {
        assertThat(actual.sampleRateHz()).isCloseTo(expected.sampleRateHz(), within(1e-6));
        assertThat(actual.channels()).hasSameSizeAs(expected.channels());
        for (int c = 0; c < expected.channels().size(); c++) {
            EcgChannel e = expected.channels().get(c);
            EcgChannel a = actual.channels().get(c);
            assertThat(a.lead()).isEqualTo(e.lead());
            assertThat(a.length()).isEqualTo(e.length());
            double tolerance = Math.max(a.microvoltsPerUnit(), e.microvoltsPerUnit()) / 2 + 1e-6;
            for (int i = 0; i < e.length(); i++) {
                if (Math.abs(a.microvolts(i) - e.microvolts(i)) > tolerance) {
                    throw new AssertionError("lead " + e.label() + " sample " + i + ": " + a.microvolts(i)
                            + " µV, expected " + e.microvolts(i));
                }
            }
        }
    }
}
