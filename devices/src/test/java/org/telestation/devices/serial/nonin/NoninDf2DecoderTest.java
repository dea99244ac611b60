package org.telestation.devices.serial.nonin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telestation.devices.serial.Hex.bytes;
import static org.telestation.devices.serial.Hex.concat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.serial.Hex;
import org.telestation.devices.serial.OximetryReading;

/** Nonin Data Format 2, vectors from standards.md §2.1 (captured frames from NoninPulseOx). */
class NoninDf2DecoderTest {

    /** The full captured 25-frame packet of standards.md §2.1, then the next packet's SYNC frame. */
    static final String CAPTURED_PACKET = "01814300C5 0180434A0E 0180436024 0180439458 01804300C4 01804100C2 01803E17D6"
            + " 01803C04C1 018039601A 0180366017 0180356016 01803400B5 01803400B5 01803400B5 0180354A00 0180366017"
            + " 0180376018 01803A00BB 01804000C1 01804A00CB 0180574A22 01806900EA 01807C4A47 0180900011 0180A10022";

    private final List<NoninFrame> frames = new ArrayList<>();
    private final NoninDf2Decoder decoder = new NoninDf2Decoder(frames::add);

    @Test
    void singleFrameVectorsOfSection21() {
        record Vector(String hex, int status, int pleth, int floatByte) { }
        List<Vector> vectors = List.of(
                new Vector("01 81 43 00 C5", 0x81, 67, 0x00),
                new Vector("01 80 43 4A 0E", 0x80, 67, 74),
                new Vector("01 80 43 60 24", 0x80, 67, 96),
                new Vector("01 80 43 94 58", 0x80, 67, 148),
                new Vector("01 80 3C 04 C1", 0x80, 0x3C, 0x04),
                new Vector("01 80 39 60 1A", 0x80, 0x39, 96),
                new Vector("01 80 57 4A 22", 0x80, 0x57, 74),
                new Vector("01 81 AF 00 31", 0x81, 0xAF, 0x00));
        for (Vector v : vectors) {
            frames.clear();
            decoder.reset();
            decoder.accept(bytes(v.hex), 0, 5);
            assertThat(frames).as(v.hex).singleElement().satisfies(f -> {
                assertThat(f.status()).isEqualTo(v.status);
                assertThat(f.pleth()).isEqualTo(v.pleth);
                assertThat(f.floatByte()).isEqualTo(v.floatByte);
                assertThat(f.plethSamples()).containsExactly((short) v.pleth);
            });
        }
        assertThat(decoder.stats().rejectedFrames()).isZero();
    }

    @Test
    void capturedPacketDecodesToPublishedValues() {
        Hex.feedByteByByte(decoder, concat(bytes(CAPTURED_PACKET), bytes("01 81 AF 00 31")));

        assertThat(frames).hasSize(26);
        assertThat(frames.get(0).sync()).isTrue();
        assertThat(frames.get(0).frameNumber()).isEqualTo(1);
        assertThat(frames.get(24).frameNumber()).isEqualTo(25);
        assertThat(frames.get(25).frameNumber()).isEqualTo(1);
        NoninPacket packet = frames.get(24).packet();
        assertThat(packet).isNotNull();
        assertThat(packet.pulseRate()).isEqualTo(74);
        assertThat(packet.spo2()).isEqualTo(96);
        assertThat(packet.firmwareRevision()).isEqualTo(148);
        assertThat(packet.timer()).isEqualTo(23);
        assertThat(packet.stat2()).isEqualTo(0x04);
        assertThat(packet.spo2Display()).isEqualTo(96);
        assertThat(packet.extendedPulseRate()).isEqualTo(74);
        assertThat(packet.extendedSpo2()).isEqualTo(96);
        assertThat(packet.pulseRateDisplay()).isEqualTo(74);
        OximetryReading r = packet.reading();
        assertThat(r.spo2()).isEqualTo(96);
        assertThat(r.pulseRate()).isEqualTo(74);
        assertThat(r.flags()).isEmpty();
        assertThat(frames.stream().filter(f -> f.packet() != null)).hasSize(1);
    }

    @Test
    void badChecksumIsRejectedAndTheNextPacketStillDecodes() {
        byte[] packet = bytes(CAPTURED_PACKET);
        byte[] broken = packet.clone();
        broken[5 * 3 + 4] ^= 0x01; // checksum of frame 4
        decoder.accept(concat(broken, packet), 0, packet.length * 2);

        assertThat(decoder.stats().rejectedFrames()).isGreaterThanOrEqualTo(1);
        List<NoninPacket> packets = frames.stream().map(NoninFrame::packet).filter(p -> p != null).toList();
        assertThat(packets).as("the damaged packet is dropped, the good one kept").hasSize(1);
        assertThat(packets.get(0).pulseRate()).isEqualTo(74);
    }

