package org.telestation.station.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.telestation.devices.model.VitalSign;

class SyntheticSourcesTest {

    @Test
    void oximeterConnectsThenStreamsPlethAndSpo2UntilClosed() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        try (SyntheticOximeterSource oximeter = new SyntheticOximeterSource("sim:oxi", Clock.systemUTC())) {
            oximeter.start(sink);
            oximeter.start(sink); // a second start is ignored: one timer, one CONNECTED status
            RecordingSink.await(Duration.ofSeconds(10), "pleth and SpO2", () -> sink.waveforms.size() >= 3
                    && sink.measurements.stream().anyMatch(m -> m.sign() == VitalSign.OXYGEN_SATURATION));
            assertThat(sink.statuses).hasSize(1);
            assertThat(sink.statuses.get(0).state()).isEqualTo(DeviceStatus.State.CONNECTED);
            assertThat(sink.waveforms.get(0).device()).isEqualTo(oximeter.identity());
        }
    }

    @Test
    void cuffGivesAFullBloodPressureReadingAndStopsOnClose() throws InterruptedException {
        RecordingSink sink = new RecordingSink();
        SyntheticBloodPressureSource cuff = new SyntheticBloodPressureSource("sim:bp", Clock.systemUTC());
        cuff.start(sink);
        RecordingSink.await(Duration.ofSeconds(10), "one reading", () -> sink.measurements.size() >= 4);
        cuff.close();
        assertThat(sink.measurements).extracting(m -> m.sign()).containsExactly(VitalSign.SYSTOLIC_PRESSURE,
                VitalSign.DIASTOLIC_PRESSURE, VitalSign.MEAN_ARTERIAL_PRESSURE, VitalSign.PULSE_RATE);
        assertThat(sink.statuses).extracting(DeviceStatus::state).containsExactly(DeviceStatus.State.CONNECTED);
    }
}
