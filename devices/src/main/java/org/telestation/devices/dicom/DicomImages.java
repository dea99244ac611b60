package org.telestation.devices.dicom;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;
import org.telestation.devices.model.ImageFrame;

/**
 * The first frame of a DICOM image (retinography, PS3.3 A.39 Ophthalmic Photography) as an {@link ImageFrame}.
 *
 * <ul>
 *   <li>Encapsulated JPEG (any 1.2.840.10008.1.2.4.5x–.7x syntax): the frame's fragments joined, format
 *       {@code image/jpeg}; JPEG-LS {@code image/jls}; JPEG 2000 {@code image/jp2}. No decoding is done.</li>
 *   <li>Native pixels: 8-bit monochrome {@code video/x-raw;format=GRAY8}, 16-bit monochrome
 *       {@code video/x-raw;format=GRAY16_LE}, 8-bit RGB {@code video/x-raw;format=RGB} (planar data is
 *       interleaved first).</li>
 * </ul>
 * Laterality comes from Image Laterality (0020,0062), else Laterality (0020,0060); only "L" and "R" are kept.
 */
public final class DicomImages {
    private DicomImages() {}

    public static ImageFrame read(byte[] file) throws DicomFormatException {
        return read(file, ZoneId.systemDefault());
    }

    /** @param localZone the zone of date-times that carry no offset (the site's zone) */
    public static ImageFrame read(byte[] file, ZoneId localZone) throws DicomFormatException {
        DicomReader.DicomFile parsed = DicomReader.read(file);
        DicomDataset ds = parsed.dataset();
        DicomElement pixels = ds.get(Tag.PIXEL_DATA);
        if (pixels == null) throw new DicomFormatException("no pixel data (7FE0,0010)");
        Integer rows = ds.getInt(Tag.ROWS);
        Integer columns = ds.getInt(Tag.COLUMNS);
        if (rows == null || columns == null || rows <= 0 || columns <= 0) {
            throw new DicomFormatException("missing or bad Rows/Columns");
        }
        String format;
        byte[] data;
        if (pixels.isEncapsulated()) {
            format = encapsulatedFormat(parsed.transferSyntax());
            data = firstFrame(pixels, file, ds.getInt(Tag.NUMBER_OF_FRAMES));
        } else {
            int samples = orDefault(ds.getInt(Tag.SAMPLES_PER_PIXEL), 1);
            int bits = orDefault(ds.getInt(Tag.BITS_ALLOCATED), 8);
            if (samples == 1 && bits == 8) format = "video/x-raw;format=GRAY8";
            else if (samples == 1 && bits == 16) format = "video/x-raw;format=GRAY16_LE";
            else if (samples == 3 && bits == 8) format = "video/x-raw;format=RGB";
            else throw new DicomFormatException("unsupported pixel layout: " + samples + " samples of " + bits + " bits");
            long frameBytes = (long) rows * columns * samples * (bits / 8);
            if (frameBytes > pixels.length()) {
                throw new DicomFormatException("pixel data holds " + pixels.length() + " bytes, the frame needs "
                        + frameBytes);
            }
            data = new byte[(int) frameBytes];
            System.arraycopy(file, pixels.offset(), data, 0, data.length);
            if (samples == 3 && orDefault(ds.getInt(Tag.PLANAR_CONFIGURATION), 0) == 1) data = interleave(data);
        }
        String laterality = ds.getString(Tag.IMAGE_LATERALITY);
        if (laterality == null || laterality.isEmpty()) laterality = ds.getString(Tag.LATERALITY);
        if (!"L".equals(laterality) && !"R".equals(laterality)) laterality = null;
        Instant time = DicomDates.dateTime(ds.getString(Tag.ACQUISITION_DATE_TIME), localZone);
        if (time == null) {
            time = DicomDates.dateAndTime(ds.getString(Tag.CONTENT_DATE), ds.getString(Tag.CONTENT_TIME), localZone);
        }
        DeviceIdentity device = new DeviceIdentity(DeviceKind.RETINOGRAPH, ds.getString(Tag.MANUFACTURER),
                ds.getString(Tag.MANUFACTURER_MODEL_NAME), ds.getString(Tag.DEVICE_SERIAL_NUMBER), "dicom-file");
        return new ImageFrame(device, time, columns, rows, format, data, true, laterality);
    }

    private static int orDefault(Integer v, int d) {
        return v != null ? v : d;
    }

    private static String encapsulatedFormat(String ts) throws DicomFormatException {
        if (ts.startsWith("1.2.840.10008.1.2.4.")) {
            int n;
            try {
                n = Integer.parseInt(ts.substring("1.2.840.10008.1.2.4.".length()));
            } catch (NumberFormatException e) {
                throw new DicomFormatException("unknown transfer syntax " + ts);
            }
            if (n >= 50 && n <= 70) return "image/jpeg";
            if (n == 80 || n == 81) return "image/jls";
            if (n == 90 || n == 91) return "image/jp2";
        }
        throw new DicomFormatException("unsupported encapsulated transfer syntax " + ts);
    }

    /** Frame 1: all fragments after the offset table for a single frame, else the first fragment. */
    private static byte[] firstFrame(DicomElement pixels, byte[] file, Integer frames) throws DicomFormatException {
        List<DicomElement.Fragment> fragments = pixels.fragments();
        if (fragments.size() < 2) throw new DicomFormatException("encapsulated pixel data has no fragment");
        int count = frames == null || frames <= 1 ? fragments.size() - 1 : 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= count; i++) {
            DicomElement.Fragment f = fragments.get(i);
            out.write(file, f.offset(), f.length());
        }
        return out.toByteArray();
    }

    private static byte[] interleave(byte[] planar) {
        int n = planar.length / 3;
        byte[] out = new byte[n * 3];
        for (int i = 0; i < n; i++) {
            out[3 * i] = planar[i];
            out[3 * i + 1] = planar[n + i];
            out[3 * i + 2] = planar[2 * n + i];
        }
        return out;
    }
}
