package org.telestation.bench.station;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.telestation.bench.serial.DeviceStreams;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.EcgFormatException;
import org.telestation.devices.ecg.ScpEcgWriter;
import org.telestation.devices.ecg.sim.EcgSimulator;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.WaveformChunk;
import org.telestation.devices.serial.SerialProtocol;
import org.telestation.devices.serial.StreamDecoder;
import org.telestation.devices.serial.VitalsSink;
import org.telestation.station.StationHub;
import org.telestation.station.outbox.Outbox;
import org.telestation.station.source.EcgSource;

/**
 * The agent's per-device work on the device side, one operation = one second of device data, so the score is the
 * ratio to real time on one core (target ≥ 1,000×):
 * <ul>
 *   <li>{@code noninSecondIntoHub}: 1 s of Nonin DF2 bytes (375 B, 75 frames) through the decoder and ModelBridge
 *       into the {@link StationHub} (latest values, pleth history, live entries), as the serial source does;</li>
 *   <li>{@code ecgImportScpToDicom}: a dropped 10 s 12-lead SCP-ECG file read by content and converted to the
 *       outbox's DICOM, as the ECG import does (10 operations per invocation).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeviceSourcesBenchmark {
    private Path dir;
    private Outbox outbox;
    private StationHub hub;
    private StreamDecoder nonin;
    private byte[] noninSecond;
    private byte[] scpFile;

    @Setup
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("bench-sources");
        outbox = new Outbox(dir.resolve("outbox.db"), Clock.systemUTC(), 1000, 0);
        hub = new StationHub(outbox, Clock.systemUTC());
        DeviceIdentity device = new DeviceIdentity(DeviceKind.PULSE_OXIMETER, "Nonin", "DF2", null, "/dev/ttyUSB0");
        nonin = SerialProtocol.NONIN_DF2.newModelDecoder(device, Clock.systemUTC(), ZoneOffset.UTC, new VitalsSink() {
            @Override
            public void onMeasurement(Measurement m) {
                hub.measurement(m);
            }

            @Override
            public void onWaveform(WaveformChunk c) {
                hub.waveform(c);
            }
        });
        noninSecond = DeviceStreams.seconds(SerialProtocol.NONIN_DF2, 1);
        scpFile = ScpEcgWriter.write(EcgSimulator.generate(EcgSimulator.Config.standard()).recording());
    }

    @Benchmark
    public int noninSecondIntoHub() {
        nonin.accept(noninSecond, 0, noninSecond.length);
        return hub.drainLive().size(); // the live batcher drains every 40 ms
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public byte[] ecgImportScpToDicom() throws EcgFormatException {
        return DicomEcgWriter.write(EcgSource.read(scpFile));
    }

    @TearDown
    public void tearDown() throws Exception {
        outbox.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
