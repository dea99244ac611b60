package org.telestation.bench.serial;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;
import org.telestation.devices.serial.SerialProtocol;
import org.telestation.devices.serial.StreamDecoder;
import org.telestation.devices.serial.VitalsSink;

/**
 * Decoding speed of each serial protocol, from bytes to the shared model. One invocation decodes
 * {@value #SECONDS} seconds of the device's output fed in 256-byte reads, and counts as {@value #SECONDS}
 * operations: the score (ops/s) is therefore directly the <b>ratio to real time</b> (device seconds decoded per
 * second of one core). Bytes/s = score × the protocol's bytes per device second (see docs/devices/serial.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SerialDecoderBenchmark {

    static final int SECONDS = 60;
    private static final int READ_SIZE = 256;

    @Param({"NONIN_DF2", "NONIN_DF7", "NONIN_DF8", "NONIN_DF13", "CONTEC_V7", "CONTEC_LEGACY", "MASIMO_ASCII"})
    public SerialProtocol protocol;

    private byte[] wire;
    private StreamDecoder decoder;
    private Blackhole sinkHole;

    @Setup(Level.Trial)
    public void setUp(Blackhole blackhole) {
        wire = DeviceStreams.seconds(protocol, SECONDS);
        sinkHole = blackhole;
        DeviceIdentity device = new DeviceIdentity(DeviceKind.PULSE_OXIMETER, "bench", "bench", null, "/dev/null");
        decoder = protocol.newModelDecoder(device, Clock.systemUTC(), ZoneOffset.UTC, new VitalsSink() {
            @Override public void onMeasurement(Measurement m) { sinkHole.consume(m); }
            @Override public void onWaveform(WaveformChunk w) { sinkHole.consume(w); }
        });
    }

    @Benchmark
    @OperationsPerInvocation(SECONDS)
    public long decodeOneMinute() {
        for (int at = 0; at < wire.length; at += READ_SIZE) {
            decoder.accept(wire, at, Math.min(READ_SIZE, wire.length - at));
        }
        return decoder.stats().frames();
    }
}
