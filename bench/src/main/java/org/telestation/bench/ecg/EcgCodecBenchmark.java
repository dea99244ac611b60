package org.telestation.bench.ecg;

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
import org.telestation.devices.ecg.AecgReader;
import org.telestation.devices.ecg.DicomEcgReader;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.EcgFormatException;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgReader;
import org.telestation.devices.ecg.ScpEcgWriter;
import org.telestation.devices.ecg.AecgWriter;
import org.telestation.devices.ecg.WfdbReader;
import org.telestation.devices.ecg.WfdbWriter;
import org.telestation.devices.ecg.analysis.EcgIntervalAnalyzer;
import org.telestation.devices.ecg.analysis.EcgIntervals;
import org.telestation.devices.ecg.sim.EcgSimulator;

/**
 * Readers and the interval measurement on a 10 s, 12-lead, 500 Hz recording (60 000 samples).
 *
 * <p>Each invocation handles 10 s of ECG and counts as 10 operations, so the score (ops/s) reads directly as
 * seconds of ECG per second of one core: the ratio to real time (target ≥ 1 000). Recordings per second = score
 * / 10; MB/s = score / 10 × the file size printed at set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EcgCodecBenchmark {
    static final int SECONDS = 10;

    EcgRecording recording;
    byte[] dicom;
    byte[] scp;
    byte[] aecg;
    WfdbWriter.WfdbRecord wfdb16;
    WfdbWriter.WfdbRecord wfdb212;

    @Setup
    public void setUp() {
        recording = EcgSimulator.generate(EcgSimulator.Config.standard().withNoise(15, 0.05, 1)).recording();
        dicom = DicomEcgWriter.write(recording, ZoneOffset.UTC);
        scp = ScpEcgWriter.write(recording, ZoneOffset.UTC, ScpEcgWriter.Encoding.SECOND_DIFFERENCE);
        aecg = AecgWriter.write(recording, ZoneOffset.UTC);
        wfdb16 = WfdbWriter.write(recording, "b", 16, ZoneOffset.UTC);
        wfdb212 = WfdbWriter.write(recording, "b", 212, ZoneOffset.UTC);
        System.out.printf("%nfile sizes: DICOM %d B, SCP-ECG %d B, aECG %d B, WFDB16 %d B, WFDB212 %d B%n",
                dicom.length, scp.length, aecg.length, wfdb16.signals().length, wfdb212.signals().length);
    }

    @Benchmark
    @OperationsPerInvocation(SECONDS)
    public EcgRecording readDicom() throws EcgFormatException {
        return DicomEcgReader.read(dicom, ZoneOffset.UTC);
    }

    @Benchmark
    @OperationsPerInvocation(SECONDS)
    public EcgRecording readScpEcg() throws EcgFormatException {
        return ScpEcgReader.read(scp, ZoneOffset.UTC);
    }

    @Benchmark
    @OperationsPerInvocation(SECONDS)
    public EcgRecording readAecg() throws EcgFormatException {
        return AecgReader.read(aecg, ZoneOffset.UTC);
    }

    @Benchmark
    @OperationsPerInvocation(SECONDS)
    public EcgRecording readWfdb16() throws EcgFormatException {
        return WfdbReader.read(wfdb16.header(), wfdb16.signals(), ZoneOffset.UTC);
    }

    @Benchmark
    @OperationsPerInvocation(SECONDS)
    public EcgRecording readWfdb212() throws EcgFormatException {
        return WfdbReader.read(wfdb212.header(), wfdb212.signals(), ZoneOffset.UTC);
    }

    @Benchmark
    @OperationsPerInvocation(SECONDS)
    public EcgIntervals measureIntervals() {
        return EcgIntervalAnalyzer.analyze(recording);
    }
}
