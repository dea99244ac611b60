package org.telestation.server.consultation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.telestation.server.directory.StationService;
import org.telestation.server.patients.Patient;
import org.telestation.server.patients.PatientService;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.security.AccountService;

/**
 * The consultation screens: the nurse's check-in and pre-interview, the doctors' waiting room, the session page
 * (video, live panel, measurement requests, drafts), invitations and the guest's page. Service methods check who
 * may see what; the annotations here only keep other roles out early.
 */
@Controller
class ConsultationController {
    static final String CLINICAL = "hasAnyRole('NURSE','GP','SPECIALIST')";
    static final String DOCTORS = "hasAnyRole('GP','SPECIALIST')";

    private final ConsultationService consultations;
    private final ObservationService observations;
    private final MeasurementRequestService requests;
    private final InvitationService invitations;
    private final JitsiRooms jitsi;
    private final VideoProperties video;
    private final PatientService patients;
    private final StationService stations;
    private final AccountService accounts;
    private final Clock clock;

    ConsultationController(ConsultationService consultations, ObservationService observations,
                           MeasurementRequestService requests, InvitationService invitations, JitsiRooms jitsi,
                           VideoProperties video, PatientService patients, StationService stations,
                           AccountService accounts, Clock clock) {
        this.consultations = consultations;
        this.observations = observations;
        this.requests = requests;
        this.invitations = invitations;
        this.jitsi = jitsi;
        this.video = video;
        this.patients = patients;
        this.stations = stations;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/consultations")
    @PreAuthorize(CLINICAL)
    String list(Authentication auth, Model model) {
        Actor who = Actor.of(auth);
        List<Consultation> waiting = consultations.waitingRoom(who);
        model.addAttribute("waiting", waiting.stream().map(c -> new Row(c, patients.get(c.patientId()),
                c.waited(clock.instant()).toMinutes())).toList());
        model.addAttribute("mine", consultations.mine(who).stream().map(c -> new Row(c, patients.get(c.patientId()),
                c.waited(clock.instant()).toMinutes())).toList());
        model.addAttribute("doctor", who.doctor());
        return "consultation/list";
    }

    record Row(Consultation consultation, Patient patient, long waitedMinutes) {
    }

    @GetMapping("/consultations/new")
    @PreAuthorize("hasRole('NURSE')")
    String checkInForm(@RequestParam(name = "q", required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("patients", q == null || q.isBlank() ? List.of() : patients.search(q, 20));
        model.addAttribute("stations", stations.list());
        return "consultation/new";
    }

    /** The check-in form's value for a consultation without a station (video only). */
    static final String NO_STATION = "none";

    @PostMapping("/consultations")
    @PreAuthorize("hasRole('NURSE')")
    String checkIn(@RequestParam(name = "patientId", required = false) UUID patientId,
                   @RequestParam(name = "stationId", required = false) String station,
                   @RequestParam(name = "appointmentId", required = false) UUID appointmentId,
                   @RequestParam(name = "place", required = false) Consultation.Place place,
                   @RequestParam(name = "plannedNursingVisit", defaultValue = "false") boolean planned,
                   Authentication auth) {
        // The nurse chooses a station, or says explicitly that there is none (video only): no station by omission,
        // which would leave the doctor without devices.
        UUID stationId;
        if (station == null || station.isBlank()) {
            throw org.telestation.server.platform.ValidationException.of("stationId",
                    "consultation.error.station-choice");
        } else if (NO_STATION.equals(station)) {
            stationId = null;
        } else {
            try {
                stationId = UUID.fromString(station);
            } catch (IllegalArgumentException e) {
                throw org.telestation.server.platform.ValidationException.of("stationId",
                        "consultation.error.station-choice");
            }
        }
        Consultation c = consultations.checkIn(new ConsultationService.CheckIn(patientId, stationId, appointmentId,
                place, planned), Actor.of(auth));
        return "redirect:/consultations/" + c.id();
    }

    @GetMapping("/consultations/{id}")
    @PreAuthorize(CLINICAL)
    String session(@PathVariable UUID id, Authentication auth, Model model) {
        Actor who = Actor.of(auth);
        Consultation c = consultations.view(id, who);
        model.addAttribute("c", c);
        model.addAttribute("patient", patients.get(c.patientId()));
        model.addAttribute("history", consultations.history(id, who));
        model.addAttribute("isDoctor", who.username().equals(c.doctorUsername()));
        model.addAttribute("mayAdmit", who.doctor() && c.status() == ConsultationStatus.WAITING);
        model.addAttribute("isNurse", who.username().equals(c.nurseUsername()));
        model.addAttribute("requests", requests.list(id));
        model.addAttribute("requestKinds", MeasurementRequestService.Kind.values());
        model.addAttribute("dmpChoices", Consultation.DmpChoice.values());
        model.addAttribute("inviteRoles", InvitationService.Role.values());
        return "consultation/session";
    }

    @PostMapping("/consultations/{id}/pre-interview")
    @PreAuthorize("hasRole('NURSE')")
    String preInterview(@PathVariable UUID id,
                        @RequestParam(name = "identityChecked", defaultValue = "false") boolean identityChecked,
                        @RequestParam(name = "teleconsultationConsent", defaultValue = "false") boolean consent,
                        @RequestParam(name = "dmpChoice", required = false) Consultation.DmpChoice dmp,
                        @RequestParam(name = "reason", required = false) String reason, Authentication auth) {
        consultations.preInterview(id, new ConsultationService.PreInterview(identityChecked, consent, dmp, reason),
                Actor.of(auth));
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/admit")
    @PreAuthorize(DOCTORS)
    String admit(@PathVariable UUID id, Authentication auth) {
        consultations.admit(id, Actor.of(auth), displayName(auth));
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/interrupt")
    @PreAuthorize(CLINICAL)
    String interrupt(@PathVariable UUID id, Authentication auth) {
        consultations.interrupt(id, Actor.of(auth));
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/resume")
    @PreAuthorize(DOCTORS)
    String resume(@PathVariable UUID id, Authentication auth) {
        consultations.resume(id, Actor.of(auth));
        return "redirect:/consultations/" + id;
    }

    @PostMapping("/consultations/{id}/end")
    @PreAuthorize(DOCTORS)
    String end(@PathVariable UUID id, Authentication auth) {
        consultations.endVideo(id, Actor.of(auth));
        return "redirect:/consultations/" + id + "/report";
    }

    @PostMapping("/consultations/{id}/cancel")
    @PreAuthorize(CLINICAL)
    String cancel(@PathVariable UUID id, Authentication auth) {
        consultations.cancel(id, Actor.of(auth));
        return "redirect:/consultations";
    }

    @PostMapping("/consultations/{id}/requests")
    @PreAuthorize(DOCTORS)
    String request(@PathVariable UUID id,
                   @RequestParam(name = "kind", required = false) MeasurementRequestService.Kind kind,
                   Authentication auth, Model model) {
        requests.request(id, kind, Actor.of(auth));
        model.addAttribute("requests", requests.list(id));
        return "consultation/fragments :: requests";
    }

    @GetMapping("/consultations/{id}/observations")
    @PreAuthorize(CLINICAL)
    String observations(@PathVariable UUID id, Authentication auth, Model model) {
        return observationsFragment(id, Actor.of(auth), model);
    }

    @PostMapping("/consultations/{id}/observations/{observationId}/validate")
    @PreAuthorize(DOCTORS)
    String validate(@PathVariable UUID id, @PathVariable UUID observationId, Authentication auth, Model model) {
        observations.validate(id, observationId, Actor.of(auth));
        return observationsFragment(id, Actor.of(auth), model);
    }

    @PostMapping("/consultations/{id}/observations/{observationId}/discard")
    @PreAuthorize(DOCTORS)
    String discard(@PathVariable UUID id, @PathVariable UUID observationId, Authentication auth, Model model) {
        observations.discard(id, observationId, Actor.of(auth));
        return observationsFragment(id, Actor.of(auth), model);
    }

    private String observationsFragment(UUID id, Actor who, Model model) {
        Consultation c = consultations.view(id, who);
        model.addAttribute("c", c);
        model.addAttribute("observations", observations.list(id, who));
        model.addAttribute("isDoctor", who.username().equals(c.doctorUsername()));
        return "consultation/fragments :: observations";
    }

    @PostMapping("/consultations/{id}/invitations")
    @PreAuthorize(DOCTORS)
    String invite(@PathVariable UUID id, @RequestParam(name = "role", required = false) InvitationService.Role role,
                  @RequestParam(name = "displayName", required = false) String name, Authentication auth,
                  HttpServletRequest request, Model model) {
        InvitationService.Invitation inv = invitations.invite(id, role, name, Actor.of(auth));
        model.addAttribute("invitation", inv);
        // From the request as the doctor's browser reached us: behind the reverse proxy the prod profile trusts its
        // X-Forwarded-* headers (server.forward-headers-strategy), and the context path is kept.
        model.addAttribute("link", ServletUriComponentsBuilder.fromContextPath(request)
                .path("/public/consultation/join/{token}").buildAndExpand(inv.token()).toUriString());
        return "consultation/fragments :: invitation";
    }

    /** What the page needs to start the conversation video: built-in WebRTC or Jitsi. */
    @GetMapping(path = "/consultations/{id}/video", produces = "application/json")
    @PreAuthorize(CLINICAL)
    @ResponseBody
    Map<String, Object> videoConfig(@PathVariable UUID id, Authentication auth) {
        Actor who = Actor.of(auth);
        Consultation c = consultations.view(id, who);
        JitsiRooms.Participant p = who.username().equals(c.doctorUsername()) ? JitsiRooms.Participant.DOCTOR
                : who.username().equals(c.nurseUsername()) ? JitsiRooms.Participant.NURSE
                : JitsiRooms.Participant.GUEST;
        return videoConfig(c, p, who.username(), displayName(auth), "/ws/consultation/" + id + "/signal");
    }

    private Map<String, Object> videoConfig(Consultation c, JitsiRooms.Participant p, String userId, String name,
                                            String signalPath) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (jitsi.enabled()) {
            config.put("mode", "jitsi");
            config.put("jitsi", jitsi.pageConfig(c, p, userId, name,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        } else {
            config.put("mode", "webrtc");
            config.put("iceServers", video.webrtc().iceServers());
            config.put("signal", signalPath);
        }
        return config;
    }

    @GetMapping("/public/consultation/join/{token}")
    String join(@PathVariable String token, HttpServletRequest request) {
        var pass = invitations.redeem(token);
        if (pass.isEmpty()) return "consultation/invalid-link";
        // A fresh session id for the guest pass, like a sign-in.
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        GuestPasses.add(session, pass.get());
        return "redirect:/public/consultation/" + pass.get().consultationId() + "/room";
    }

    @GetMapping("/public/consultation/{id}/room")
    String guestRoom(@PathVariable UUID id, HttpSession session, Model model) {
        var pass = GuestPasses.of(session).get(id);
        if (pass == null) throw new NotFoundException("Encounter", id);
        Consultation c = consultations.view(id, new Actor("guest:" + pass.displayName(), "GUEST"), true);
        model.addAttribute("c", c);
        model.addAttribute("pass", pass);
        // Read-only live panel for an invited specialist; the socket refuses the other roles too.
        model.addAttribute("showLive", pass.role().seesClinicalData() && c.stationId() != null
                && (c.status() == ConsultationStatus.IN_PROGRESS || c.status() == ConsultationStatus.INTERRUPTED));
        // The clinical media too, while the examination is in progress (the socket's rule:
        // MediaSignallingHandlers.ClinicalMediaViewers).
        model.addAttribute("showMedia", pass.role().seesClinicalData() && c.stationId() != null
                && c.status() == ConsultationStatus.IN_PROGRESS);
        return "consultation/guest";
    }

    @GetMapping(path = "/public/consultation/{id}/video", produces = "application/json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> guestVideo(@PathVariable UUID id, HttpSession session) {
        var pass = GuestPasses.of(session).get(id);
        if (pass == null) throw new NotFoundException("Encounter", id);
        Consultation c = consultations.view(id, new Actor("guest:" + pass.displayName(), "GUEST"), true);
        return ResponseEntity.ok(videoConfig(c, JitsiRooms.Participant.GUEST,
                "guest-" + pass.role().name().toLowerCase(), pass.displayName(),
                "/public/consultation/" + id + "/signal"));
    }

    private String displayName(Authentication auth) {
        return accounts.findByUsername(auth.getName()).map(a -> a.displayName()).orElse(auth.getName());
    }
}
