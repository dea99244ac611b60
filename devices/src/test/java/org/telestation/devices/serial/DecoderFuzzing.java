package org.telestation.devices.serial;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;

/**
 * The property every serial decoder must have, for the fuzz targets: whatever bytes arrive, in whatever chunks,
 * nothing is thrown (the decoders declare no error at all), the buffer stays bounded, and what comes out is sane.
 */
public final class DecoderFuzzing {

    private static final DeviceIdentity DEVICE =
            new DeviceIdentity(DeviceKind.PULSE_OXIMETER, "fuzz", "fuzz", null, "/dev/null");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    private DecoderFuzzing() {
    }

    /** Feeds the fuzzer's bytes in chunks of 1..64 bytes to the protocol's raw and model decoders. */
    public static void check(SerialProtocol protocol, FuzzedDataProvider data) {
        StreamDecoder raw = protocol.newDecoder(frame -> {
            frame.plethSamples();
            frame.reading();
        });
        StreamDecoder model = protocol.newModelDecoder(DEVICE, CLOCK, ZoneOffset.UTC, new VitalsSink() {
            @Override
            public void onMeasurement(Measurement m) {
                if (!(Double.isNaN(m.value()) || (m.value() >= 0 && m.value() <= 70_000))) {
                    throw new AssertionError("impossible value " + m);
                }
            }

            @Override
            public void onWaveform(WaveformChunk w) {
                if (w.samples().length == 0) {
                    throw new AssertionError("empty waveform chunk");
                }
            }
        });
        feed(data, raw, model);
    }

    /** Feeds the fuzzer's bytes in chunks to the given decoders and checks their counters. */
    public static void feed(FuzzedDataProvider data, StreamDecoder... decoders) {
        long total = 0;
        while (data.remainingBytes() > 0) {
            int n = data.consumeInt(1, 64);
            byte[] chunk = data.consumeBytes(n);
            total += chunk.length;
            for (StreamDecoder d : decoders) {
                d.accept(chunk, 0, chunk.length);
            }
        }
        for (StreamDecoder d : decoders) {
            DecoderStats s = d.stats();
            if (s.frames() > total || s.skippedBytes() > total || s.frames() < 0) {
                throw new AssertionError("counters beyond the input: " + s + " for " + total + " bytes");
            }
            d.reset();
        }
    }
}
