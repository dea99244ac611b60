package org.telestation.devices.ecg;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.telestation.devices.dicom.DicomDataset;
import org.telestation.devices.dicom.DicomDates;
import org.telestation.devices.dicom.DicomElement;
import org.telestation.devices.dicom.DicomFormatException;
import org.telestation.devices.dicom.DicomReader;
import org.telestation.devices.dicom.Tag;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * Reads DICOM ECG waveform objects (12-lead 1.2.840.10008.5.1.4.1.1.9.1.1, and the general and ambulatory ECG
 * classes, which share the Waveform module; standards.md §3.2, PS3.3 C.10.9).
 *
 * <p>Takes the first multiplex group of the Waveform Sequence (5400,0100) with the most channels (the rhythm
 * group), de-interleaves Waveform Data (5400,1010) (s0c0 s0c1 … s1c0 …) for SB/SS/SL samples of 8/16/32 bits, and
 * keeps per channel physical = sample × Channel Sensitivity × Correction Factor + Channel Baseline, converted to µV
 * from the Channel Sensitivity Units (UCUM uV, mV, V). Leads come from the Channel Source code (SCPECG 5.6.3-9-n,
 * MDC 2:n), else from the channel label.
 */
public final class DicomEcgReader {
    public static final String SOP_12_LEAD_ECG = "1.2.840.10008.5.1.4.1.1.9.1.1";
    public static final String SOP_GENERAL_ECG = "1.2.840.10008.5.1.4.1.1.9.1.2";
    public static final String SOP_AMBULATORY_ECG = "1.2.840.10008.5.1.4.1.1.9.1.3";
    static final int MAX_CHANNELS = 64;

    private DicomEcgReader() {}

    public static EcgRecording read(byte[] file) throws EcgFormatException {
        return read(file, ZoneId.systemDefault());
    }

    /** @param localZone the zone of date-times that carry no offset (the acquiring site's zone) */
    public static EcgRecording read(byte[] file, ZoneId localZone) throws EcgFormatException {
        DicomDataset ds;
        try {
            ds = DicomReader.read(file).dataset();
        } catch (DicomFormatException e) {
            throw new EcgFormatException("not a readable DICOM file: " + e.getMessage(), e);
        }
        List<DicomDataset> groups = ds.getSequence(Tag.WAVEFORM_SEQUENCE);
        if (groups.isEmpty()) throw new EcgFormatException("no Waveform Sequence (5400,0100)");
        DicomDataset group = groups.get(0);
        for (DicomDataset g : groups) {
            Integer n = g.getInt(Tag.NUMBER_OF_WAVEFORM_CHANNELS);
            Integer best = group.getInt(Tag.NUMBER_OF_WAVEFORM_CHANNELS);
            if (n != null && (best == null || n > best)) group = g;
        }
        return new EcgRecording(channels(group, file), samplingFrequency(group), acquisitionTime(ds, localZone),
                device(ds), metadata(ds, group));
    }

    private static double samplingFrequency(DicomDataset group) throws EcgFormatException {
        Double fs = group.getDouble(Tag.SAMPLING_FREQUENCY);
        if (fs == null || !(fs > 0) || fs > 100_000) throw new EcgFormatException("bad Sampling Frequency");
        return fs;
    }

