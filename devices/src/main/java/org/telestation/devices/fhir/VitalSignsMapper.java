package org.telestation.devices.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SampledData;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.telestation.devices.model.BloodPressure;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.Measurement;
import org.telestation.devices.model.StatusFlag;
import org.telestation.devices.model.VitalSign;
import org.telestation.devices.model.WaveformChunk;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;

/**
 * Turns measurements into FHIR R4 vital-signs {@link Observation}s (standards.md §4.1, §1.9):
 * <ul>
 *   <li>category {@code vital-signs}; LOINC code first, then the MDC code ({@code urn:iso:std:iso:11073:10101});
 *       SpO2 carries 59408-5 (pulse oximetry) as a second LOINC coding, as US Core and FR Core do;</li>
 *   <li>{@code valueQuantity} in UCUM ({@code http://unitsofmeasure.org}); a NaN/infinite value becomes
 *       {@code dataAbsentReason} (not-a-number / ±infinity, as the PHD IG maps the 11073 special values);</li>
 *   <li>{@code effectiveDateTime} from the device stamp when there is one, else the receipt time;</li>
 *   <li>{@code status} preliminary unless told otherwise: a measurement is a draft until the doctor validates it;</li>
 *   <li>{@code device} → the PhdDevice built by {@link PhdDeviceMapper} for the same identity;</li>
 *   <li>device status flags as {@code interpretation} codings (Telestation code system: none of the v3
 *       ObservationInterpretation codes says "cuff too loose") plus one readable {@code note}.</li>
 * </ul>
 * A blood-pressure reading becomes the 85354-9 panel with systolic/diastolic(/mean) components and no top-level value.
 * A {@link WaveformChunk} becomes an Observation whose {@code valueSampledData} carries the raw samples.
 * Instances are immutable and thread-safe; mapping allocates only the resource it returns.
 */
public final class VitalSignsMapper {
    public static final String LOINC_BP_PANEL = "85354-9";
    public static final String LOINC_SPO2_PULSE_OXIMETRY = "59408-5";
    public static final int MDC_PRESS_BLD_NONINV = 150020;

    private static final Map<Integer, String> MDC_REFERENCE_IDS = Map.ofEntries(
            Map.entry(150020, "MDC_PRESS_BLD_NONINV"),
            Map.entry(150021, "MDC_PRESS_BLD_NONINV_SYS"),
            Map.entry(150022, "MDC_PRESS_BLD_NONINV_DIA"),
            Map.entry(150023, "MDC_PRESS_BLD_NONINV_MEAN"),
            Map.entry(149530, "MDC_PULS_OXIM_PULS_RATE"),
            Map.entry(147842, "MDC_ECG_HEART_RATE"),
            Map.entry(150456, "MDC_PULS_OXIM_SAT_O2"),
            Map.entry(150364, "MDC_TEMP_BODY"),
            Map.entry(151562, "MDC_RESP_RATE"),
            Map.entry(150488, "MDC_PULS_OXIM_PERF_REL"),
            Map.entry(188736, "MDC_MASS_BODY_ACTUAL"));

    /** Waveform channel name → MDC code (§3.6: ECG leads; pleth from the pulse-oximeter nomenclature). */
    private static final Map<String, Integer> WAVEFORM_MDC = Map.ofEntries(
            Map.entry("I", 131329), Map.entry("II", 131330), Map.entry("III", 131389),
            Map.entry("AVR", 131390), Map.entry("AVL", 131391), Map.entry("AVF", 131392),
            Map.entry("V1", 131331), Map.entry("V2", 131332), Map.entry("V3", 131333),
            Map.entry("V4", 131334), Map.entry("V5", 131335), Map.entry("V6", 131336),
            Map.entry("PLETH", 150452));
    private static final Map<Integer, String> WAVEFORM_REFERENCE_IDS = Map.ofEntries(
            Map.entry(131329, "MDC_ECG_ELEC_POTL_I"), Map.entry(131330, "MDC_ECG_ELEC_POTL_II"),
            Map.entry(131389, "MDC_ECG_ELEC_POTL_III"), Map.entry(131390, "MDC_ECG_ELEC_POTL_AVR"),
            Map.entry(131391, "MDC_ECG_ELEC_POTL_AVL"), Map.entry(131392, "MDC_ECG_ELEC_POTL_AVF"),
            Map.entry(131331, "MDC_ECG_ELEC_POTL_V1"), Map.entry(131332, "MDC_ECG_ELEC_POTL_V2"),
            Map.entry(131333, "MDC_ECG_ELEC_POTL_V3"), Map.entry(131334, "MDC_ECG_ELEC_POTL_V4"),
            Map.entry(131335, "MDC_ECG_ELEC_POTL_V5"), Map.entry(131336, "MDC_ECG_ELEC_POTL_V6"),
            Map.entry(150452, "MDC_PULS_OXIM_PLETH"));

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final Reference subject;
    private final ObservationStatus status;

