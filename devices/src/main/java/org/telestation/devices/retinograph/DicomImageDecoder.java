package org.telestation.devices.retinograph;

import org.telestation.devices.dicom.DicomFormatException;
import org.telestation.devices.dicom.DicomImages;
import org.telestation.devices.model.ImageFrame;

/**
 * Retinographs that export DICOM (Ophthalmic Photography) files: read through our own DICOM reader, which also gives
 * the eye from Image Laterality (0020,0062) or Laterality (0020,0060).
 */
final class DicomImageDecoder implements ImageDecoder {

    @Override
    public String mediaType() {
        return "application/dicom";
    }

    @Override
    public boolean recognises(byte[] data) {
        return ImageDecoders.isDicom(data);
    }

    @Override
    public DecodedImage decode(byte[] data) throws ImageDecodeException {
        ImageFrame frame;
        try {
            frame = DicomImages.read(data);
        } catch (DicomFormatException e) {
            throw ImageDecodeException.corrupt("DICOM: " + e.getMessage());
        }
        ImageDecoders.checkSize(frame.width(), frame.height());
        return new DecodedImage(mediaType(), frame.width(), frame.height(), frame.laterality());
    }
}