    private static List<EcgChannel> channels(DicomDataset group, byte[] file) throws EcgFormatException {
        Integer channelCount = group.getInt(Tag.NUMBER_OF_WAVEFORM_CHANNELS);
        Long sampleCount = group.getLong(Tag.NUMBER_OF_WAVEFORM_SAMPLES);
        Integer bits = group.getInt(Tag.WAVEFORM_BITS_ALLOCATED);
        String interpretation = group.getString(Tag.WAVEFORM_SAMPLE_INTERPRETATION);
        DicomElement data = group.get(Tag.WAVEFORM_DATA);
        if (channelCount == null || channelCount < 1 || channelCount > MAX_CHANNELS) {
            throw new EcgFormatException("bad Number of Waveform Channels");
        }
        if (sampleCount == null || sampleCount < 1) throw new EcgFormatException("bad Number of Waveform Samples");
        if (bits == null || (bits != 8 && bits != 16 && bits != 32)) {
            throw new EcgFormatException("unsupported Waveform Bits Allocated " + bits);
        }
        boolean signed = interpretation == null || interpretation.startsWith("S");
        if (interpretation != null && !interpretation.matches("[SU][BSL]")) {
            throw new EcgFormatException("unsupported Waveform Sample Interpretation " + interpretation);
        }
        if (data == null || data.isSequence() || data.isEncapsulated()) throw new EcgFormatException("no Waveform Data");
        int bytesPerSample = bits / 8;
        // Checked before any allocation: the sample count must be backed by real bytes.
        // sampleCount is checked alone first so the product cannot overflow.
        if (sampleCount > data.length() || sampleCount * channelCount * bytesPerSample > data.length()) {
            throw new EcgFormatException("Waveform Data holds " + data.length() + " bytes, the header claims "
                    + sampleCount + " samples × " + channelCount + " channels");
        }
        List<DicomDataset> definitions = group.getSequence(Tag.CHANNEL_DEFINITION_SEQUENCE);
        if (definitions.size() < channelCount) throw new EcgFormatException("missing channel definitions");
        int n = sampleCount.intValue();
        int[][] samples = new int[channelCount][n];
        int o = data.offset();
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < channelCount; c++) {
                samples[c][s] = sample(file, o, bytesPerSample, signed);
                o += bytesPerSample;
            }
        }
        List<EcgChannel> channels = new ArrayList<>(channelCount);
        for (int c = 0; c < channelCount; c++) {
            DicomDataset def = definitions.get(c);
            double sensitivity = value(def.getDouble(Tag.CHANNEL_SENSITIVITY), 1);
            double correction = value(def.getDouble(Tag.CHANNEL_SENSITIVITY_CORRECTION_FACTOR), 1);
            double baseline = value(def.getDouble(Tag.CHANNEL_BASELINE), 0);
            double unit = microvoltsPer(def.getItem(Tag.CHANNEL_SENSITIVITY_UNITS_SEQUENCE));
            double scale = sensitivity * correction * unit;
            if (!(scale > 0) || Double.isInfinite(scale) || !Double.isFinite(baseline * unit)) {
                throw new EcgFormatException("bad Channel Sensitivity on channel " + (c + 1));
            }
            DicomDataset source = def.getItem(Tag.CHANNEL_SOURCE_SEQUENCE);
            String label = def.getString(Tag.CHANNEL_LABEL);
            EcgLead lead = lead(source, label);
            if (label == null || label.isEmpty()) label = lead != null ? lead.label() : "channel " + (c + 1);
            channels.add(new EcgChannel(lead, label, samples[c], scale, baseline * unit));
        }
        return channels;
    }

    private static int sample(byte[] b, int o, int size, boolean signed) {
        switch (size) {
            case 1:
                return signed ? b[o] : b[o] & 0xFF;
            case 2:
                int v = b[o] & 0xFF | (b[o + 1] & 0xFF) << 8;
                return signed ? (short) v : v;
            default:
                // Unsigned 32-bit values above 2^31 do not occur in ECG; they wrap rather than throw.
                return b[o] & 0xFF | (b[o + 1] & 0xFF) << 8 | (b[o + 2] & 0xFF) << 16 | b[o + 3] << 24;
        }
    }

    private static double value(Double d, double fallback) {
        return d != null ? d : fallback;
    }

    private static double microvoltsPer(DicomDataset units) {
        String code = units == null ? null : units.getString(Tag.CODE_VALUE);
        if ("mV".equals(code)) return 1000;
        if ("V".equals(code)) return 1_000_000;
        if ("nV".equals(code)) return 0.001;
        return 1; // uV, the usual unit, and the assumption when none is given
    }

    private static EcgLead lead(DicomDataset source, String label) {
        EcgLead lead = null;
        if (source != null) {
            String code = source.getString(Tag.CODE_VALUE);
            lead = EcgLead.fromText(code);
            if (lead == null && code != null && code.matches("\\d{6}")) lead = EcgLead.fromMdcCode(Integer.parseInt(code));
            if (lead == null) lead = EcgLead.fromText(source.getString(Tag.CODE_MEANING));
        }
        return lead != null ? lead : EcgLead.fromText(label);
    }

    private static Instant acquisitionTime(DicomDataset ds, ZoneId zone) {
        Instant t = DicomDates.dateTime(ds.getString(Tag.ACQUISITION_DATE_TIME), zone);
        if (t == null) t = DicomDates.dateAndTime(ds.getString(Tag.CONTENT_DATE), ds.getString(Tag.CONTENT_TIME), zone);
        if (t == null) t = DicomDates.dateAndTime(ds.getString(Tag.STUDY_DATE), ds.getString(Tag.STUDY_TIME), zone);
        return t;
    }

    private static DeviceIdentity device(DicomDataset ds) {
        return new DeviceIdentity(DeviceKind.ECG_12_LEAD, ds.getString(Tag.MANUFACTURER),
                ds.getString(Tag.MANUFACTURER_MODEL_NAME), ds.getString(Tag.DEVICE_SERIAL_NUMBER), "dicom-file");
    }

    private static EcgMetadata metadata(DicomDataset ds, DicomDataset group) {
        List<DicomDataset> defs = group.getSequence(Tag.CHANNEL_DEFINITION_SEQUENCE);
        DicomDataset first = defs.isEmpty() ? null : defs.get(0);
        return new EcgMetadata(ds.getString(Tag.PATIENT_ID), ds.getString(Tag.PATIENT_NAME),
                DicomDates.date(ds.getString(Tag.PATIENT_BIRTH_DATE)), ds.getString(Tag.PATIENT_SEX),
                first == null ? null : first.getDouble(Tag.FILTER_HIGH_FREQUENCY),
                first == null ? null : first.getDouble(Tag.FILTER_LOW_FREQUENCY),
                first == null ? null : first.getDouble(Tag.NOTCH_FILTER_FREQUENCY), null);
    }
}
