package org.telestation.devices.serial.contec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telestation.devices.serial.Hex.bytes;
import static org.telestation.devices.serial.Hex.concat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.Hex;
import org.telestation.devices.serial.OximetryReading;

/** Contec protocol V7.0, vectors of standards.md §2.2. */
class ContecV7DecoderTest {

    private final List<ContecV7Packet> packets = new ArrayList<>();
    private final ContecV7Decoder decoder = new ContecV7Decoder(packets::add);

    @Test
    void startRealtimeCommandBytes() {
        assertThat(Hex.of(ContecV7Packet.command(ContecV7Packet.CMD_START_REALTIME).encode()))
                .isEqualTo("7D 81 A1 80 80 80 80 80 80");
        decoder.accept(bytes("7D 81 A1 80 80 80 80 80 80"), 0, 9);
        assertThat(packets).singleElement().satisfies(p -> assertThat(p.command()).isEqualTo(0xA1));
    }

    @Test
    void capturedRealtimePackets() {
        Hex.feedByteByByte(decoder, bytes("01 E0 85 B3 96 C1 E1 FF FF  01 E0 85 AA 95 C1 E1 FF FF"));
        assertThat(packets).hasSize(2);
        ContecV7Packet p = packets.get(0);
        assertThat(p.realtime()).isTrue();
        assertThat(p.signalStrength()).isEqualTo(5);
        assertThat(p.pleth()).isEqualTo(51);
        assertThat(p.barGraph()).isEqualTo(6);
        assertThat(p.perfusionIndexInvalid()).isTrue();
        assertThat(p.pulseRate()).isEqualTo(65);
        assertThat(p.spo2()).isEqualTo(97);
        assertThat(p.perfusionIndexRaw()).isEqualTo(0xFFFF);
        OximetryReading r = p.reading();
        assertThat(r.spo2()).isEqualTo(97);
        assertThat(r.pulseRate()).isEqualTo(65);
        assertThat(r.perfusionIndex()).isNaN();
        assertThat(r.flags()).isEmpty();
        assertThat(p.plethSamples()).containsExactly((short) 51);
        ContecV7Packet q = packets.get(1);
        assertThat(q.pleth()).isEqualTo(42);
        assertThat(q.barGraph()).isEqualTo(5);
        assertThat(q.pulseRate()).isEqualTo(65);
        assertThat(q.spo2()).isEqualTo(97);
    }

    @Test
    void roundTripRestoresHighBits() {
        ContecV7Packet sent = ContecV7Packet.realtime(0x80 | 0x10 | 3, 0x80 | 100, 7, 200, 0x7F, 345);
        byte[] wire = sent.encode();
        for (int i = 1; i < wire.length; i++) {
            assertThat(wire[i] & 0x80).as("byte %d has the sync bit", i).isEqualTo(0x80);
        }
        decoder.accept(wire, 0, wire.length);
        ContecV7Packet got = packets.get(0);
        assertThat(got).isEqualTo(sent);
        assertThat(got.probeError()).isTrue();
        assertThat(got.searchingTooLong()).isTrue();
        assertThat(got.searchingForPulse()).isTrue();
        assertThat(got.perfusionIndexRaw()).isEqualTo(345);
        OximetryReading r = got.reading();
        assertThat(r.perfusionIndex()).isEqualTo(3.45);
        assertThat(r.spo2()).isNaN();
        assertThat(r.flags()).containsExactlyInAnyOrder(StatusFlag.SENSOR_DISCONNECTED, StatusFlag.SEARCHING,
                StatusFlag.NO_MEASUREMENT);
    }

    @Test
    void truncatedPacketAndGarbageAreSkipped() {
        byte[] good = bytes("01 E0 85 B3 96 C1 E1 FF FF");
        byte[] stream = concat(bytes("FF 90 77 13"), java.util.Arrays.copyOf(good, 5), good, bytes("85 86"), good);
        decoder.accept(stream, 0, stream.length);
        assertThat(packets).hasSize(2).allSatisfy(p -> assertThat(p.spo2()).isEqualTo(97));
        assertThat(decoder.stats().rejectedFrames()).isEqualTo(1);
    }

    @Test
    void otherPacketTypesEndAtTheNextTypeByte() {
        ContecV7Packet id = new ContecV7Packet(ContecV7Packet.TYPE_DEVICE_ID, "CMS50E1".chars().toArray());
        byte[] stream = concat(id.encode(), bytes("01 E0 85 B3 96 C1 E1 FF FF"));
        decoder.accept(stream, 0, stream.length);
        assertThat(packets).hasSize(2);
        assertThat(packets.get(0)).isEqualTo(id);
        assertThat(packets.get(0).reading()).isNull();
    }
}
