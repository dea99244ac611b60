package org.telestation.devices.ecg;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Writes HL7 v3 Annotated ECG XML (standards.md §3.4): one RHYTHM series, a TIME_ABSOLUTE GLIST_TS and one
 * SLIST_PQ per lead with origin and scale in µV. Text is XML-escaped; the patient block is written only when
 * the recording carries patient data.
 */
public final class AecgWriter {
    private static final String ACTCODE = "2.16.840.1.113883.5.4";
    private static final String MDC = "2.16.840.1.113883.6.24";

    private AecgWriter() {}

    public static byte[] write(EcgRecording recording) {
        return write(recording, ZoneId.systemDefault());
    }

    public static byte[] write(EcgRecording rec, ZoneId zone) {
        StringBuilder x = new StringBuilder(64 + rec.sampleCount() * rec.channels().size() * 6);
        Instant start = rec.acquisitionTime();
        String low = start != null ? HlTimestamps.format(start, zone) : null;
        String high = start != null ? HlTimestamps.format(start.plus(rec.duration()), zone) : null;
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<AnnotatedECG xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n")
                .append("  <id root=\"").append(UUID.randomUUID()).append("\"/>\n")
                .append("  <code code=\"93000\" codeSystem=\"2.16.840.1.113883.6.12\" codeSystemName=\"CPT-4\"/>\n");
        if (low != null) {
            x.append("  <effectiveTime><low value=\"").append(low).append("\"/><high value=\"").append(high)
                    .append("\"/></effectiveTime>\n");
        }
        EcgMetadata m = rec.metadata();
        if (m.patientId() != null || m.patientName() != null || m.sex() != null || m.birthDate() != null) {
            x.append("  <componentOf><timepointEvent><componentOf><subjectAssignment><subject><trialSubject>\n");
            if (m.patientId() != null) x.append("    <id extension=\"").append(esc(m.patientId())).append("\"/>\n");
            x.append("    <subjectDemographicPerson>\n");
            if (m.patientName() != null) {
                String[] parts = m.patientName().split("\\^", -1);
                x.append("      <name><family>").append(esc(parts[0])).append("</family>");
                if (parts.length > 1) x.append("<given>").append(esc(parts[1])).append("</given>");
                x.append("</name>\n");
            }
            if (m.sex() != null) {
                x.append("      <administrativeGenderCode code=\"").append(esc(m.sex()))
                        .append("\" codeSystem=\"2.16.840.1.113883.5.1\"/>\n");
            }
            if (m.birthDate() != null) {
                x.append("      <birthTime value=\"").append(m.birthDate().toString().replace("-", "")).append("\"/>\n");
            }
            x.append("    </subjectDemographicPerson>\n")
                    .append("  </trialSubject></subject></subjectAssignment></componentOf></timepointEvent></componentOf>\n");
        }
        x.append("  <component><series>\n")
                .append("    <code code=\"RHYTHM\" codeSystem=\"").append(ACTCODE).append("\"/>\n");
        if (rec.device() != null) {
            x.append("    <author><seriesAuthor><manufacturedSeriesDevice>");
            if (rec.device().serial() != null) x.append("<id extension=\"").append(esc(rec.device().serial())).append("\"/>");
            if (rec.device().model() != null) {
                x.append("<manufacturerModelName>").append(esc(rec.device().model())).append("</manufacturerModelName>");
            }
            x.append("</manufacturedSeriesDevice>");
            if (rec.device().manufacturer() != null) {
                x.append("<manufacturerOrganization><name>").append(esc(rec.device().manufacturer()))
                        .append("</name></manufacturerOrganization>");
            }
            x.append("</seriesAuthor></author>\n");
        }
        x.append("    <component><sequenceSet>\n")
                .append("      <component><sequence><code code=\"TIME_ABSOLUTE\" codeSystem=\"").append(ACTCODE)
                .append("\"/><value xsi:type=\"GLIST_TS\"><head value=\"")
                .append(low != null ? low : "19700101000000.000+0000")
                .append("\"/><increment value=\"").append(1 / rec.sampleRateHz())
                .append("\" unit=\"s\"/></value></sequence></component>\n");
        for (EcgChannel c : rec.channels()) {
            String code = c.lead() != null ? c.lead().aecgCode() : esc(c.label());
            x.append("      <component><sequence><code code=\"").append(code).append("\" codeSystem=\"").append(MDC)
                    .append("\"/><value xsi:type=\"SLIST_PQ\"><origin value=\"").append(c.offsetMicrovolts())
                    .append("\" unit=\"uV\"/><scale value=\"").append(c.microvoltsPerUnit())
                    .append("\" unit=\"uV\"/><digits>");
            int[] s = c.samples();
            for (int i = 0; i < s.length; i++) {
                if (i > 0) x.append(' ');
                x.append(s[i]);
            }
            x.append("</digits></value></sequence></component>\n");
        }
        x.append("    </sequenceSet></component>\n  </series></component>\n</AnnotatedECG>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n') b.append(c);
                }
            }
        }
        return b.toString();
    }
}
