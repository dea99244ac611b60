package org.telestation.devices.ecg.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.sim.EcgFault;
import org.telestation.devices.ecg.sim.EcgSimulator;
import org.telestation.devices.ecg.sim.EcgSimulator.Config;

/**
 * Intervals measured on simulated recordings whose intervals are set (EcgBeatModel documents how the model defines
 * each boundary). Tolerances, in the spirit of IEC 60601-2-25 global-interval accuracy: HR ±1 bpm, RR ±4 ms,
 * PR ±10 ms, QRS ±10 ms, QT ±15 ms; QTc follows from QT and RR.
 */
class EcgIntervalAnalyzerTest {
    static final double HR_TOL = 1, RR_TOL = 4, PR_TOL = 10, QRS_TOL = 10, QT_TOL = 15;

    @ParameterizedTest(name = "HR {0} PR {1} QRS {2} QT {3} noise {4} µV")
    @CsvSource({
            "60, 160, 90, 400, 0",
            "72, 160, 90, 380, 10",
            "50, 200, 80, 440, 15",
            "90, 140, 100, 340, 10",
            "110, 130, 80, 300, 10",
            "65, 240, 120, 420, 20",
            "80, 180, 70, 360, 5",
    })
    void measuresTheModelIntervals(double hr, double pr, double qrs, double qt, double noise) {
        Config cfg = Config.standard().withRhythm(hr, pr, qrs, qt).withNoise(noise, 0, 7);
        EcgIntervals m = EcgIntervalAnalyzer.analyze(EcgSimulator.generate(cfg).recording());
        System.out.printf("HR %.1f/%s RR %.1f PR %.1f/%s QRS %.1f/%s QT %.1f/%s%n", m.heartRateBpm(), hr, m.rrMs(),
                m.prMs(), pr, m.qrsMs(), qrs, m.qtMs(), qt);
        assertThat(m.heartRateBpm()).isCloseTo(hr, within(HR_TOL));
        assertThat(m.rrMs()).isCloseTo(60_000 / hr, within(RR_TOL));
        assertThat(m.prMs()).isCloseTo(pr, within(PR_TOL));
        assertThat(m.qrsMs()).isCloseTo(qrs, within(QRS_TOL));
        assertThat(m.qtMs()).isCloseTo(qt, within(QT_TOL));
        double rrS = m.rrMs() / 1000;
        assertThat(m.qtcBazettMs()).isCloseTo(m.qtMs() / Math.sqrt(rrS), within(1e-9));
        assertThat(m.qtcFridericiaMs()).isCloseTo(m.qtMs() / Math.cbrt(rrS), within(1e-9));
    }

    @Test
    void detectsEveryBeatAtTheModelRPeaks() {
        Config cfg = Config.standard().withNoise(20, 0.05, 3);
        EcgSimulator.SimulatedEcg sim = EcgSimulator.generate(cfg);
        EcgIntervals m = EcgIntervalAnalyzer.analyze(sim.recording());
        assertThat(m.fiducialSamples()).hasSize(sim.rPeakSeconds().length);
        for (int i = 0; i < m.fiducialSamples().length; i++) {
            // the fiducial point sits inside the QRS, within 40 ms of the model's R peak
            assertThat(m.fiducialSamples()[i] / 500.0).isCloseTo(sim.rPeakSeconds()[i], within(0.040));
        }
    }

    @Test
    void survivesBaselineWanderALeadOffAndASaturatedLead() {
        Config cfg = Config.standard().withRhythm(75, 170, 95, 390).withNoise(10, 0.03, 11)
                .withFaults(List.of(new EcgFault.BaselineWander(300, 0.3),
                        new EcgFault.LeadOff(EcgLead.V2), new EcgFault.OutOfRange(EcgLead.V5)));
        EcgIntervals m = EcgIntervalAnalyzer.analyze(EcgSimulator.generate(cfg).recording());
        System.out.printf("faults: HR %.1f PR %.1f QRS %.1f QT %.1f%n", m.heartRateBpm(), m.prMs(), m.qrsMs(), m.qtMs());
        assertThat(m.leadsUsed()).doesNotContain(EcgLead.V2, EcgLead.V5).hasSize(10);
        assertThat(m.heartRateBpm()).isCloseTo(75, within(2.0));
        assertThat(m.prMs()).isCloseTo(170, within(PR_TOL));
        assertThat(m.qrsMs()).isCloseTo(95, within(QRS_TOL));
        assertThat(m.qtMs()).isCloseTo(390, within(QT_TOL));
    }

    @Test
    void flatRecordingGivesNaNNotAnException() {
        Config cfg = Config.standard().withFaults(java.util.Arrays.stream(EcgLead.values())
                .map(l -> (EcgFault) new EcgFault.LeadOff(l)).toList());
        EcgIntervals m = EcgIntervalAnalyzer.analyze(EcgSimulator.generate(cfg).recording());
        assertThat(m.beatCount()).isZero();
        assertThat(m.heartRateBpm()).isNaN();
        assertThat(m.qtMs()).isNaN();
    }
}
