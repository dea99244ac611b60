package org.telestation.server.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.telestation.server.consultation.Consultation;
import org.telestation.server.consultation.Observation;
import org.telestation.server.directory.Professional;
import org.telestation.server.patients.Patient;

/**
 * Renders a signed report as PDF with openhtmltopdf: an XHTML page built here (every value escaped), so the PDF
 * never depends on a browser. The built-in PDF fonts cover French text.
 */
@Component
class PdfRenderer {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH)
            .withZone(PARIS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_ZONED = DAY.withZone(PARIS);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH).withZone(PARIS);

    /**
     * @param stills      the validated stills' bytes by observation id (JPEG or PNG), printed under the table
     * @param relayDoctor the relay doctor of the report's appointment, or null when it books none
     */
    byte[] render(Report r, Consultation c, Patient p, List<Observation> validated, Map<UUID, byte[]> stills,
                  String siteName, Professional relayDoctor) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<title>Compte rendu de téléconsultation</title><style>")
                .append("body{font-family:sans-serif;font-size:11pt}h1{font-size:16pt}h2{font-size:12pt;")
                .append("border-bottom:1px solid #888;margin-top:14pt}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #aaa;padding:2pt 6pt;text-align:left}.pre{white-space:pre-wrap}")
                .append("</style></head><body>");
        h.append("<h1>Compte rendu de téléconsultation</h1>");
        h.append("<p>Patient : ").append(e(p.displayName())).append(", né(e) le ")
                .append(DAY.format(p.birthDate())).append("</p>");
        h.append("<p>Téléconsultation du ").append(WHEN.format(c.admittedAt() != null ? c.admittedAt()
                : c.checkedInAt())).append(siteName == null ? "" : " — " + e(siteName))
                .append(c.place() == Consultation.Place.HOME ? " (au domicile)" : "").append("</p>");
        h.append("<p>Médecin téléconsultant : ").append(e(r.authorDisplayName()))
                .append(" ; accompagnement infirmier</p>");
        section(h, "Motif", r.reason());
        section(h, "Examen et constatations", r.findings());
        h.append("<h2>Mesures validées</h2>");
        if (validated.isEmpty()) {
            h.append("<p>Aucune mesure validée.</p>");
        } else {
            h.append("<table><tr><th>Mesure</th><th>Valeur</th><th>Heure</th><th>Appareil</th></tr>");
            for (Observation o : validated) {
                h.append("<tr><td>").append(e(label(o))).append("</td><td>").append(e(value(o)))
                        .append("</td><td>").append(WHEN.format(o.effectiveAt())).append("</td><td>")
                        .append(e(o.device())).append("</td></tr>");
            }
            h.append("</table>");
            for (Observation o : validated) {
                byte[] still = stills.get(o.id());
                if (o.kind() != Observation.Kind.IMAGE || still == null) continue;
                // openhtmltopdf embeds data: URIs; the still keeps its own encoding (JPEG stays JPEG).
                h.append("<p><img style=\"max-width:16cm;max-height:12cm\" src=\"data:")
                        .append(o.media().contentType()).append(";base64,")
                        .append(Base64.getEncoder().encodeToString(still)).append("\"/><br/>Photo du ")
                        .append(WHEN.format(o.effectiveAt())).append("</p>");
            }
        }
        section(h, "Conclusion", r.conclusion());
        section(h, "Prescriptions", r.prescriptions());
        section(h, "Orientation", orientation(r, relayDoctor) + (r.reorientationNote() == null ? ""
                : "\n" + r.reorientationNote()));
        h.append("<p>Signé par ").append(e(r.authorDisplayName())).append(" le ")
                .append(WHEN.format(r.signedAt())).append("</p></body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.withHtmlContent(h.toString(), null);
            b.toStream(out);
            b.run();
        } catch (IOException ex) {
            throw new IllegalStateException("PDF rendering failed", ex);
        }
        return out.toByteArray();
    }

    static String reorientation(Report r) {
        return switch (r.reorientation()) {
            case NONE -> "Pas de réorientation";
            case MT -> "Réorienté vers le médecin traitant";
            case RELAY_DOCTOR -> "Réorienté vers un médecin relais (rendez-vous)";
            case EMERGENCY -> "Réorienté vers les urgences";
        };
    }

    /** The Orientation section: where the patient goes, with the relay appointment or the emergency mode. */
    static String orientation(Report r, Professional relayDoctor) {
        if (r.reorientation() == Report.Reorientation.RELAY_DOCTOR && r.relay() != null && relayDoctor != null) {
            return "Adressé(e) au Dr " + relayDoctor.displayName() + " (médecin relais)\nRendez-vous le "
                    + DAY_ZONED.format(r.relay().appointmentAt()) + " à " + HOUR.format(r.relay().appointmentAt())
                    + "\nLieu : " + r.relay().place();
        }
        if (r.reorientation() == Report.Reorientation.EMERGENCY && r.emergency() != null) {
            return "Réorienté vers les urgences : " + emergencyMode(r.emergency().mode()) + " (le "
                    + dayAndTime(r.emergency().at()) + ")";
        }
        return reorientation(r);
    }

    /** "24/11/2026 à 10:30", Paris time: how the report and its messages state an appointment. */
    static String dayAndTime(java.time.Instant at) {
        return DAY_ZONED.format(at) + " à " + HOUR.format(at);
    }

    static String emergencyMode(Report.EmergencyMode mode) {
        return switch (mode) {
            case SAMU_CALLED -> "SAMU (15) appelé";
            case OWN_MEANS -> "orientation vers les urgences par ses propres moyens";
            case MEDICAL_TRANSPORT -> "transport sanitaire";
        };
    }

    private static void section(StringBuilder h, String title, String text) {
        h.append("<h2>").append(title).append("</h2><p class=\"pre\">")
                .append(text == null || text.isBlank() ? "-" : e(text)).append("</p>");
    }

    static String label(Observation o) {
        return switch (o.kind()) {
            case MEASUREMENT -> label(o.sign());
            case ECG -> "ECG 12 dérivations";
            case IMAGE -> "Photo";
            case AUDIO -> "Auscultation (enregistrement)";
        };
    }

    static String value(Observation o) {
        Observation.Media m = o.media();
        if (o.scalar()) return o.value() == null ? "-" : format(o.value()) + " " + unit(o.unit());
        if (m == null) return "-";
        return switch (o.kind()) {
            case ECG -> {
                List<String> iv = m.intervalTexts();
                yield m.hasIntervals() ? "FC " + iv.get(0) + " bpm, PR " + iv.get(1) + " ms, QRS " + iv.get(2)
                        + " ms, QTc " + iv.get(3) + " ms" : "ECG " + m.channels() + " dérivations, "
                        + m.durationSeconds() + " s";
            }
            case IMAGE -> m.width() + "×" + m.height();
            default -> m.durationSeconds() + " s";
        };
    }

    static String label(String sign) {
        return switch (sign) {
            case "SYSTOLIC_PRESSURE" -> "Pression systolique";
            case "DIASTOLIC_PRESSURE" -> "Pression diastolique";
            case "MEAN_ARTERIAL_PRESSURE" -> "Pression artérielle moyenne";
            case "OXYGEN_SATURATION" -> "SpO2";
            case "PULSE_RATE", "HEART_RATE" -> "Fréquence cardiaque";
            case "BODY_TEMPERATURE" -> "Température";
            case "RESPIRATORY_RATE" -> "Fréquence respiratoire";
            case "BODY_WEIGHT" -> "Poids";
            default -> sign;
        };
    }

    static String unit(String ucum) {
        if (ucum == null) return "";
        return switch (ucum) {
            case "mm[Hg]" -> "mmHg";
            case "Cel" -> "°C";
            default -> ucum;
        };
    }

    static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.FRENCH, "%.1f", v);
    }

    private static String e(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
