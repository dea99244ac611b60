package org.telestation.devices.ecg.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.SampledData;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgFormatException;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.analysis.EcgIntervals;

/**
 * A recording as a FHIR R4 {@code Observation} (standards.md §3.6): code LOINC 11524-6 "EKG study" (plus MDC
 * 131328 MDC_ECG_ELEC_POTL), category {@code procedure}, one component per lead coded with its MDC
 * MDC_ECG_ELEC_POTL_* code and a {@code valueSampledData} (origin in µV, period in ms, factor in µV per step, the
 * raw integers as data), and optionally one component per interval measurement (LOINC 8867-4, 8637-1, 8625-6,
 * 8633-0, 8634-8, 8636-3 twice: Bazett and Fridericia, told apart by the component's text).
 *
 * <p>Needs HAPI FHIR structures-r4 (an optional dependency of this module).
 */
public final class EcgObservationMapper {
    public static final String LOINC = "http://loinc.org";
    public static final String MDC = "urn:oid:2.16.840.1.113883.6.24";
    public static final String UCUM = "http://unitsofmeasure.org";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    private EcgObservationMapper() {}

    public static Observation toObservation(EcgRecording recording, EcgIntervals intervals) {
        Observation obs = new Observation();
        obs.setStatus(Observation.ObservationStatus.PRELIMINARY); // final once the cardiologist has read it
        obs.addCategory().addCoding(new Coding(CATEGORY, "procedure", "Procedure"));
        obs.setCode(new CodeableConcept().addCoding(new Coding(LOINC, "11524-6", "EKG study"))
                .addCoding(new Coding(MDC, "131328", "MDC_ECG_ELEC_POTL")));
        if (recording.acquisitionTime() != null) obs.getEffectiveDateTimeType().setValue(Date.from(recording.acquisitionTime()));
        if (recording.device() != null && recording.device().model() != null) {
            obs.getDevice().setDisplay(recording.device().manufacturer() + " " + recording.device().model());
        }
        double periodMs = 1000 / recording.sampleRateHz();
        for (EcgChannel c : recording.channels()) {
            Observation.ObservationComponentComponent comp = obs.addComponent();
            CodeableConcept code = new CodeableConcept().setText(c.label());
            if (c.lead() != null) code.addCoding(new Coding(MDC, Integer.toString(c.lead().mdcCode()),
                    "MDC_ECG_ELEC_POTL_" + c.lead().label().toUpperCase(java.util.Locale.ROOT)));
            comp.setCode(code);
            SampledData sd = new SampledData();
            SimpleQuantity origin = new SimpleQuantity();
            origin.setValue(c.offsetMicrovolts()).setUnit("uV").setSystem(UCUM).setCode("uV");
            sd.setOrigin(origin);
            sd.setPeriod(periodMs);
            sd.setFactor(c.microvoltsPerUnit());
            sd.setDimensions(1);
            StringBuilder data = new StringBuilder(c.length() * 5);
            for (int i = 0; i < c.length(); i++) {
                if (i > 0) data.append(' ');
                data.append(c.samples()[i]);
            }
            sd.setData(data.toString());
            comp.setValue(sd);
        }
        if (intervals != null) {
            measurement(obs, "8867-4", "Heart rate", null, intervals.heartRateBpm(), "/min");
            measurement(obs, "8637-1", "R-R interval", null, intervals.rrMs(), "ms");
            measurement(obs, "8625-6", "P-R interval", null, intervals.prMs(), "ms");
            measurement(obs, "8633-0", "QRS duration", null, intervals.qrsMs(), "ms");
            measurement(obs, "8634-8", "Q-T interval", null, intervals.qtMs(), "ms");
            measurement(obs, "8636-3", "Q-T interval corrected", "QTc Bazett (QT/RR^1/2)", intervals.qtcBazettMs(), "ms");
            measurement(obs, "8636-3", "Q-T interval corrected", "QTc Fridericia (QT/RR^1/3)",
                    intervals.qtcFridericiaMs(), "ms");
        }
        return obs;
    }

    private static void measurement(Observation obs, String loinc, String display, String text, double value,
                                    String unit) {
        if (Double.isNaN(value)) return; // not measurable: leave it out rather than invent a value
        CodeableConcept code = new CodeableConcept().addCoding(new Coding(LOINC, loinc, display));
        if (text != null) code.setText(text);
        obs.addComponent().setCode(code).setValue(new Quantity().setValue(Math.round(value * 10) / 10.0)
                .setUnit(unit).setSystem(UCUM).setCode(unit));
    }

    /** The leads back from an Observation made by {@link #toObservation} (or any with integer SampledData). */
    public static EcgRecording fromObservation(Observation obs) throws EcgFormatException {
        List<EcgChannel> channels = new ArrayList<>();
        Double period = null;
        for (Observation.ObservationComponentComponent comp : obs.getComponent()) {
            if (!comp.hasValueSampledData()) continue;
            SampledData sd = comp.getValueSampledData();
            if (period == null) period = sd.getPeriod().doubleValue();
            else if (Math.abs(period - sd.getPeriod().doubleValue()) > 1e-9) {
                throw new EcgFormatException("leads with different periods");
            }
            EcgLead lead = null;
            for (Coding coding : comp.getCode().getCoding()) {
                if (MDC.equals(coding.getSystem()) && coding.getCode() != null && coding.getCode().matches("\\d{6}")) {
                    lead = EcgLead.fromMdcCode(Integer.parseInt(coding.getCode()));
                }
            }
            double unit = sd.getOrigin().hasCode() && "mV".equals(sd.getOrigin().getCode()) ? 1000 : 1;
            String[] tokens = sd.getData() == null ? new String[0] : sd.getData().trim().split("\\s+");
            int[] samples = new int[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                try {
                    samples[i] = Integer.parseInt(tokens[i]);
                } catch (NumberFormatException e) {
                    throw new EcgFormatException("non-integer sample '" + tokens[i] + "'");
                }
            }
            double factor = sd.hasFactor() ? sd.getFactor().doubleValue() : 1;
            String label = comp.getCode().getText() != null ? comp.getCode().getText() : lead != null ? lead.label() : "?";
            channels.add(new EcgChannel(lead, label, samples, factor * unit,
                    sd.getOrigin().getValue().doubleValue() * unit));
        }
        if (channels.isEmpty() || period == null || !(period > 0)) throw new EcgFormatException("no SampledData");
        return new EcgRecording(channels, 1000 / period,
                obs.hasEffectiveDateTimeType() ? obs.getEffectiveDateTimeType().getValue().toInstant() : null, null, null);
    }
}
