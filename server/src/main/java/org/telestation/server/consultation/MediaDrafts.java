package org.telestation.server.consultation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.telestation.devices.audio.WavAudio;
import org.telestation.devices.audio.WavReader;
import org.telestation.devices.audio.WavWriter;
import org.telestation.devices.ecg.DicomEcgReader;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.server.expertise.EcgFiles;

/**
 * Reads the non-scalar station items (docs/station.md: ECG as DICOM 12-lead ECG Waveform, examination-camera stills
 * as JPEG with {@code ; laterality=R|L} for the retinograph, stethoscope clips as 16-bit PCM WAV) defensively: any
 * surprise gives null, never an exception, and nothing is allocated from a length field. Images are not decoded
 * (a decompression bomb costs nothing here): the header gives the type and size, and the browser decodes.
 */
final class MediaDrafts {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String DICOM = "application/dicom";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String WAV = "audio/wav";
    /** SNOMED CT body structures of the eyes (standards.md, CI-SIS retinography). */
    static final String RIGHT_EYE = "24028007";
    static final String LEFT_EYE = "7771000";
    private static final int MAX_SIDE = 65_535;

    private MediaDrafts() {
    }

    /** What a draft row gets from a payload: its media facts, when it was taken, and by which device. */
    record Parsed(Observation.Media media, Instant effectiveAt, String device) {
    }

    static Parsed parse(Observation.Kind kind, byte[] payload, String stationContentType, Instant capturedAt) {
        return switch (kind) {
            case ECG -> ecg(payload, capturedAt);
            case IMAGE -> image(payload, stationContentType, capturedAt);
            case AUDIO -> audio(payload, capturedAt);
            case MEASUREMENT -> null;
        };
    }

    /** A DICOM 12-lead ECG: leads, rate, duration and the intervals measured on the median beat. */
    static Parsed ecg(byte[] payload, Instant capturedAt) {
        EcgRecording rec = ecgRecording(payload);
        if (rec == null) return null;
        EcgFiles.Measurements m;
        try {
            m = EcgFiles.view(rec).measurements();
        } catch (RuntimeException e) {
            m = null; // no intervals is still a drawable ECG
        }
        long durationMs = Math.round(rec.sampleCount() * 1000.0 / rec.sampleRateHz());
        String device = rec.device() == null || rec.device().model() == null ? null
                : clip(((rec.device().manufacturer() == null ? "" : rec.device().manufacturer() + " ")
                        + rec.device().model()).strip(), 200);
        return new Parsed(new Observation.Media(DICOM, payload.length, null, null, durationMs, rec.sampleRateHz(),
                rec.channels().size(), null, m == null ? null : m.heartRateBpm(), m == null ? null : m.prMs(),
                m == null ? null : m.qrsMs(), m == null ? null : m.qtMs(), m == null ? null : m.qtcBazettMs()),
                rec.acquisitionTime() != null ? rec.acquisitionTime() : capturedAt, device);
    }

    /** The recording, or null when the payload is not a readable DICOM ECG with samples. */
    static EcgRecording ecgRecording(byte[] payload) {
        try {
            EcgRecording rec = DicomEcgReader.read(payload, PARIS);
            if (rec.channels().isEmpty() || rec.sampleCount() == 0) return null;
            return rec;
        } catch (Exception e) { // EcgFormatException, and anything a hostile file could provoke
            return null;
        }
    }

    /** What the viewer draws (the 12 leads in µV and the measurements), or null. */
    static EcgFiles.View ecgView(byte[] payload) {
        EcgRecording rec = ecgRecording(payload);
        if (rec == null) return null;
        try {
            return EcgFiles.view(rec);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A JPEG or PNG still: type by content (never by the station's word), size from its header. */
    static Parsed image(byte[] payload, String stationContentType, Instant capturedAt) {
        int[] size;
        String type;
        if (isPng(payload)) {
            type = PNG;
            size = pngSize(payload);
        } else if (payload.length > 3 && (payload[0] & 0xFF) == 0xFF && (payload[1] & 0xFF) == 0xD8) {
            type = JPEG;
            size = jpegSize(payload);
        } else {
            return null;
        }
        if (size == null) return null;
        return new Parsed(new Observation.Media(type, payload.length, size[0], size[1], null, null, null,
                laterality(stationContentType), null, null, null, null, null), capturedAt, null);
    }

    /** A 16-bit PCM WAV clip: rate, channels, duration. */
    static Parsed audio(byte[] payload, Instant capturedAt) {
        WavAudio wav = wav(payload);
        if (wav == null) return null;
        return new Parsed(new Observation.Media(WAV, payload.length, null, null,
                Math.round(wav.durationSeconds() * 1000), (double) wav.sampleRateHz(), wav.channels(), null, null, null,
                null, null, null), capturedAt, null);
    }

    /** The clip as a fresh canonical WAV made from its PCM (whatever chunks the station's file held), or null. */
    static byte[] servedWav(byte[] payload) {
        WavAudio wav = wav(payload);
        return wav == null ? null : WavWriter.toBytes(wav.sampleRateHz(), wav.channels(), wav.pcm16le());
    }

    private static WavAudio wav(byte[] payload) {
        try {
            WavAudio wav = WavReader.read(payload);
            return wav.frameCount() == 0 ? null : wav;
        } catch (Exception e) { // WavFormatException, and anything a hostile file could provoke
            return null;
        }
    }

    /** The retinograph's {@code ; laterality=R|L} parameter as a SNOMED CT eye, or null. */
    static String laterality(String contentType) {
        if (contentType == null) return null;
        String t = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.contains(";laterality=r")) return RIGHT_EYE;
        if (t.contains(";laterality=l")) return LEFT_EYE;
        return null;
    }

    static boolean isPng(byte[] b) {
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (b.length < 24) return false;
        for (int i = 0; i < sig.length; i++) if (b[i] != sig[i]) return false;
        return true;
    }

    /** Width and height from the IHDR chunk, which must come first. */
    static int[] pngSize(byte[] b) {
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return null;
        return sides(u32(b, 16), u32(b, 20));
    }

    /**
     * Width and height from the first start-of-frame segment, walking the segments by their lengths up to the start
     * of scan. Each step moves forward by at least two bytes, so the walk ends.
     */
    static int[] jpegSize(byte[] b) {
        int pos = 2;
        while (pos + 4 <= b.length) {
            if ((b[pos] & 0xFF) != 0xFF) return null;
            int marker = b[pos + 1] & 0xFF;
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // no length
                pos += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) return null; // end of image or scan before any frame header
            int length = (b[pos + 2] & 0xFF) << 8 | (b[pos + 3] & 0xFF);
            if (length < 2) return null;
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (length < 7 || pos + 9 > b.length) return null;
                int height = (b[pos + 5] & 0xFF) << 8 | (b[pos + 6] & 0xFF);
                int width = (b[pos + 7] & 0xFF) << 8 | (b[pos + 8] & 0xFF);
                return sides(width, height);
            }
            pos += 2 + length;
        }
        return null;
    }

    private static int[] sides(long width, long height) {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) return null;
        return new int[] {(int) width, (int) height};
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | (b[at + 3] & 0xFFL);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
