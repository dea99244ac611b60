package org.telestation.devices.ecg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.telestation.devices.dicom.DicomDataset;
import org.telestation.devices.dicom.DicomReader;
import org.telestation.devices.dicom.Tag;

/** DICOM 12-lead ECG (standards.md §3.2): writer → reader round trip and the structure the writer produces. */
class DicomEcgTest {
    @Test
    void roundTripsTwelveLeads() throws Exception {
        EcgRecording original = TestRecordings.twelveLead();
        byte[] file = DicomEcgWriter.write(original, ZoneOffset.ofHours(1));
        EcgRecording read = DicomEcgReader.read(file, ZoneOffset.UTC);
        TestRecordings.assertSameSignals(read, original);
        TestRecordings.assertSamePatientAndTime(read, original);
        assertThat(read.metadata().lowPassHz()).isEqualTo(150.0);
        assertThat(read.metadata().highPassHz()).isEqualTo(0.05);
        assertThat(read.metadata().notchHz()).isEqualTo(50.0);
        assertThat(read.device().model()).isEqualTo("ECGSIM12");
    }

    @Test
    void writesInterleavedSsSamplesWithSensitivityAndScpEcgLeadCodes() throws Exception {
        byte[] file = DicomEcgWriter.write(TestRecordings.twelveLead());
        DicomDataset ds = DicomReader.read(file).dataset();
        assertThat(ds.getString(Tag.SOP_CLASS_UID)).isEqualTo("1.2.840.10008.5.1.4.1.1.9.1.1");
        assertThat(ds.getString(Tag.MODALITY)).isEqualTo("ECG");
        DicomDataset group = ds.getItem(Tag.WAVEFORM_SEQUENCE);
        assertThat(group.getInt(Tag.NUMBER_OF_WAVEFORM_CHANNELS)).isEqualTo(12);
        assertThat(group.getLong(Tag.NUMBER_OF_WAVEFORM_SAMPLES)).isEqualTo(5000);
        assertThat(group.getString(Tag.WAVEFORM_SAMPLE_INTERPRETATION)).isEqualTo("SS");
        assertThat(group.get(Tag.WAVEFORM_DATA).length()).isEqualTo(5000 * 12 * 2);
        DicomDataset aVR = group.getSequence(Tag.CHANNEL_DEFINITION_SEQUENCE).get(3);
        assertThat(aVR.getItem(Tag.CHANNEL_SOURCE_SEQUENCE).getString(Tag.CODE_VALUE)).isEqualTo("5.6.3-9-62");
        assertThat(aVR.getItem(Tag.CHANNEL_SOURCE_SEQUENCE).getString(Tag.CODING_SCHEME_DESIGNATOR)).isEqualTo("SCPECG");
        assertThat(aVR.getDouble(Tag.CHANNEL_SENSITIVITY)).isEqualTo(5.0);
        assertThat(aVR.getItem(Tag.CHANNEL_SENSITIVITY_UNITS_SEQUENCE).getString(Tag.CODE_VALUE)).isEqualTo("uV");
    }

    @Test
    void refusesASampleCountTheDataCannotHold() {
        byte[] file = DicomEcgWriter.write(TestRecordings.twelveLead());
        // Number of Waveform Samples (003A,0010) UL 5000 -> 0x7FFFFFFF, found by its byte pattern
        byte[] pattern = {0x3A, 0x00, 0x10, 0x00, 'U', 'L', 4, 0, (byte) 0x88, 0x13, 0, 0};
        int at = indexOf(file, pattern);
        assertThat(at).isPositive();
        file[at + 8] = (byte) 0xFF;
        file[at + 9] = (byte) 0xFF;
        file[at + 10] = (byte) 0xFF;
        file[at + 11] = 0x7F;
        assertThatThrownBy(() -> DicomEcgReader.read(file)).isInstanceOf(EcgFormatException.class)
                .hasMessageContaining("Waveform Data holds");
    }

    @Test
    void refusesNonDicom() {
        assertThatThrownBy(() -> DicomEcgReader.read("hello".getBytes())).isInstanceOf(EcgFormatException.class);
    }

    static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) return i;
        }
        return -1;
    }
}
