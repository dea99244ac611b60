package org.telestation.bench.media;

import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.hl7.fhir.r4.model.Observation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.telestation.devices.fhir.VitalSignsMapper;
import org.telestation.devices.model.BloodPressure;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;
import org.telestation.devices.model.WaveformChunk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/**
 * Observations mapped per second: a spot value, a BP panel, one second of 75 Hz pleth as SampledData, and the
 * mapping plus HAPI JSON encoding (what the server or the outbox really pays).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ObservationMappingBenchmark {
    private VitalSignsMapper mapper;
    private Measurement spo2;
    private BloodPressure bp;
    private WaveformChunk pleth1s;
    private IParser json;

    @Setup
    public void setUp() {
        mapper = new VitalSignsMapper();
        Instant t = Instant.parse("2026-11-22T09:00:00Z");
        DeviceIdentity ox = new DeviceIdentity(DeviceKind.PULSE_OXIMETER, "Nonin", "3230", "501234567", "00:1C:05:FF:E8:74");
        DeviceIdentity cuff = new DeviceIdentity(DeviceKind.BLOOD_PRESSURE_MONITOR, "A&D", "UA-651BLE", "5A1", "AA:BB:CC:DD:EE:FF");
        spo2 = new Measurement(VitalSign.OXYGEN_SATURATION, 97, t, t, ox, EnumSet.of(StatusFlag.LOW_PERFUSION));
        bp = new BloodPressure(128, 82, 97, t, t, cuff, EnumSet.of(StatusFlag.IRREGULAR_PULSE));
        short[] samples = new short[75];
        for (int i = 0; i < samples.length; i++) samples[i] = (short) (2000 * Math.sin(i * 2 * Math.PI / 60));
        pleth1s = new WaveformChunk(ox, "PLETH", 75, t, samples, 1, 0, "1");
        json = FhirContext.forR4().newJsonParser();
    }

    @Benchmark
    public Observation spotValue() {
        return mapper.toObservation(spo2);
    }

    @Benchmark
    public Observation bloodPressurePanel() {
        return mapper.toObservation(bp);
    }

    /** One second of pleth per operation: ops/s is also the ratio to real time. */
    @Benchmark
    public Observation plethSecond() {
        return mapper.toObservation(pleth1s);
    }

    @Benchmark
    public String spotValueToJson() {
        return json.encodeResourceToString(mapper.toObservation(spo2));
    }

    @Benchmark
    public String bloodPressurePanelToJson() {
        return json.encodeResourceToString(mapper.toObservation(bp));
    }
}
