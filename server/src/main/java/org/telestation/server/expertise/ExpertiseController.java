package org.telestation.server.expertise;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.patients.PatientService;
import org.telestation.server.security.Role;

/**
 * Tele-expertise screens: new request (with upload progress), the requester's list, the expert's inbox sorted by time
 * left, the request page with the ECG or image viewer and the answer form, and the coordinator's supervision page
 * (escalations, reassignment, response times).
 */
@Controller
@RequestMapping("/expertise")
@PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST','COORDINATOR','ADMIN')")
class ExpertiseController {

    private final ExpertiseService service;
    private final ExpertiseStats stats;
    private final ExpertiseProperties properties;
    private final PatientService patients;
    private final CircleGuard guard;
    private final Clock clock;

    ExpertiseController(ExpertiseService service, ExpertiseStats stats, ExpertiseProperties properties,
                        PatientService patients, CircleGuard guard, Clock clock) {
        this.service = service;
        this.stats = stats;
        this.properties = properties;
        this.patients = patients;
        this.guard = guard;
        this.clock = clock;
    }

    @GetMapping
    String home(Authentication auth) {
        Actor actor = guard.actor(auth);
        if (actor.coordinates()) {
            return "redirect:/expertise/supervision";
        }
        return actor.role() == Role.SPECIALIST ? "redirect:/expertise/inbox" : "redirect:/expertise/sent";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    String newRequest(Authentication auth, @RequestParam(required = false) UUID patientId,
                      @RequestParam(required = false) String q, Model model) {
        Actor actor = guard.actor(auth);
        guard.requireRequester(actor);
        if (actor.role() == Role.NURSE) {
            model.addAttribute("doctors", service.circleDoctors());
        }
        model.addAttribute("experts", service.circleExperts());
        if (patientId != null) {
            model.addAttribute("patient", patients.get(patientId));
        } else if (q != null && !q.isBlank()) {
            model.addAttribute("matches", patients.search(q.strip(), 20));
        }
        model.addAttribute("q", q);
        model.addAttribute("specialities", properties.specialities());
        model.addAttribute("kinds", ExpertiseRequest.Kind.values());
        model.addAttribute("maxBytes", properties.maxAttachmentBytes());
        return "expertise/new";
    }

    @PostMapping("/requests")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    String create(Authentication auth, @RequestParam(required = false) UUID patientId,
                  @RequestParam(required = false) ExpertiseRequest.Kind kind,
                  @RequestParam(required = false) Speciality speciality,
                  @RequestParam(required = false) UUID requesterId,
                  @RequestParam(required = false) UUID expertId,
                  @RequestParam(required = false) String question,
                  @RequestParam(required = false) ExpertiseRequest.Urgency urgency,
                  @RequestParam(defaultValue = "false") boolean consent,
                  @RequestParam(required = false) List<MultipartFile> files) {
        ExpertiseRequest r = service.create(guard.actor(auth), new ExpertiseService.Draft(patientId, kind, speciality,
                requesterId, expertId, question, urgency, consent, ExpertiseApiController.uploads(files), null));
        return "redirect:/expertise/requests/" + r.id() + "?created";
    }

    @GetMapping("/sent")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    String sent(Authentication auth, Model model) {
        model.addAttribute("rows", service.sent(guard.actor(auth)));
        return "expertise/sent";
    }

    @GetMapping("/inbox")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String inbox(Authentication auth, @RequestParam(required = false) Speciality speciality,
                 @RequestParam(required = false) ExpertiseRequest.State state, Model model) {
        model.addAttribute("rows", service.inbox(guard.actor(auth), speciality, state));
        model.addAttribute("specialities", properties.specialities());
        model.addAttribute("states", ExpertiseRequest.State.values());
        model.addAttribute("speciality", speciality);
        model.addAttribute("state", state);
        return "expertise/inbox";
    }

    @GetMapping("/requests/{id}")
    String request(Authentication auth, @PathVariable UUID id, Model model) {
        Actor actor = guard.actor(auth);
        ExpertiseService.Detail d = service.detail(actor, id);
        model.addAttribute("d", d);
        model.addAttribute("r", d.request());
        model.addAttribute("timeLeft", new ExpertiseService.InboxRow(id, d.request().kind(), d.request().speciality(),
                d.request().urgency(), d.request().state(), d.request().requestedAt(), d.request().dueAt(),
                d.request().timeLeft(clock), d.requesterName()).timeLeftText());
        model.addAttribute("late", d.request().timeLeft(clock).isNegative());
        model.addAttribute("grades", Answer.Icdr.values());
        if (d.mayReassign()) {
            model.addAttribute("experts", service.expertsFor(d.request().speciality()));
        }
        return "expertise/request";
    }

    @PostMapping("/requests/{id}/answer")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String answer(Authentication auth, @PathVariable UUID id, @ModelAttribute Answer.Draft draft) {
        service.answer(guard.actor(auth), id, draft);
        return "redirect:/expertise/requests/" + id + "?answered";
    }

    @PostMapping("/requests/{id}/info-request")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String askForInformation(Authentication auth, @PathVariable UUID id, @RequestParam(required = false) String message) {
        service.askForInformation(guard.actor(auth), id, message);
        return "redirect:/expertise/requests/" + id;
    }

    @PostMapping("/requests/{id}/info-reply")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    String provideInformation(Authentication auth, @PathVariable UUID id,
                              @RequestParam(required = false) String message,
                              @RequestParam(required = false) List<MultipartFile> files) {
        service.provideInformation(guard.actor(auth), id, message, ExpertiseApiController.uploads(files));
        return "redirect:/expertise/requests/" + id;
    }

    @PostMapping("/requests/{id}/reassign")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    String reassign(Authentication auth, @PathVariable UUID id, @RequestParam(required = false) UUID expertId) {
        service.reassign(guard.actor(auth), id, expertId);
        return "redirect:/expertise/supervision";
    }

    /** The patient's answered tele-expertise requests, as a fragment for the patient file (htmx). */
    @GetMapping("/patients/{patientId}")
    String patientRecord(Authentication auth, @PathVariable UUID patientId, Model model) {
        model.addAttribute("details", service.patientRecord(guard.actor(auth), patientId));
        return "expertise/patient-record :: list";
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    String supervision(Model model) {
        Instant now = clock.instant();
        model.addAttribute("rows", service.supervision());
        model.addAttribute("stats", stats.perSpeciality(now.minus(Duration.ofDays(365)), now.plusSeconds(1)));
        return "expertise/supervision";
    }
}