    /** A mapper producing preliminary observations with no subject (the server adds the patient). */
    public VitalSignsMapper() {
        this(null, ObservationStatus.PRELIMINARY);
    }

    /**
     * @param subject the patient reference, or null when the station does not know it yet
     * @param status  the observation status to emit, normally {@code PRELIMINARY} (draft until validated)
     */
    public VitalSignsMapper(Reference subject, ObservationStatus status) {
        this.subject = subject;
        this.status = Objects.requireNonNull(status, "status");
    }

    public VitalSignsMapper withStatus(ObservationStatus newStatus) {
        return new VitalSignsMapper(subject, newStatus);
    }

    public VitalSignsMapper withSubject(Reference newSubject) {
        return new VitalSignsMapper(newSubject, status);
    }

    /** One spot value as a vital-signs Observation. */
    public Observation toObservation(Measurement m) {
        Observation obs = base(m.effectiveTime(), m.flags());
        VitalSign sign = m.sign();
        String profile = vitalSignsProfile(sign);
        if (profile != null) obs.getMeta().addProfile(FhirSystems.PROFILE_BASE + profile);
        obs.setCode(code(sign));
        setValue(obs, m.value(), sign.ucum());
        obs.setDevice(PhdDeviceMapper.reference(m.device()));
        obs.addIdentifier().setSystem(FhirSystems.TELESTATION_MEASUREMENT_KEY)
                .setValue(m.device().id() + "/" + sign.name().toLowerCase(Locale.ROOT) + "/"
                        + m.effectiveTime().toEpochMilli());
        return obs;
    }

    /** A blood-pressure reading as the 85354-9 panel with systolic, diastolic and (if known) mean components. */
    public Observation toObservation(BloodPressure bp) {
        Observation obs = base(bp.effectiveTime(), bp.flags());
        obs.getMeta().addProfile(FhirSystems.PROFILE_BASE + "bp");
        CodeableConcept code = new CodeableConcept();
        code.addCoding(new Coding(FhirSystems.LOINC, LOINC_BP_PANEL, "Blood pressure panel with all children optional"));
        code.addCoding(mdc(MDC_PRESS_BLD_NONINV));
        code.setText("Blood pressure");
        obs.setCode(code);
        addComponent(obs, VitalSign.SYSTOLIC_PRESSURE, bp.systolicMmHg());
        addComponent(obs, VitalSign.DIASTOLIC_PRESSURE, bp.diastolicMmHg());
        if (bp.hasMean()) addComponent(obs, VitalSign.MEAN_ARTERIAL_PRESSURE, bp.meanMmHg());
        obs.setDevice(PhdDeviceMapper.reference(bp.device()));
        obs.addIdentifier().setSystem(FhirSystems.TELESTATION_MEASUREMENT_KEY)
                .setValue(bp.device().id() + "/blood_pressure/" + bp.effectiveTime().toEpochMilli());
        return obs;
    }

    /**
     * A run of waveform samples as an Observation with {@code valueSampledData}: origin = offset, factor = scale,
     * period in ms, data = the raw samples as space-separated integers (value = origin + factor × data).
     * ECG leads get category {@code procedure} as in the HL7 core ECG example (§3.6); other waveforms vital-signs.
     */
    public Observation toObservation(WaveformChunk chunk) {
        Observation obs = new Observation();
        obs.setStatus(status);
        boolean ecg = chunk.device() != null && chunk.device().kind() == DeviceKind.ECG_12_LEAD;
        obs.addCategory(category(ecg ? "procedure" : "vital-signs", ecg ? "Procedure" : "Vital Signs"));
        CodeableConcept code = new CodeableConcept().setText(chunk.channel());
        Integer mdc = WAVEFORM_MDC.get(chunk.channel().toUpperCase(Locale.ROOT));
        if (mdc != null) code.addCoding(new Coding(FhirSystems.MDC, mdc.toString(), WAVEFORM_REFERENCE_IDS.get(mdc)));
        obs.setCode(code);
        if (subject != null) obs.setSubject(subject);
        Instant start = chunk.startTime();
        if (start != null) {
            obs.setEffective(new Period().setStartElement(dateTime(start))
                    .setEndElement(dateTime(start.plus(chunk.duration()))));
        }
        SampledData data = new SampledData();
        data.setOrigin((SimpleQuantity) new SimpleQuantity().setValue(decimal(chunk.offset()))
                .setUnit(chunk.unit()).setSystem(FhirSystems.UCUM).setCode(chunk.unit()));
        data.setPeriod(decimal(1000.0 / chunk.sampleRateHz()));
        data.setFactor(decimal(chunk.scale()));
        data.setDimensions(1);
        data.setData(joinSamples(chunk.samples()));
        obs.setValue(data);
        if (chunk.device() != null) obs.setDevice(PhdDeviceMapper.reference(chunk.device()));
        return obs;
    }

