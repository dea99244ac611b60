package org.telestation.station.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.telestation.devices.model.VitalSign;
import org.telestation.devices.serial.SerialProtocol;
import org.telestation.devices.serial.SocatPair;
import org.telestation.devices.serial.nonin.NoninDataFormat;
import org.telestation.devices.serial.sim.MasimoSimulator;
import org.telestation.devices.serial.sim.NoninSimulator;
import org.telestation.devices.serial.sim.SerialSimulator;

/**
 * Serial oximeters as the agent runs them: a real byte-exact simulator on one end of a socat pty pair, the real
 * {@code SerialTransport} + decoder + {@code ModelBridge} on the other (needs Debian {@code socat}).
 */
class SerialOximeterSourceTest {
    static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void noninValuesAndPlethReachTheSinkAndAnUnpluggedLinkReconnects() throws Exception {
        try (SocatPair pair = new SocatPair();
             SerialSimulator sim = new NoninSimulator(SerialSimulator.Config.of(pair.deviceEnd()).withVitals(96, 70),
                     NoninDataFormat.DF2, Duration.ofSeconds(5)).start();
             SerialOximeterSource source = new SerialOximeterSource(pair.stationEnd(), SerialProtocol.NONIN_DF2,
                     Clock.systemUTC(), ZoneOffset.UTC, true)) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);

            RecordingSink.await(WAIT, "SpO2 and pleth", () -> sink.measurements.stream()
                    .anyMatch(m -> m.sign() == VitalSign.OXYGEN_SATURATION) && sink.waveforms.size() >= 5);
            assertThat(sink.measurements).filteredOn(m -> m.sign() == VitalSign.OXYGEN_SATURATION)
                    .allSatisfy(m -> assertThat(m.value()).isBetween(90.0, 100.0))
                    .allSatisfy(m -> assertThat(m.device().id()).isEqualTo(source.identity().id()));
            assertThat(sink.waveforms).allSatisfy(w -> {
                assertThat(w.channel()).isEqualTo("PLETH");
                assertThat(w.sampleRateHz()).isEqualTo(75.0); // Nonin DF2's rate: the bytes went through its decoder
            });
            assertThat(sink.lastStatus().state()).isEqualTo(DeviceStatus.State.CONNECTED);
            assertThat(sink.lastStatus().diagnostic()).isEqualTo("Simulateur (liaison série)");

            // Unplug: socat dies, both ptys vanish; the nurse reads that the link is being re-established.
            pair.unplug();
            RecordingSink.await(WAIT, "status « reconnexion »", () -> sink.lastStatus().diagnostic() != null
                    && sink.lastStatus().state() != DeviceStatus.State.CONNECTED
                    && sink.lastStatus().diagnostic().contains("reconnexion"));
            assertThat(sink.lastStatus().diagnostic()).contains("câble ou adaptateur USB");
            int valuesBefore = sink.measurements.size();

            pair.replug();
            RecordingSink.await(WAIT, "connected again with new values", () ->
                    sink.lastStatus().state() == DeviceStatus.State.CONNECTED
                            && sink.measurements.size() > valuesBefore);
        }
    }

    @Test
    void discoveryFindsTheProtocolAndThenReadsTheDevice() throws Exception {
        try (SocatPair pair = new SocatPair();
             SerialSimulator sim = new MasimoSimulator(SerialSimulator.Config.of(pair.deviceEnd()).withVitals(98, 64),
                     "SIM-M-1").start();
             ProbingSerialSource source = new ProbingSerialSource(pair.stationEnd(), Clock.systemUTC(),
                     ZoneOffset.UTC, Duration.ofMillis(2600))) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            RecordingSink.await(Duration.ofSeconds(30), "protocol found and values read", () ->
                    source.protocol() != null && !sink.measurements.isEmpty());
            assertThat(source.protocol()).isEqualTo(SerialProtocol.MASIMO_ASCII);
            assertThat(sink.statuses.get(0).diagnostic()).startsWith("Recherche de l'appareil");
            assertThat(sink.measurements.get(0).device().id()).isEqualTo(source.identity().id());
            assertThat(sink.measurements.get(0).device().model()).isEqualTo(SerialProtocol.MASIMO_ASCII.displayName());
        }
    }

    @Test
    void aPortThatDoesNotExistIsExplainedInFrench() throws Exception {
        try (SerialOximeterSource source = new SerialOximeterSource("/nonexistent/ttyUSB9", SerialProtocol.MASIMO_ASCII,
                Clock.systemUTC(), ZoneOffset.UTC)) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            assertThat(sink.statuses.get(0).state()).isEqualTo(DeviceStatus.State.CONNECTING);
            assertThat(sink.statuses.get(0).diagnostic())
                    .isEqualTo("Oxymètre non branché — vérifiez son câble ou son adaptateur USB (/nonexistent/ttyUSB9)");
        }
    }
}
