package org.telestation.server.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit search screen {@code /audit} and its JSON twin {@code /api/audit}; coordinators and administrators. */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class AuditController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final AuditSearch search;

    AuditController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) UUID patient, @RequestParam(required = false) String actor,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) AuditLog.Action action,
                @RequestParam(defaultValue = "false") boolean run, Model model) {
        model.addAttribute("patient", patient);
        model.addAttribute("actor", actor);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("action", action);
        model.addAttribute("actions", AuditLog.Action.values());
        model.addAttribute("events", run ? search.search(query(patient, actor, from, to, action)) : List.of());
        model.addAttribute("ran", run);
        return "audit/search";
    }

    @GetMapping("/api/audit")
    @ResponseBody
    List<AuditEvent> api(@RequestParam(required = false) UUID patient, @RequestParam(required = false) String actor,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) AuditLog.Action action) {
        return search.search(query(patient, actor, from, to, action));
    }

    /** Dates are days in French time; {@code to} includes its whole day. */
    private static AuditEvent.Query query(UUID patient, String actor, LocalDate from, LocalDate to,
                                          AuditLog.Action action) {
        return new AuditEvent.Query(patient, actor,
                from == null ? null : from.atStartOfDay(PARIS).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(PARIS).toInstant(), action);
    }
}