    @Test
    void resynchronisesAfterGarbageWithoutLosingLaterPackets() {
        byte[] garbage = bytes("FF 01 80 00 13 37 01 02 03 04 05 06 07 08");
        byte[] stream = concat(garbage, bytes(CAPTURED_PACKET), garbage, bytes(CAPTURED_PACKET));
        decoder.accept(stream, 0, stream.length);

        assertThat(frames.stream().filter(f -> f.packet() != null)).hasSize(2);
        assertThat(decoder.stats().skippedBytes()).isEqualTo(2L * garbage.length);
    }

    @Test
    void framesBeforeTheFirstSyncHaveNoFrameNumber() {
        byte[] packet = bytes(CAPTURED_PACKET);
        decoder.accept(packet, 5 * 10, packet.length - 5 * 10); // start mid-packet, at frame 11

        assertThat(frames).hasSize(15).allSatisfy(f -> assertThat(f.frameNumber()).isZero());
        assertThat(frames).allSatisfy(f -> assertThat(f.packet()).isNull());
    }

    @Test
    void missingValuesAndAlarmsMapToFlags() {
        int[] floats = NoninPacket.floatsFor(NoninStatus.MISSING_PULSE_RATE, NoninStatus.MISSING_SPO2, 1, 0,
                NoninStatus.STAT2_LOW_BATTERY);
        int status = NoninStatus.DF2_ARTIFACT | NoninStatus.DF2_OUT_OF_TRACK | NoninStatus.DF2_SENSOR_ALARM
                | NoninStatus.DF2_RED_PERFUSION;
        for (int i = 1; i <= NoninPacket.FRAMES; i++) {
            byte[] f = NoninDf2Decoder.encode(status | (i == 1 ? NoninStatus.DF2_SYNC : 0), 0, floats[i]);
            decoder.accept(f, 0, f.length);
        }
        OximetryReading r = frames.get(24).reading();
        assertThat(r.spo2()).isNaN();
        assertThat(r.pulseRate()).isNaN();
        assertThat(r.flags()).containsExactlyInAnyOrder(StatusFlag.NO_MEASUREMENT, StatusFlag.ARTIFACT,
                StatusFlag.SEARCHING, StatusFlag.SENSOR_DISCONNECTED, StatusFlag.LOW_PERFUSION, StatusFlag.LOW_BATTERY);
    }

    @Test
    void yellowPerfusionIsMarginalNotLow() {
        EnumSetHolder.assertFlags(NoninStatus.DF2_RED_PERFUSION | NoninStatus.DF2_GREEN_PERFUSION,
                StatusFlag.LOW_SIGNAL_QUALITY);
        EnumSetHolder.assertFlags(NoninStatus.DF2_GREEN_PERFUSION);
        EnumSetHolder.assertFlags(NoninStatus.DF2_RED_PERFUSION, StatusFlag.LOW_PERFUSION);
    }

    @Test
    void roundTripOfEncodedPackets() {
        int[] floats = NoninPacket.floatsFor(187, 93, 0x20, 300, NoninStatus.STAT2_SMARTPOINT);
        for (int i = 1; i <= NoninPacket.FRAMES; i++) {
            byte[] f = NoninDf2Decoder.encode(NoninStatus.DF2_GREEN_PERFUSION | (i == 1 ? NoninStatus.DF2_SYNC : 0),
                    i * 7, floats[i]);
            decoder.accept(f, 0, f.length);
        }
        NoninPacket p = frames.get(24).packet();
        assertThat(p.pulseRate()).isEqualTo(187);
        assertThat(p.spo2()).isEqualTo(93);
        assertThat(p.timer()).isEqualTo(300);
        assertThat(p.smartPoint()).isTrue();
        assertThat(p.lowBattery()).isFalse();
        assertThat(frames).extracting(NoninFrame::pleth).containsExactly(
                java.util.stream.IntStream.rangeClosed(1, 25).map(i -> i * 7).boxed().toArray(Integer[]::new));
    }

    private static final class EnumSetHolder {
        static void assertFlags(int status, StatusFlag... expected) {
            java.util.EnumSet<StatusFlag> flags = java.util.EnumSet.noneOf(StatusFlag.class);
            NoninStatus.addDf2Flags(status, flags);
            assertThat(flags).containsExactlyInAnyOrder(expected);
        }
    }
}
