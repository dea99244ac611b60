package org.telestation.server.documents;

import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.telestation.server.security.AccountService;

/** The report editor: write, save, sign (PDF, sent to the MT), download. */
@Controller
class ReportController {
    private final ReportService reports;
    private final ObservationService observations;
    private final ActService acts;
    private final AccountService accounts;

    ReportController(ReportService reports, ObservationService observations, ActService acts,
                     AccountService accounts) {
        this.reports = reports;
        this.observations = observations;
        this.acts = acts;
        this.accounts = accounts;
    }

    @GetMapping("/consultations/{id}/report")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    String editor(@PathVariable UUID id, Authentication auth, Model model) {
        Actor who = Actor.of(auth);
        Report r = reports.open(id, who, displayName(auth));
        model.addAttribute("report", r);
        model.addAttribute("validated", observations.validated(id, who));
        model.addAttribute("acts", acts.acts(id));
        model.addAttribute("editable", r.status() == Report.Status.DRAFT && who.username().equals(r.authorUsername()));
        model.addAttribute("reorientations", Report.Reorientation.values());
        return "documents/report";
    }

    @PostMapping("/consultations/{id}/report")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String save(@PathVariable UUID id, Form form, Authentication auth) {
        reports.save(id, form.content(), Actor.of(auth), displayName(auth));
        return "redirect:/consultations/" + id + "/report?saved";
    }

    @PostMapping("/consultations/{id}/report/sign")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String sign(@PathVariable UUID id, Form form, Authentication auth) {
        Actor who = Actor.of(auth);
        reports.sign(id, form.content(), who, displayName(auth));
        reports.sendToMt(id, who);
        return "redirect:/consultations/" + id + "/report";
    }

    @PostMapping("/consultations/{id}/report/send")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String resend(@PathVariable UUID id, Authentication auth) {
        reports.sendToMt(id, Actor.of(auth));
        return "redirect:/consultations/" + id + "/report";
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

    /** The editor's fields, bound from the form. */
    record Form(String reason, String findings, String conclusion, String prescriptions, String reorientation,
                String reorientationNote) {
        Report.Content content() {
            Report.Reorientation r;
            try {
                r = reorientation == null ? Report.Reorientation.NONE : Report.Reorientation.valueOf(reorientation);
            } catch (IllegalArgumentException e) {
                throw org.telestation.server.platform.ValidationException.of("reorientation",
                        "documents.error.reorientation");
            }
            return new Report.Content(reason, findings, conclusion, prescriptions, r, reorientationNote);
        }
    }

    private String displayName(Authentication auth) {
        return accounts.findByUsername(auth.getName()).map(a -> a.displayName()).orElse(auth.getName());
    }
}
