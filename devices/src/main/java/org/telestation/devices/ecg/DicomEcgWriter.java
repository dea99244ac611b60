package org.telestation.devices.ecg;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.telestation.devices.dicom.DicomDates;
import org.telestation.devices.dicom.DicomOutput;
import org.telestation.devices.dicom.Tag;

/**
 * Writes a recording as a DICOM 12-lead ECG Waveform object (SOP 1.2.840.10008.5.1.4.1.1.9.1.1), explicit VR
 * little endian: one RHYTHM multiplex group, SS 16-bit interleaved samples, per-channel sensitivity in µV (UCUM
 * {@code uV}) and baseline, lead codes in the SCPECG scheme (standards.md §3.2).
 */
public final class DicomEcgWriter {
    private DicomEcgWriter() {}

    public static byte[] write(EcgRecording recording) {
        return write(recording, ZoneId.systemDefault());
    }

    public static byte[] write(EcgRecording recording, ZoneId zone) {
        List<EcgChannel> channels = new ArrayList<>();
        for (EcgChannel c : recording.channels()) channels.add(c.toInt16Range());
        if (channels.isEmpty() || channels.size() > 13) {
            throw new IllegalArgumentException("a 12-lead ECG object carries 1 to 13 channels");
        }
        int n = recording.sampleCount();
        byte[] data = new byte[n * channels.size() * 2];
        int o = 0;
        for (int s = 0; s < n; s++) {
            for (EcgChannel c : channels) {
                int v = s < c.length() ? c.samples()[s] : 0;
                data[o++] = (byte) v;
                data[o++] = (byte) (v >> 8);
            }
        }
        EcgMetadata meta = recording.metadata();
        List<DicomOutput> definitions = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            EcgChannel c = channels.get(i);
            DicomOutput def = new DicomOutput()
                    .string(Tag.WAVEFORM_CHANNEL_NUMBER, "IS", Integer.toString(i + 1))
                    .string(Tag.CHANNEL_LABEL, "SH", c.label())
                    .decimal(Tag.CHANNEL_SENSITIVITY, c.microvoltsPerUnit())
                    .code(Tag.CHANNEL_SENSITIVITY_UNITS_SEQUENCE, "uV", "UCUM", "1.4", "microvolt")
                    .decimal(Tag.CHANNEL_SENSITIVITY_CORRECTION_FACTOR, 1)
                    .decimal(Tag.CHANNEL_BASELINE, c.offsetMicrovolts())
                    .decimal(Tag.CHANNEL_TIME_SKEW, 0)
                    .us(Tag.WAVEFORM_BITS_STORED, 16);
            if (c.lead() != null) {
                def.code(Tag.CHANNEL_SOURCE_SEQUENCE, c.lead().dicomScpCode(), "SCPECG", "1.3",
                        "Lead " + c.lead().label());
            }
            if (meta.highPassHz() != null) def.decimal(Tag.FILTER_LOW_FREQUENCY, meta.highPassHz());
            if (meta.lowPassHz() != null) def.decimal(Tag.FILTER_HIGH_FREQUENCY, meta.lowPassHz());
            if (meta.notchHz() != null) def.decimal(Tag.NOTCH_FILTER_FREQUENCY, meta.notchHz());
            definitions.add(def);
        }
        DicomOutput group = new DicomOutput()
                .string(Tag.WAVEFORM_ORIGINALITY, "CS", "ORIGINAL")
                .us(Tag.NUMBER_OF_WAVEFORM_CHANNELS, channels.size())
                .ul(Tag.NUMBER_OF_WAVEFORM_SAMPLES, n)
                .decimal(Tag.SAMPLING_FREQUENCY, recording.sampleRateHz())
                .string(Tag.MULTIPLEX_GROUP_LABEL, "SH", "RHYTHM")
                .sequence(Tag.CHANNEL_DEFINITION_SEQUENCE, definitions)
                .us(Tag.WAVEFORM_BITS_ALLOCATED, 16)
                .string(Tag.WAVEFORM_SAMPLE_INTERPRETATION, "CS", "SS")
                .binary(Tag.WAVEFORM_DATA, "OW", data);

        String instance = DicomOutput.newUid();
        DicomOutput ds = new DicomOutput()
                .string(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192")
                .string(Tag.SOP_CLASS_UID, "UI", DicomEcgReader.SOP_12_LEAD_ECG)
                .string(Tag.SOP_INSTANCE_UID, "UI", instance)
                .string(Tag.MODALITY, "CS", "ECG")
                .string(Tag.PATIENT_NAME, "PN", meta.patientName())
                .string(Tag.PATIENT_ID, "LO", meta.patientId())
                .string(Tag.PATIENT_BIRTH_DATE, "DA",
                        meta.birthDate() == null ? null : meta.birthDate().toString().replace("-", ""))
                .string(Tag.PATIENT_SEX, "CS", meta.sex())
                .string(Tag.STUDY_INSTANCE_UID, "UI", DicomOutput.newUid())
                .string(Tag.SERIES_INSTANCE_UID, "UI", DicomOutput.newUid())
                .string(Tag.SERIES_NUMBER, "IS", "1")
                .string(Tag.INSTANCE_NUMBER, "IS", "1")
                .sequence(Tag.WAVEFORM_SEQUENCE, List.of(group));
        if (recording.acquisitionTime() != null) {
            String dt = DicomDates.format(recording.acquisitionTime(), zone);
            ds.string(Tag.ACQUISITION_DATE_TIME, "DT", dt)
                    .string(Tag.STUDY_DATE, "DA", dt.substring(0, 8))
                    .string(Tag.STUDY_TIME, "TM", dt.substring(8, 14))
                    .string(Tag.CONTENT_DATE, "DA", dt.substring(0, 8))
                    .string(Tag.CONTENT_TIME, "TM", dt.substring(8, 14));
        }
        if (recording.device() != null) {
            ds.string(Tag.MANUFACTURER, "LO", recording.device().manufacturer())
                    .string(Tag.MANUFACTURER_MODEL_NAME, "LO", recording.device().model())
                    .string(Tag.DEVICE_SERIAL_NUMBER, "LO", recording.device().serial());
        }
        return ds.toPart10(DicomEcgReader.SOP_12_LEAD_ECG, instance);
    }
}
