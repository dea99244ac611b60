package org.telestation.server.expertise;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.telestation.devices.ecg.AecgReader;
import org.telestation.devices.ecg.DicomEcgReader;
import org.telestation.devices.ecg.EcgChannel;
import org.telestation.devices.ecg.EcgFormatException;
import org.telestation.devices.ecg.EcgLead;
import org.telestation.devices.ecg.EcgRecording;
import org.telestation.devices.ecg.ScpEcgReader;
import org.telestation.devices.ecg.WfdbReader;
import org.telestation.devices.ecg.analysis.EcgIntervalAnalyzer;
import org.telestation.devices.ecg.analysis.EcgIntervals;

/**
 * Recognises an uploaded ECG file (DICOM 12-lead waveform, SCP-ECG, HL7 aECG, WFDB header + signal file), reads it with
 * the {@code devices} readers, and prepares what the browser viewer draws: the 12 standard leads in microvolts and the
 * interval measurements. Patient data the file carries is not used nor logged: the request names the patient.
 */
public final class EcgFiles {

    public enum Format { DICOM, SCP, AECG, WFDB }

    private EcgFiles() {}

    /** Which format these bytes are in, from their content (the file name is not trusted); null when none. */
    public static Format detect(byte[] content) {
        if (content.length > 132 && content[128] == 'D' && content[129] == 'I' && content[130] == 'C'
                && content[131] == 'M') {
            return Format.DICOM;
        }
        String head = new String(content, 0, Math.min(content.length, 2048), StandardCharsets.ISO_8859_1).strip();
        if (head.startsWith("<") && head.contains("AnnotatedECG")) {
            return Format.AECG;
        }
        if (content.length > 22 && content[8] == 0 && content[9] == 0 && u32(content, 2) <= content.length
                && u32(content, 2) > 22) {
            return Format.SCP; // CRC (2) + record length (4) + section 0 header whose id is 0
        }
        if (looksLikeWfdbHeader(head)) {
            return Format.WFDB;
        }
        return null;
    }

    private static boolean looksLikeWfdbHeader(String head) {
        String first = head.lines().filter(l -> !l.startsWith("#")).findFirst().orElse("");
        return first.matches("[A-Za-z0-9_\\-]+(/\\d+)?\\s+\\d+\\s+[0-9.]+(/[0-9.]+)?(\\(\\S+\\))?(\\s+\\d+.*)?");
    }

    private static long u32(byte[] b, int at) {
        return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
    }

    /**
     * Reads a stored ECG.
     *
     * @param companion the WFDB signal file (null for the other formats)
     */
    public static EcgRecording read(Format format, byte[] content, byte[] companion, ZoneId zone)
            throws EcgFormatException {
        return switch (format) {
            case DICOM -> DicomEcgReader.read(content, zone);
            case SCP -> ScpEcgReader.read(content, zone);
            case AECG -> AecgReader.read(content, zone);
            case WFDB -> {
                if (companion == null) {
                    throw new EcgFormatException("a WFDB header needs its signal file (.dat)");
                }
                yield WfdbReader.read(new String(content, StandardCharsets.ISO_8859_1), companion, zone);
            }
        };
    }

    /** One lead as the viewer draws it. */
    public record Lead(String name, int[] microvolts) {}

    /**
     * What the viewer needs: the 12 leads in the standard order (limb leads III, aVR, aVL, aVF derived from I and II by
     * Einthoven and Goldberger when the file carries only 8), the sample rate, and the measurements.
     */
    public record View(double sampleRateHz, int sampleCount, List<Lead> leads, Measurements measurements,
                       String filters, String deviceInterpretation) {}

    /** Interval measurements from {@link EcgIntervalAnalyzer} (null when not measurable). */
    public record Measurements(int beatCount, Double heartRateBpm, Double rrMs, Double prMs, Double qrsMs, Double qtMs,
                               Double qtcBazettMs, Double qtcFridericiaMs) {}

    public static View view(EcgRecording recording) {
        Map<EcgLead, int[]> byLead = new EnumMap<>(EcgLead.class);
        for (EcgChannel c : recording.channels()) {
            if (c.lead() != null && !byLead.containsKey(c.lead())) {
                double[] uv = c.toMicrovolts();
                int[] ints = new int[uv.length];
                for (int i = 0; i < uv.length; i++) {
                    ints[i] = (int) Math.round(uv[i]);
                }
                byLead.put(c.lead(), ints);
            }
        }
        deriveLimbLeads(byLead);
        List<Lead> leads = new ArrayList<>();
        for (EcgLead lead : EcgLead.values()) {
            int[] samples = byLead.get(lead);
            if (samples != null) {
                leads.add(new Lead(lead.label(), samples));
            }
        }
        EcgIntervals iv = EcgIntervalAnalyzer.analyze(recording);
        Measurements m = new Measurements(iv.beatCount(), finite(iv.heartRateBpm()), finite(iv.rrMs()),
                finite(iv.prMs()), finite(iv.qrsMs()), finite(iv.qtMs()), finite(iv.qtcBazettMs()),
                finite(iv.qtcFridericiaMs()));
        var md = recording.metadata();
        String filters = md.highPassHz() == null && md.lowPassHz() == null && md.notchHz() == null ? null
                : (md.highPassHz() == null ? "?" : md.highPassHz()) + "–" + (md.lowPassHz() == null ? "?" : md.lowPassHz())
                  + " Hz" + (md.notchHz() == null ? "" : ", notch " + md.notchHz() + " Hz");
        return new View(recording.sampleRateHz(), recording.sampleCount(), leads, m, filters, md.interpretation());
    }

    /** III = II − I, aVR = −(I + II)/2, aVL = I − II/2, aVF = II − I/2. */
    static void deriveLimbLeads(Map<EcgLead, int[]> leads) {
        int[] one = leads.get(EcgLead.I);
        int[] two = leads.get(EcgLead.II);
        if (one == null || two == null) {
            return;
        }
        int n = Math.min(one.length, two.length);
        int[] three = new int[n];
        int[] avr = new int[n];
        int[] avl = new int[n];
        int[] avf = new int[n];
        for (int i = 0; i < n; i++) {
            three[i] = two[i] - one[i];
            avr[i] = -(one[i] + two[i]) / 2;
            avl[i] = one[i] - two[i] / 2;
            avf[i] = two[i] - one[i] / 2;
        }
        leads.putIfAbsent(EcgLead.III, three);
        leads.putIfAbsent(EcgLead.AVR, avr);
        leads.putIfAbsent(EcgLead.AVL, avl);
        leads.putIfAbsent(EcgLead.AVF, avf);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : null;
    }
}
