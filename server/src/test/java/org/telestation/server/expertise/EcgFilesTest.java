package org.telestation.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telestation.devices.ecg.AecgWriter;
import org.telestation.devices.ecg.DicomEcgWriter;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgWriter;
import org.telestation.devices.ecg.WfdbWriter;
import org.telestation.devices.ecg.sim.EcgSimulator;

/** Upload recognition and the viewer's data, on files written by the {@code devices} writers from the simulator. */
class EcgFilesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final EcgRecording ECG = EcgSimulator.generate(EcgSimulator.Config.standard()).recording();

    @Test
    void recognisesEachFormatFromItsContentAndReadsIt() throws Exception {
        byte[] dicom = DicomEcgWriter.write(ECG, PARIS);
        byte[] scp = ScpEcgWriter.write(ECG);
        byte[] aecg = AecgWriter.write(ECG, PARIS);
        WfdbWriter.WfdbRecord wfdb = WfdbWriter.write(ECG, "rec1", 16, PARIS);
        byte[] header = wfdb.header().getBytes(StandardCharsets.ISO_8859_1);

        assertThat(EcgFiles.detect(dicom)).isEqualTo(EcgFiles.Format.DICOM);
        assertThat(EcgFiles.detect(scp)).isEqualTo(EcgFiles.Format.SCP);
        assertThat(EcgFiles.detect(aecg)).isEqualTo(EcgFiles.Format.AECG);
        assertThat(EcgFiles.detect(header)).isEqualTo(EcgFiles.Format.WFDB);
        assertThat(EcgFiles.detect("%PDF-1.7 not an ECG".getBytes())).isNull();
        assertThat(EcgFiles.detect(new byte[0])).isNull();

        assertThat(EcgFiles.read(EcgFiles.Format.DICOM, dicom, null, PARIS).sampleCount()).isEqualTo(5000);
        assertThat(EcgFiles.read(EcgFiles.Format.SCP, scp, null, PARIS).sampleCount()).isEqualTo(5000);
        assertThat(EcgFiles.read(EcgFiles.Format.AECG, aecg, null, PARIS).sampleCount()).isEqualTo(5000);
        assertThat(EcgFiles.read(EcgFiles.Format.WFDB, header, wfdb.signals(), PARIS).sampleCount()).isEqualTo(5000);
    }

    @Test
    void viewHasTheTwelveLeadsInStandardOrderAndTheMeasurements() {
        EcgFiles.View view = EcgFiles.view(ECG);
        assertThat(view.leads()).extracting(EcgFiles.Lead::name)
                .containsExactly("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
        assertThat(view.sampleRateHz()).isEqualTo(500);
        assertThat(view.measurements().heartRateBpm()).isCloseTo(72, within(2.0));
        assertThat(view.measurements().qrsMs()).isNotNull();
    }

    @Test
    void derivesTheLimbLeadsFromIAndIIWhenTheFileHasEightLeads() {
        List<EcgChannel> eight = ECG.channels().stream()
                .filter(c -> c.lead() != EcgLead.III && c.lead() != EcgLead.AVR && c.lead() != EcgLead.AVL
                        && c.lead() != EcgLead.AVF)
                .toList();
        EcgRecording recording = new EcgRecording(eight, ECG.sampleRateHz(), null, null, null);
        EcgFiles.View view = EcgFiles.view(recording);
        assertThat(view.leads()).hasSize(12);
        int[] one = view.leads().get(0).microvolts();
        int[] two = view.leads().get(1).microvolts();
        int[] three = view.leads().get(2).microvolts();
        int[] avr = view.leads().get(3).microvolts();
        for (int i = 0; i < one.length; i += 97) {
            assertThat(three[i]).isEqualTo(two[i] - one[i]);
            assertThat(avr[i]).isEqualTo(-(one[i] + two[i]) / 2);
        }
    }
}
