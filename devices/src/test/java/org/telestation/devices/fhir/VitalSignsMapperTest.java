package org.telestation.devices.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SampledData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telestation.devices.model.BloodPressure;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;
import org.telestation.devices.model.WaveformChunk;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;

/** Codes and units are checked against the table of standards.md §4.1 and the MDC list of §1.9. */
class VitalSignsMapperTest {
    private static final Instant T = Instant.parse("2026-11-22T09:15:30.250Z");
    private static final DeviceIdentity OXIMETER =
            new DeviceIdentity(DeviceKind.PULSE_OXIMETER, "Nonin", "3230", "501234567", "00:1C:05:FF:E8:74");
    private static final DeviceIdentity CUFF =
            new DeviceIdentity(DeviceKind.BLOOD_PRESSURE_MONITOR, "A&D", "UA-651BLE", null, "/dev/ttyUSB0");

    private static IParser strictJson;

    @BeforeAll
    static void parser() {
        FhirContext ctx = FhirContext.forR4();
        ctx.setParserErrorHandler(new StrictErrorHandler());
        strictJson = ctx.newJsonParser();
    }

    private final VitalSignsMapper mapper = new VitalSignsMapper();

    /** standards.md §4.1 (LOINC, UCUM) and §1.9 (MDC) for every sign the model knows. */
    @ParameterizedTest
    @CsvSource({
            "SYSTOLIC_PRESSURE, 8480-6, mm[Hg], 150021",
            "DIASTOLIC_PRESSURE, 8462-4, mm[Hg], 150022",
            "MEAN_ARTERIAL_PRESSURE, 8478-0, mm[Hg], 150023",
            "PULSE_RATE, 8867-4, /min, 149530",
            "HEART_RATE, 8867-4, /min, 147842",
            "OXYGEN_SATURATION, 2708-6, %, 150456",
            "BODY_TEMPERATURE, 8310-5, Cel, 150364",
            "RESPIRATORY_RATE, 9279-1, /min, 151562",
            "BODY_WEIGHT, 29463-7, kg, 188736",
            "PERFUSION_INDEX, 61006-3, %, 150488"})
    void every_sign_maps_to_its_loinc_ucum_and_mdc_codes(VitalSign sign, String loinc, String ucum, String mdc) {
        Observation obs = roundTrip(mapper.toObservation(new Measurement(sign, 42.5, T, T.plusSeconds(1), OXIMETER, null)));

        assertThat(obs.getCategoryFirstRep().getCodingFirstRep().getSystem())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/observation-category");
        assertThat(obs.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("vital-signs");
        Coding first = obs.getCode().getCodingFirstRep();
        assertThat(first.getSystem()).isEqualTo("http://loinc.org");
        assertThat(first.getCode()).isEqualTo(loinc);
        assertThat(obs.getCode().getCoding()).anySatisfy(c -> {
            assertThat(c.getSystem()).isEqualTo("urn:iso:std:iso:11073:10101");
            assertThat(c.getCode()).isEqualTo(mdc);
        });
        Quantity q = obs.getValueQuantity();
        assertThat(q.getValue()).isEqualByComparingTo("42.5");
        assertThat(q.getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(q.getCode()).isEqualTo(ucum);
        assertThat(obs.getStatus()).isEqualTo(ObservationStatus.PRELIMINARY);
        assertThat(obs.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2026-11-22T09:15:30.250Z");
        assertThat(obs.getDevice().getReference()).isEqualTo("Device/pulse-oximeter-501234567");
    }

    @Test
    void spo2_carries_pulse_oximetry_loinc_as_second_coding() {
        Observation obs = roundTrip(mapper.toObservation(
                new Measurement(VitalSign.OXYGEN_SATURATION, 97, T, T, OXIMETER, null)));
        List<Coding> codings = obs.getCode().getCoding();
        assertThat(codings).extracting(Coding::getCode).containsExactly("2708-6", "59408-5", "150456");
        assertThat(codings.get(1).getSystem()).isEqualTo("http://loinc.org");
        assertThat(obs.getMeta().getProfile().get(0).getValue())
                .isEqualTo("http://hl7.org/fhir/StructureDefinition/oxygensat");
    }

    @Test
    void receipt_time_is_used_when_the_device_gave_no_time_and_status_can_be_final() {
        Observation obs = roundTrip(mapper.withStatus(ObservationStatus.FINAL)
                .withSubject(new Reference("Patient/p1"))
                .toObservation(new Measurement(VitalSign.BODY_TEMPERATURE, 36.6, null, T, OXIMETER, null)));
        assertThat(obs.getEffectiveDateTimeType().getValue()).isEqualTo(java.util.Date.from(T));
        assertThat(obs.getStatus()).isEqualTo(ObservationStatus.FINAL);
        assertThat(obs.getSubject().getReference()).isEqualTo("Patient/p1");
        assertThat(obs.getValueQuantity().getValue().toPlainString()).isEqualTo("36.6");
    }

    @Test
    void no_measurement_becomes_data_absent_reason_and_flags_become_interpretation_and_note() {
        Observation obs = roundTrip(mapper.toObservation(new Measurement(VitalSign.PULSE_RATE, Double.NaN, T, T,
                OXIMETER, EnumSet.of(StatusFlag.SENSOR_DISCONNECTED, StatusFlag.NO_MEASUREMENT))));
        assertThat(obs.hasValue()).isFalse();
        assertThat(obs.getDataAbsentReason().getCodingFirstRep().getCode()).isEqualTo("not-a-number");
        assertThat(obs.getInterpretation()).extracting(cc -> cc.getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("sensor-disconnected", "no-measurement");
        assertThat(obs.getNoteFirstRep().getText()).contains("Sensor disconnected").contains("No measurement");
    }

    @Test
    void blood_pressure_reading_is_the_85354_9_panel_with_components() {
        BloodPressure bp = new BloodPressure(128, 82, 97.3, T, T, CUFF, Set.of(StatusFlag.IRREGULAR_PULSE));
        Observation obs = roundTrip(mapper.toObservation(bp));

        assertThat(obs.getCode().getCoding()).extracting(Coding::getCode).containsExactly("85354-9", "150020");
        assertThat(obs.hasValue()).isFalse();
        assertThat(obs.getMeta().getProfile().get(0).getValue()).isEqualTo("http://hl7.org/fhir/StructureDefinition/bp");
        assertThat(obs.getComponent()).hasSize(3);
        assertThat(obs.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode())
                .containsExactly("8480-6", "8462-4", "8478-0");
        assertThat(obs.getComponent()).extracting(c -> c.getValueQuantity().getCode())
                .containsOnly("mm[Hg]");
        assertThat(obs.getComponent().get(0).getValueQuantity().getValue()).isEqualByComparingTo("128");
        assertThat(obs.getComponent().get(2).getValueQuantity().getValue()).isEqualByComparingTo("97.3");
        assertThat(obs.getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("irregular-pulse");
        assertThat(obs.getDevice().getReference()).isEqualTo("Device/blood-pressure-monitor--dev-ttyUSB0");
    }

    @Test
    void blood_pressure_without_mean_has_two_components_and_survives_split_and_regroup() {
        BloodPressure bp = new BloodPressure(118, 76, Double.NaN, null, T, CUFF, null);
        assertThat(BloodPressure.of(bp.measurements())).isEqualTo(bp);
        assertThat(roundTrip(mapper.toObservation(bp)).getComponent()).hasSize(2);
    }

    @Test
    void waveform_becomes_sampled_data_with_origin_factor_and_period() {
        WaveformChunk chunk = new WaveformChunk(
                new DeviceIdentity(DeviceKind.ECG_12_LEAD, "X", "Y", "S1", "file"), "II", 500, T,
                new short[] {0, 12, -7, 2048}, 0.005, 0.0, "mV");
        Observation obs = roundTrip(mapper.toObservation(chunk));
        SampledData sd = obs.getValueSampledData();
        assertThat(sd.getData()).isEqualTo("0 12 -7 2048");
        assertThat(sd.getPeriod()).isEqualByComparingTo("2.0");
        assertThat(sd.getFactor()).isEqualByComparingTo("0.005");
        assertThat(sd.getDimensions()).isEqualTo(1);
        assertThat(sd.getOrigin().getCode()).isEqualTo("mV");
        assertThat(obs.getCode().getCodingFirstRep().getCode()).isEqualTo("131330"); // §3.6 lead II
        assertThat(obs.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("procedure");
        assertThat(obs.getEffectivePeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-22T09:15:30.258Z");
    }

    @Test
    void device_is_phd_shaped_with_bluetooth_identifier() {
        Device d = (Device) strictJson.parseResource(strictJson.encodeResourceToString(PhdDeviceMapper.toDevice(OXIMETER)));
        assertThat(d.getIdElement().getIdPart()).isEqualTo("pulse-oximeter-501234567");
        assertThat(d.getType().getCodingFirstRep().getCode()).isEqualTo("65573");
        assertThat(d.getSpecializationFirstRep().getSystemType().getCodingFirstRep().getCode()).isEqualTo("528388");
        assertThat(d.getIdentifierFirstRep().getSystem()).isEqualTo("http://hl7.org/fhir/sid/eui-48/bluetooth");
        assertThat(d.getIdentifierFirstRep().getValue()).isEqualTo("00-1C-05-FF-E8-74");
        assertThat(d.getIdentifierFirstRep().getType().getCodingFirstRep().getCode()).isEqualTo("BTMAC");
        assertThat(d.getManufacturer()).isEqualTo("Nonin");
        assertThat(d.getSerialNumber()).isEqualTo("501234567");
    }

    @Test
    void same_measurement_gets_the_same_identifier() {
        Measurement m = new Measurement(VitalSign.PULSE_RATE, 72, T, T, OXIMETER, null);
        assertThat(mapper.toObservation(m).getIdentifierFirstRep().getValue())
                .isEqualTo(mapper.toObservation(m).getIdentifierFirstRep().getValue())
                .contains("pulse_rate");
    }

    /** Encode to JSON and parse back with a strict parser: unknown elements or bad values would throw. */
    private static Observation roundTrip(Observation obs) {
        String json = strictJson.encodeResourceToString(obs);
        assertThat(json).contains("\"resourceType\":\"Observation\"");
        return (Observation) strictJson.parseResource(json);
    }
}
