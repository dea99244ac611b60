package org.telestation.server.documents;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telestation.server.consultation.Actor;
import org.telestation.server.consultation.ActService;
import org.telestation.server.consultation.ObservationService;
import org.telestation.server.platform.ValidationException;
import org.telestation.server.security.AccountService;

/**
 * The report editor: write, save, sign (PDF, sent to the MT, and for a relay appointment to the relay doctor with the
 * patient told), retry a failed sending, download.
 */
@Controller
class ReportController {
    /** What a {@code datetime-local} input shows and posts, in Paris time. */
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(PdfRenderer.PARIS);

    private final ReportService reports;
    private final ObservationService observations;
    private final ActService acts;
    private final AccountService accounts;
    private final Clock clock;

    ReportController(ReportService reports, ObservationService observations, ActService acts,
                     AccountService accounts, Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.observations = observations;
        this.acts = acts;
        this.accounts = accounts;
    }

    @GetMapping("/consultations/{id}/report")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    String editor(@PathVariable UUID id, Authentication auth, Model model) {
        return editor(id, reports.open(id, Actor.of(auth), displayName(auth)), auth, model);
    }

    private String editor(UUID id, Report r, Authentication auth, Model model) {
        Actor who = Actor.of(auth);
        boolean editable = r.status() == Report.Status.DRAFT && who.username().equals(r.authorUsername());
        model.addAttribute("report", r);
        model.addAttribute("validated", observations.validated(id, who));
        model.addAttribute("acts", acts.acts(id));
        model.addAttribute("editable", editable);
        model.addAttribute("reorientations", Report.Reorientation.values());
        model.addAttribute("emergencyModes", Report.EmergencyMode.values());
        model.addAttribute("relayCandidates", reports.relayCandidates());
        Instant now = clock.instant();
        model.addAttribute("now", LOCAL.format(now));
        model.addAttribute("relayAt", r.relay() == null || r.relay().appointmentAt() == null ? ""
                : LOCAL.format(r.relay().appointmentAt()));
        // The time of an emergency re-orientation is most often now: offered, the doctor corrects it.
        model.addAttribute("emergencyAt", LOCAL.format(r.emergency() == null || r.emergency().at() == null ? now
                : r.emergency().at()));
        return "documents/report";
    }

    @PostMapping("/consultations/{id}/report")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String save(@PathVariable UUID id, Form form, Authentication auth, Model model, HttpServletResponse response) {
        try {
            reports.save(id, form.content(), Actor.of(auth), displayName(auth));
        } catch (ValidationException e) {
            return invalid(id, form, e, auth, model, response);
        }
        return "redirect:/consultations/" + id + "/report?saved";
    }

    @PostMapping("/consultations/{id}/report/sign")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String sign(@PathVariable UUID id, Form form, Authentication auth, Model model, HttpServletResponse response) {
        Actor who = Actor.of(auth);
        Report signed;
        try {
            signed = reports.sign(id, form.content(), who, displayName(auth));
        } catch (ValidationException e) {
            return invalid(id, form, e, auth, model, response);
        }
        reports.sendToMt(id, who);
        if (signed.reorientation() == Report.Reorientation.RELAY_DOCTOR) {
            reports.sendToRelay(id, who);
            reports.notifyPatient(id, who);
        }
        return "redirect:/consultations/" + id + "/report";
    }

    @PostMapping("/consultations/{id}/report/send")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String resend(@PathVariable UUID id, Authentication auth) {
        return backToReport(reports.sendToMt(id, Actor.of(auth)));
    }

    @PostMapping("/consultations/{id}/report/send-relay")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String resendToRelay(@PathVariable UUID id, Authentication auth) {
        return backToReport(reports.sendToRelay(id, Actor.of(auth)));
    }

    @PostMapping("/consultations/{id}/report/notify-patient")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String renotifyPatient(@PathVariable UUID id, Authentication auth) {
        return backToReport(reports.notifyPatient(id, Actor.of(auth)));
    }

    /** After a sending, the report page shows how it went. */
    private static String backToReport(Report sent) {
        return "redirect:/consultations/" + sent.consultationId() + "/report";
    }

    /** The editor again with what the doctor typed and every problem (422): nothing was written. */
    private String invalid(UUID id, Form form, ValidationException e, Authentication auth, Model model,
                           HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("problems", e.problems());
        return editor(id, reports.open(id, Actor.of(auth), displayName(auth)).withContent(form.typed()), auth,
                model);
    }

    @GetMapping("/consultations/{id}/report.pdf")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, Authentication auth) {
        byte[] pdf = reports.pdf(id, Actor.of(auth));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("compte-rendu-teleconsultation.pdf").build().toString())
                .body(pdf);
    }

    /**
     * The editor's fields, bound from the form. Date and time come from {@code datetime-local} inputs, in Paris
     * time; the relay doctor is a directory id.
     */
    record Form(String reason, String findings, String conclusion, String prescriptions, String reorientation,
                String reorientationNote, String relayProfessionalId, String relayAppointmentAt, String relayPlace,
                String emergencyMode, String emergencyAt) {

        /** The content, or a 422 naming every field that cannot be read. */
        Report.Content content() {
            List<ValidationException.FieldProblem> problems = new ArrayList<>();
            Report.Content c = parse(problems);
            if (!problems.isEmpty()) throw new ValidationException(problems);
            return c;
        }

        /** What was typed, unreadable fields left empty: to show the editor again. */
        Report.Content typed() {
            return parse(new ArrayList<>());
        }

        private Report.Content parse(List<ValidationException.FieldProblem> problems) {
            Report.Reorientation r = parse(reorientation, Report.Reorientation::valueOf, Report.Reorientation.NONE,
                    "reorientation", "documents.error.reorientation", problems);
            Report.Relay relay = null;
            Report.Emergency emergency = null;
            if (r == Report.Reorientation.RELAY_DOCTOR) {
                relay = new Report.Relay(parse(relayProfessionalId, UUID::fromString, null, "relayProfessionalId",
                        "documents.error.relay-doctor.unknown", problems),
                        parse(relayAppointmentAt, Form::instant, null, "relayAppointmentAt",
                                "documents.error.date-format", problems), relayPlace);
            } else if (r == Report.Reorientation.EMERGENCY) {
                emergency = new Report.Emergency(parse(emergencyMode, Report.EmergencyMode::valueOf, null,
                        "emergencyMode", "documents.error.emergency-mode.required", problems),
                        parse(emergencyAt, Form::instant, null, "emergencyAt", "documents.error.date-format",
                                problems));
            }
            return new Report.Content(reason, findings, conclusion, prescriptions, r, reorientationNote, relay,
                    emergency);
        }

        private static <T> T parse(String value, Function<String, T> parser, T absent, String field, String key,
                                   List<ValidationException.FieldProblem> problems) {
            if (value == null || value.isBlank()) return absent;
            try {
                return parser.apply(value.strip());
            } catch (RuntimeException e) {
                problems.add(new ValidationException.FieldProblem(field, key));
                return absent;
            }
        }

        private static Instant instant(String local) {
            return LocalDateTime.parse(local).atZone(PdfRenderer.PARIS).toInstant();
        }
    }

    private String displayName(Authentication auth) {
        return accounts.findByUsername(auth.getName()).map(a -> a.displayName()).orElse(auth.getName());
    }
}