    /** The code of a spot value: LOINC, the second SpO2 LOINC coding where it applies, then MDC. */
    static CodeableConcept code(VitalSign sign) {
        CodeableConcept code = new CodeableConcept();
        code.addCoding(new Coding(FhirSystems.LOINC, sign.loinc(), sign.display()));
        if (sign == VitalSign.OXYGEN_SATURATION) {
            code.addCoding(new Coding(FhirSystems.LOINC, LOINC_SPO2_PULSE_OXIMETRY,
                    "Oxygen saturation in Arterial blood by Pulse oximetry"));
        }
        if (sign.mdcCode() != 0) code.addCoding(mdc(sign.mdcCode()));
        code.setText(sign.display());
        return code;
    }

    /** The R4 base vital-signs profile a sign's Observation conforms to, or null when none applies. */
    static String vitalSignsProfile(VitalSign sign) {
        return switch (sign) {
            case PULSE_RATE, HEART_RATE -> "heartrate";
            case OXYGEN_SATURATION -> "oxygensat";
            case BODY_TEMPERATURE -> "bodytemp";
            case RESPIRATORY_RATE -> "resprate";
            case BODY_WEIGHT -> "bodyweight";
            case SYSTOLIC_PRESSURE, DIASTOLIC_PRESSURE, MEAN_ARTERIAL_PRESSURE -> "vitalsigns";
            case PERFUSION_INDEX -> null; // not in the R4 vital-signs value set
        };
    }

    private Observation base(Instant effective, Set<StatusFlag> flags) {
        Observation obs = new Observation();
        obs.setStatus(status);
        obs.addCategory(category("vital-signs", "Vital Signs"));
        if (subject != null) obs.setSubject(subject);
        obs.setEffective(dateTime(effective));
        if (!flags.isEmpty()) {
            for (StatusFlag flag : flags) {
                obs.addInterpretation(new CodeableConcept(new Coding(FhirSystems.TELESTATION_STATUS_FLAG,
                        flagCode(flag), flagText(flag))));
            }
            obs.addNote().setText("Device reported: " + flags.stream().sorted().map(VitalSignsMapper::flagText)
                    .collect(Collectors.joining("; ")));
        }
        return obs;
    }

    private static void addComponent(Observation obs, VitalSign sign, double value) {
        Observation.ObservationComponentComponent c = obs.addComponent();
        c.setCode(code(sign));
        if (Double.isFinite(value)) {
            c.setValue(quantity(value, sign.ucum()));
        } else {
            c.setDataAbsentReason(absentReason(value));
        }
    }

    private static void setValue(Observation obs, double value, String ucum) {
        if (Double.isFinite(value)) {
            obs.setValue(quantity(value, ucum));
        } else {
            obs.setDataAbsentReason(absentReason(value));
        }
    }

    private static Quantity quantity(double value, String ucum) {
        return new Quantity().setValue(decimal(value)).setUnit(ucum).setSystem(FhirSystems.UCUM).setCode(ucum);
    }

    private static CodeableConcept absentReason(double value) {
        String code = Double.isNaN(value) ? "not-a-number" : value > 0 ? "positive-infinity" : "negative-infinity";
        return new CodeableConcept(new Coding(FhirSystems.DATA_ABSENT_REASON, code, null));
    }

    private static CodeableConcept category(String code, String display) {
        return new CodeableConcept(new Coding(FhirSystems.OBSERVATION_CATEGORY, code, display));
    }

    private static Coding mdc(int code) {
        return new Coding(FhirSystems.MDC, Integer.toString(code), MDC_REFERENCE_IDS.get(code));
    }

    private static DateTimeType dateTime(Instant instant) {
        DateTimeType dt = new DateTimeType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
        dt.setTimeZoneZulu(true);
        return dt;
    }

    /** Shortest decimal that reads back as the same double (so 36.6 stays 36.6, not 36.600000000000001). */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    static String flagCode(StatusFlag flag) {
        return flag.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String flagText(StatusFlag flag) {
        String s = flag.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String joinSamples(short[] samples) {
        StringBuilder sb = new StringBuilder(samples.length * 5);
        for (int i = 0; i < samples.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(samples[i]);
        }
        return sb.toString();
    }
}
