package org.telestation.devices.retinograph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retinograph that exports DICOM: a fundus JPEG wrapped into a DICOM file by Debian dcmtk's {@code img2dcm}, the way
 * vendors' export tools do (encapsulated JPEG baseline), is recognised and read with its eye.
 */
class DicomRetinographyTest {

    @TempDir Path dir;

    @Test
    void readsADicomFileMadeByDcmtkWithItsLaterality() throws Exception {
        byte[] dicom = dicomFromJpeg("R");
        DecodedImage image = ImageDecoders.standard().decode(dicom);
        assertThat(image.mediaType()).isEqualTo("application/dicom");
        assertThat(image.width()).isEqualTo(256);
        assertThat(image.height()).isEqualTo(256);
        assertThat(image.laterality()).isEqualTo("R");
    }

    @Test
    void aTruncatedDicomFileIsACleanDecodeError() throws Exception {
        byte[] dicom = dicomFromJpeg("L");
        byte[] truncated = Arrays.copyOf(dicom, dicom.length / 2);
        assertThatThrownBy(() -> ImageDecoders.standard().decode(truncated))
                .isInstanceOf(ImageDecodeException.class);
    }

    private byte[] dicomFromJpeg(String laterality) throws Exception {
        Path jpeg = dir.resolve("fundus.jpg");
        Files.write(jpeg, new FundusSimulator(256, 7).jpeg(laterality, Set.of(), 0));
        Path out = dir.resolve("fundus-" + laterality + ".dcm");
        Process p = new ProcessBuilder(List.of("img2dcm", "-k", "ImageLaterality=" + laterality, jpeg.toString(),
                out.toString())).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("img2dcm finished").isTrue();
        assertThat(p.exitValue()).as("img2dcm (Debian package dcmtk): " + log).isZero();
        return Files.readAllBytes(out);
    }
}
