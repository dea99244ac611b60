package org.telestation.devices.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.nonin.NoninCommand;
import org.telestation.devices.serial.nonin.NoninCommandDecoder;
import org.telestation.devices.serial.nonin.NoninDataFormat;
import org.telestation.devices.serial.sim.ContecSimulator;
import org.telestation.devices.serial.sim.MasimoSimulator;
import org.telestation.devices.serial.sim.NoninSimulator;
import org.telestation.devices.serial.sim.SerialSimulator;
import org.telestation.devices.serial.sim.SerialSimulator.SentReading;
import org.telestation.devices.serial.sim.SimFault;

/**
 * End to end over real pseudo-terminals: a simulator writes the device end of a socat pair at the protocol's timing,
 * the real {@link SerialTransport} and decoder read the station end, and what was decoded is compared with what the
 * simulator logged as sent.
 */
class SerialLinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private SocatPair pair;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<OximetryReading> decoded = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startSocat() throws Exception {
        pair = new SocatPair();
    }

    @AfterEach
    void stopAll() throws Exception {
        Collections.reverse(toClose);
        for (AutoCloseable c : toClose) {
            c.close();
        }
        pair.close();
    }

    private SerialTransport connect(SerialProtocol protocol, Consumer<byte[]> rawTap, SerialTransport.Options options) {
        StreamDecoder decoder = protocol.newDecoder(frame -> {
            if (frame.reading() != null) {
                decoded.add(frame.reading());
            }
        });
        StreamDecoder tapped = rawTap == null ? decoder : new StreamDecoder() {
            @Override public void accept(byte[] chunk, int offset, int length) {
                rawTap.accept(java.util.Arrays.copyOfRange(chunk, offset, offset + length));
                decoder.accept(chunk, offset, length);
            }
            @Override public DecoderStats stats() { return decoder.stats(); }
            @Override public void reset() { decoder.reset(); }
        };
        SerialTransport t = new SerialTransport(pair.stationEnd(), protocol.settings(), tapped, options,
                Clock.systemUTC());
        t.addStatusListener(s -> states.add(s.state()));
        toClose.add(t);
        t.start();
        await(() -> t.status().state() == ConnectionState.CONNECTED, "transport connected");
        return t;
    }

    private SerialTransport connect(SerialProtocol protocol) {
        return connect(protocol, null, protocol.transportOptions("the pulse oximeter"));
    }

    private <S extends SerialSimulator> S run(S sim) {
        toClose.add(sim);
        sim.start();
        return sim;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Stops the simulator once it sent {@code count} readings and returns those that went out intact. */
    private List<OximetryReading> sendAndStop(SerialSimulator sim, int count) throws Exception {
        await(() -> sim.sent().size() >= count, count + " readings sent");
        sim.close();
        List<SentReading> sent = sim.sent();
        List<OximetryReading> intact = sent.stream().filter(SentReading::intact).map(SentReading::reading).toList();
        await(() -> decoded.size() >= intact.size(), "decoder caught up (" + intact.size() + " intact readings)");
        Thread.sleep(200); // anything extra would arrive now
        return intact;
    }

    private SerialSimulator.Config device(SimFault fault) {
        return SerialSimulator.Config.of(pair.deviceEnd()).withFault(fault).withVitals(95, 80);
    }

    @Test
    void noninDf2CleanStreamDecodesEveryPacket() throws Exception {
        connect(SerialProtocol.NONIN_DF2);
        NoninSimulator sim = run(new NoninSimulator(device(SimFault.NONE), NoninDataFormat.DF2, Duration.ofSeconds(5)));
        List<OximetryReading> intact = sendAndStop(sim, 6);

        assertThat(intact).hasSize(sim.sent().size());
        assertThat(decoded).containsExactlyElementsOf(intact);
        assertThat(decoded).allSatisfy(r -> assertThat(r.spo2()).isBetween(85.0, 100.0));
    }

    @Test
    void noninDf2GarbageResynchronisesWithoutLosingLaterPackets() throws Exception {
        connect(SerialProtocol.NONIN_DF2);
        NoninSimulator sim = run(new NoninSimulator(device(SimFault.GARBAGE).withFaultEvery(40), NoninDataFormat.DF2,
                Duration.ofSeconds(5)));
        List<OximetryReading> intact = sendAndStop(sim, 9);

        assertThat(intact.size()).as("some packets were hit, some not").isBetween(1, sim.sent().size() - 1);
        assertThat(decoded).containsExactlyElementsOf(intact);
    }

    @Test
    void noninDf7BadChecksumsAreDropped() throws Exception {
        connect(SerialProtocol.NONIN_DF7);
        NoninSimulator sim = run(new NoninSimulator(device(SimFault.BAD_CHECKSUM).withFaultEvery(60),
                NoninDataFormat.DF7, Duration.ofSeconds(5)));
        List<OximetryReading> intact = sendAndStop(sim, 9);

        assertThat(intact.size()).isBetween(1, sim.sent().size() - 1);
        assertThat(decoded).containsExactlyElementsOf(intact);
    }

    @Test
    void noninSelectDataFormatIsAcknowledgedAndDf8ReportsLowBattery() throws Exception {
        List<Integer> acks = new CopyOnWriteArrayList<>();
        SerialTransport t = connect(SerialProtocol.NONIN_DF8, raw -> {
            for (byte b : raw) {
                if (b == NoninCommand.ACK || b == NoninCommand.NAK) acks.add((int) b);
            }
        }, SerialProtocol.NONIN_DF8.transportOptions("the pulse oximeter"));
        NoninSimulator sim = run(new NoninSimulator(device(SimFault.LOW_BATTERY), NoninDataFormat.DF13,
                Duration.ofSeconds(60)));
        await(() -> t.write(NoninCommand.selectDataFormat(NoninDataFormat.DF8).encode()), "command written");
        await(() -> !acks.isEmpty(), "ACK");
        assertThat(acks).containsExactly((int) NoninCommand.ACK);
        assertThat(sim.format()).isEqualTo(NoninDataFormat.DF8);
        List<OximetryReading> intact = sendAndStop(sim, 2);

        assertThat(decoded).containsExactlyElementsOf(intact);
        assertThat(decoded).allSatisfy(r -> assertThat(r.flags()).contains(StatusFlag.LOW_BATTERY));
    }

    @Test
    void noninDf13SensorOffAndReadClock() throws Exception {
        List<NoninCommand> replies = new CopyOnWriteArrayList<>();
        NoninCommandDecoder replyDecoder = new NoninCommandDecoder(replies::add);
        SerialTransport t = connect(SerialProtocol.NONIN_DF13, raw -> replyDecoder.accept(raw, 0, raw.length),
                SerialProtocol.NONIN_DF13.transportOptions("the pulse oximeter"));
        NoninSimulator sim = run(new NoninSimulator(device(SimFault.SENSOR_OFF), NoninDataFormat.DF13,
                Duration.ofMillis(400)));
        java.time.LocalDateTime setTo = java.time.LocalDateTime.of(2031, 3, 4, 5, 6, 7);
        await(() -> t.write(NoninCommand.setClock(setTo).encode()), "set clock written");
        await(() -> sim.deviceClock().getYear() == 2031, "clock set");
        t.write(NoninCommand.readClock().encode());
        await(() -> !replies.isEmpty(), "clock reply");
        assertThat(replies.get(0).clock()).isBetween(setTo, setTo.plusSeconds(30));
        List<OximetryReading> intact = sendAndStop(sim, 3);

        assertThat(decoded).containsExactlyElementsOf(intact);
        assertThat(decoded).allSatisfy(r -> {
            assertThat(r.flags()).contains(StatusFlag.NO_MEASUREMENT);
            assertThat(r.spo2()).isNaN();
            assertThat(r.deviceLocalTime()).isNotNull();
        });
    }

    @Test
    void contecV7StreamsAfterStartCommandAndSurvivesTruncatedPackets() throws Exception {
        ContecSimulator sim = run(new ContecSimulator(device(SimFault.TRUNCATED).withFaultEvery(13),
                ContecSimulator.Variant.V7));
        Thread.sleep(300);
        assertThat(sim.sent()).as("V7 devices wait for the start command").isEmpty();
        connect(SerialProtocol.CONTEC_V7); // sends A1 on connect
        List<OximetryReading> intact = sendAndStop(sim, 120);

        assertThat(intact.size()).isLessThan(sim.sent().size());
        assertThat(decoded).containsExactlyElementsOf(intact);
        assertThat(decoded).allSatisfy(r -> assertThat(r.perfusionIndex()).isPositive());
    }

    @Test
    void contecLegacyGarbageLosesNoLaterPacket() throws Exception {
        connect(SerialProtocol.CONTEC_LEGACY);
        ContecSimulator sim = run(new ContecSimulator(device(SimFault.GARBAGE).withFaultEvery(11),
                ContecSimulator.Variant.LEGACY));
        List<OximetryReading> intact = sendAndStop(sim, 120);
        int faults = sim.sent().size() / 11 + 1;

        // No checksum: garbage may look like a packet, but every intact packet must come through, in order.
        assertThat(isSubsequence(intact, decoded)).as("intact readings in order among the decoded").isTrue();
        assertThat(decoded.size()).isLessThanOrEqualTo(intact.size() + faults);
    }

    @Test
    void masimoTruncatedLinesAndOutOfRange() throws Exception {
        connect(SerialProtocol.MASIMO_ASCII);
        MasimoSimulator sim = run(new MasimoSimulator(device(SimFault.TRUNCATED).withFaultEvery(2), "0000000042"));
        List<OximetryReading> intact = sendAndStop(sim, 4);

        assertThat(decoded).containsExactlyElementsOf(intact);
        assertThat(intact.size()).isLessThan(sim.sent().size());
    }

    @Test
    void masimoSensorOff() throws Exception {
        connect(SerialProtocol.MASIMO_ASCII);
        MasimoSimulator sim = run(new MasimoSimulator(device(SimFault.SENSOR_OFF), "0000000042"));
        List<OximetryReading> intact = sendAndStop(sim, 2);

        assertThat(decoded).containsExactlyElementsOf(intact);
        assertThat(decoded).allSatisfy(r -> assertThat(r.flags())
                .contains(StatusFlag.NO_MEASUREMENT, StatusFlag.SENSOR_DISCONNECTED));
    }

    @Test
    void transportReconnectsWhenThePortVanishesAndComesBack() throws Exception {
        SerialTransport t = connect(SerialProtocol.CONTEC_LEGACY);
        run(new ContecSimulator(device(SimFault.NONE), ContecSimulator.Variant.LEGACY));
        await(() -> decoded.size() > 30, "data before unplugging");

        pair.unplug();
        // First "link lost", then, once reopening has failed, the hint about the cable: wait for the second.
        await(() -> (t.status().state() == ConnectionState.RECONNECTING
                || t.status().state() == ConnectionState.FAILED)
                && t.status().diagnostic().contains("plugged in"), "link lost, cable hint shown");
        int before = decoded.size();
        pair.replug();
        await(() -> t.status().state() == ConnectionState.CONNECTED, "reconnected");
        await(() -> decoded.size() > before + 30, "data after replugging");
        assertThat(states).containsSubsequence(ConnectionState.CONNECTED, ConnectionState.RECONNECTING,
                ConnectionState.CONNECTED);
    }

    @Test
    void deviceThatClosesItsPortIsReportedSilentThenConnectedAgain() throws Exception {
        SerialTransport.Options options = SerialProtocol.CONTEC_LEGACY.transportOptions("the pulse oximeter")
                .withTiming(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(400), 5);
        SerialTransport t = connect(SerialProtocol.CONTEC_LEGACY, null, options);
        run(new ContecSimulator(device(SimFault.DISCONNECT).withDisconnect(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                ContecSimulator.Variant.LEGACY));
        await(() -> states.contains(ConnectionState.SILENT), "silence while the device is away");
        assertThat(t.status().diagnostic()).isNotBlank();
        int before = decoded.size();
        await(() -> t.status().state() == ConnectionState.CONNECTED && decoded.size() > before + 10, "data again");
    }

    @Test
    void missingPortEndsInFailedWithADiagnostic() {
        SerialTransport t = new SerialTransport(pair.stationEnd() + "-absent", SerialSettings.B9600_8N1,
                SerialProtocol.NONIN_DF8.newDecoder(f -> { }),
                SerialTransport.Options.defaults("the pulse oximeter")
                        .withTiming(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofSeconds(5), 3),
                Clock.systemUTC());
        toClose.add(t);
        t.start();
        await(() -> t.status().state() == ConnectionState.FAILED, "FAILED");
        assertThat(t.status().diagnostic()).startsWith("The pulse oximeter is not connected").contains("plugged in");
        assertThat(t.status().attempts()).isGreaterThanOrEqualTo(3);
    }

    private static <T> boolean isSubsequence(List<T> needle, List<T> haystack) {
        int i = 0;
        for (T t : haystack) {
            if (i < needle.size() && needle.get(i).equals(t)) i++;
        }
        return i == needle.size();
    }
}
