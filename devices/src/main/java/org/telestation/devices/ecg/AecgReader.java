package org.telestation.devices.ecg;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.telestation.devices.model.DeviceIdentity;
import org.telestation.devices.model.DeviceKind;

/**
 * Reads HL7 v3 Annotated ECG (aECG) XML (standards.md §3.4): the rhythm {@code sequenceSet} of the first
 * {@code series} — a TIME_ABSOLUTE {@code GLIST_TS} (head, increment) and one {@code SLIST_PQ} per lead
 * (origin, scale, digits; physical = origin + scale × digit). Derived series (median beats) are skipped.
 *
 * <p>The StAX parser runs with DTDs and external entities off, so no entity expansion or network access can be
 * triggered by a file.
 */
public final class AecgReader {
    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    private AecgReader() {}

    public static EcgRecording read(byte[] xml) throws EcgFormatException {
        return read(xml, ZoneId.systemDefault());
    }

    /** One lead being read. */
    private static final class Sequence {
        String code;
        String type;
        String head;
        Double increment;
        String incrementUnit;
        double origin;
        String originUnit;
        Double scale;
        String scaleUnit;
        int[] digits;
    }

    /** @param localZone zone of timestamps without an offset */
    public static EcgRecording read(byte[] xml, ZoneId localZone) throws EcgFormatException {
        if (xml == null) throw new EcgFormatException("no data");
        XMLStreamReader r;
        try {
            r = FACTORY.createXMLStreamReader(new ByteArrayInputStream(xml));
        } catch (XMLStreamException | RuntimeException e) {
            throw new EcgFormatException("not XML: " + e.getMessage(), e);
        }
        Deque<String> path = new ArrayDeque<>();
        List<Sequence> sequences = new ArrayList<>();
        Sequence current = null;
        int seriesSeen = 0;
        boolean inFirstSeries = false;
        String patientId = null, nameText = null, sex = null, birth = null;
        String serial = null, model = null, maker = null, effectiveLow = null;
        boolean root = true;
        while (next(r) != XMLStreamConstants.END_DOCUMENT) {
            int event = r.getEventType();
            if (event == XMLStreamConstants.END_ELEMENT) {
                String name = path.pop();
                if (name.equals("sequence") && current != null) {
                    sequences.add(current);
                    current = null;
                } else if (name.equals("series") && inFirstSeries) {
                    inFirstSeries = false;
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String name = r.getLocalName();
            String parent = path.peek();
            if (root) {
                if (!name.equals("AnnotatedECG")) throw new EcgFormatException("root element is not AnnotatedECG");
                root = false;
            }
            path.push(name);
            if (name.equals("derivedSeries")) {
                skip(r, path);
                continue;
            }
            if (name.equals("series")) {
                inFirstSeries = ++seriesSeen == 1;
                if (!inFirstSeries) {
                    skip(r, path);
                    continue;
                }
            }
            switch (name) {
                case "sequence" -> current = inFirstSeries ? new Sequence() : null;
                case "code" -> {
                    if (current != null && "sequence".equals(parent)) current.code = attr(r, "code");
                }
                case "value" -> {
                    if (current != null && "sequence".equals(parent)) {
                        current.type = r.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type");
                    }
                }
                case "head" -> {
                    if (current != null) current.head = attr(r, "value");
                }
                case "increment" -> {
                    if (current != null) {
                        current.increment = number(attr(r, "value"));
                        current.incrementUnit = attr(r, "unit");
                    }
                }
                case "origin" -> {
                    if (current != null) {
                        Double o = number(attr(r, "value"));
                        current.origin = o != null ? o : 0;
                        current.originUnit = attr(r, "unit");
                    }
                }
                case "scale" -> {
                    if (current != null) {
                        current.scale = number(attr(r, "value"));
                        current.scaleUnit = attr(r, "unit");
                    }
                }
                case "digits" -> {
                    if (current != null) current.digits = digits(text(r, path));
                }
                case "low" -> {
                    if ("effectiveTime".equals(parent) && effectiveLow == null) effectiveLow = attr(r, "value");
                }
                case "id" -> {
                    if ("trialSubject".equals(parent)) patientId = attr(r, "extension");
                    if ("manufacturedSeriesDevice".equals(parent)) serial = attr(r, "extension");
                }
                case "name" -> {
                    if ("subjectDemographicPerson".equals(parent)) nameText = personName(r, path);
                    else if ("manufacturerOrganization".equals(parent)) maker = blankToNull(text(r, path));
                }
                case "administrativeGenderCode" -> sex = attr(r, "code");
                case "birthTime" -> birth = attr(r, "value");
                case "manufacturerModelName" -> model = blankToNull(text(r, path));
                default -> { }
            }
        }
        return build(sequences, localZone, effectiveLow, patientId,
                nameText, sex, birth, serial, model, maker);
    }

    private static EcgRecording build(List<Sequence> sequences, ZoneId zone, String effectiveLow, String patientId,
                                      String name, String sex, String birth, String serial, String model, String maker)
            throws EcgFormatException {
        Double rate = null;
        Instant start = null;
        List<EcgChannel> channels = new ArrayList<>();
        for (Sequence s : sequences) {
            if ("GLIST_TS".equals(s.type) || "TIME_ABSOLUTE".equals(s.code) || "TIME_RELATIVE".equals(s.code)) {
                if (s.increment == null || !(s.increment > 0)) throw new EcgFormatException("bad time increment");
                double seconds = s.increment * timeUnit(s.incrementUnit);
                rate = 1 / seconds;
                start = HlTimestamps.parse(s.head, zone);
            } else if ("SLIST_PQ".equals(s.type) || "SLIST_INT".equals(s.type)) {
                if (s.digits == null) throw new EcgFormatException("lead " + s.code + " has no digits");
                double scale = (s.scale != null ? s.scale : 1) * microvolts(s.scaleUnit);
                double origin = s.origin * microvolts(s.originUnit != null ? s.originUnit : s.scaleUnit);
                if (!(scale > 0) || Double.isInfinite(scale) || !Double.isFinite(origin)) {
                    throw new EcgFormatException("bad scale on lead " + s.code);
                }
                EcgLead lead = EcgLead.fromText(s.code);
                channels.add(new EcgChannel(lead, lead != null ? lead.label() : s.code, s.digits, scale, origin));
            }
        }
        if (rate == null || !(rate > 0) || rate > 100_000) throw new EcgFormatException("no usable time sequence");
        if (channels.isEmpty()) throw new EcgFormatException("no lead sequence");
        if (start == null) start = HlTimestamps.parse(effectiveLow, zone);
        String sexCode = sex == null ? null : switch (sex) { case "M", "F" -> sex; case "UN" -> "O"; default -> "U"; };
        LocalDate birthDate = null;
        if (birth != null && birth.length() >= 8) {
            Instant b = HlTimestamps.parse(birth.substring(0, 8), java.time.ZoneOffset.UTC);
            birthDate = b == null ? null : LocalDate.ofInstant(b, java.time.ZoneOffset.UTC);
        }
        EcgMetadata meta = new EcgMetadata(patientId, name, birthDate, sexCode, null, null, null, null);
        return new EcgRecording(channels, rate, start,
                new DeviceIdentity(DeviceKind.ECG_12_LEAD, maker, model, serial, "aecg-file"), meta);
    }

    private static double timeUnit(String unit) throws EcgFormatException {
        if (unit == null || unit.equals("s")) return 1;
        if (unit.equals("ms")) return 0.001;
        throw new EcgFormatException("unknown time unit " + unit);
    }

    private static double microvolts(String unit) throws EcgFormatException {
        if (unit == null || unit.equals("uV")) return 1;
        if (unit.equals("mV")) return 1000;
        if (unit.equals("nV")) return 0.001;
        if (unit.equals("V")) return 1e6;
        throw new EcgFormatException("unknown amplitude unit " + unit);
    }

    /** Space-separated integers; the array never outgrows the text. */
    static int[] digits(String text) throws EcgFormatException {
        int[] out = new int[Math.max(16, text.length() / 4)];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                i++;
                continue;
            }
            boolean negative = c == '-';
            if (negative || c == '+') i++;
            long v = 0;
            int start = i;
            while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                v = v * 10 + (text.charAt(i) - '0');
                if (v > Integer.MAX_VALUE) throw new EcgFormatException("digit value too large");
                i++;
            }
            if (i == start || (i < len && " \n\r\t".indexOf(text.charAt(i)) < 0)) {
                throw new EcgFormatException("digits must be integers");
            }
            if (n == out.length) out = Arrays.copyOf(out, out.length * 2);
            out[n++] = (int) (negative ? -v : v);
        }
        return Arrays.copyOf(out, n);
    }

    private static Double number(String s) {
        if (s == null || s.isEmpty() || s.length() > 40) return null;
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }

    // The parser is a library: whatever it throws on hostile XML becomes our declared error.

    private static int next(XMLStreamReader r) throws EcgFormatException {
        try {
            return r.next();
        } catch (XMLStreamException | RuntimeException e) {
            throw new EcgFormatException("malformed XML: " + e.getMessage(), e);
        }
    }

    /** Text of a simple element; leaves the reader on its end tag, which we then pop ourselves. */
    private static String text(XMLStreamReader r, Deque<String> path) throws EcgFormatException {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        while (true) {
            int e = next(r);
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) sb.append(r.getText());
            else if (e == XMLStreamConstants.START_ELEMENT) depth++;
            else if (e == XMLStreamConstants.END_ELEMENT && depth-- == 0) break;
            else if (e == XMLStreamConstants.END_DOCUMENT) throw new EcgFormatException("truncated XML");
        }
        path.pop();
        return sb.toString();
    }

    /** A person name: "family^given" from the parts when present, else the plain text. */
    private static String personName(XMLStreamReader r, Deque<String> path) throws EcgFormatException {
        StringBuilder plain = new StringBuilder();
        StringBuilder part = new StringBuilder();
        String family = null;
        String given = null;
        String child = null;
        while (true) {
            int e = next(r);
            if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                (child != null ? part : plain).append(r.getText());
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                if (child != null) throw new EcgFormatException("nested name parts");
                child = r.getLocalName();
                part.setLength(0);
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (child == null) break;
                if (child.equals("family")) family = part.toString().trim();
                if (child.equals("given") && given == null) given = part.toString().trim();
                child = null;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new EcgFormatException("truncated XML");
            }
        }
        path.pop();
        if (family != null) return given != null ? family + "^" + given : family;
        return blankToNull(plain.toString());
    }

    private static void skip(XMLStreamReader r, Deque<String> path) throws EcgFormatException {
        text(r, path);
    }
}
