package org.telestation.devices.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telestation.devices.serial.nonin.NoninDataFormat;
import org.telestation.devices.serial.sim.ContecSimulator;
import org.telestation.devices.serial.sim.MasimoSimulator;
import org.telestation.devices.serial.sim.NoninSimulator;
import org.telestation.devices.serial.sim.SerialSimulator;

/** The prober against each simulator over a socat pty pair. */
class ProtocolProberTest {

    private static final Duration WINDOW = Duration.ofMillis(2500);
    private SocatPair pair;
    private SerialSimulator sim;

    @BeforeEach
    void startSocat() throws Exception {
        pair = new SocatPair();
    }

    @AfterEach
    void stop() throws Exception {
        if (sim != null) {
            sim.close();
        }
        pair.close();
    }

    private ProtocolProber.ProbeResult probeWith(SerialSimulator simulator) {
        sim = simulator.start();
        return new ProtocolProber(WINDOW).probe(pair.stationEnd());
    }

    @Test
    void findsNoninDf2() {
        var result = probeWith(new NoninSimulator(SerialSimulator.Config.of(pair.deviceEnd()), NoninDataFormat.DF2,
                Duration.ofSeconds(5)));
        assertThat(result.protocol()).isEqualTo(SerialProtocol.NONIN_DF2);
        assertThat(result.stats().get(SerialProtocol.NONIN_DF8).frames())
                .as("DF2 streams contain DF8-shaped runs; the prober must not be fooled").isPositive();
    }

    @Test
    void findsNoninDf8() {
        var result = probeWith(new NoninSimulator(SerialSimulator.Config.of(pair.deviceEnd()), NoninDataFormat.DF8,
                Duration.ofSeconds(5)));
        assertThat(result.protocol()).isEqualTo(SerialProtocol.NONIN_DF8);
    }

    @Test
    void findsMasimo() {
        var result = probeWith(new MasimoSimulator(SerialSimulator.Config.of(pair.deviceEnd()), "0000000042"));
        assertThat(result.protocol()).isEqualTo(SerialProtocol.MASIMO_ASCII);
        assertThat(result.diagnostic()).contains("Masimo");
    }

    @Test
    void findsContecV7AfterSendingTheStartCommand() {
        var result = probeWith(new ContecSimulator(SerialSimulator.Config.of(pair.deviceEnd()),
                ContecSimulator.Variant.V7));
        assertThat(result.protocol()).isEqualTo(SerialProtocol.CONTEC_V7);
    }

    @Test
    void findsContecLegacy() {
        var result = probeWith(new ContecSimulator(SerialSimulator.Config.of(pair.deviceEnd()),
                ContecSimulator.Variant.LEGACY));
        assertThat(result.protocol()).isEqualTo(SerialProtocol.CONTEC_LEGACY);
    }

    @Test
    void silentPortFindsNothingAndSaysSo() {
        var result = new ProtocolProber(Duration.ofMillis(300)).probe(pair.stationEnd());
        assertThat(result.protocol()).isNull();
        assertThat(result.diagnostic()).contains("No known oximeter protocol");
    }
}
