package org.telestation.server.directory;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.ValidationException;

/** Coordination screens: the CPTS circle ({@code /circle}), professionals, sites and stations ({@code /directory}). */
@Controller
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class DirectoryController {

    private final ProfessionalService professionals;
    private final SiteService sites;
    private final StationService stations;
    private final CircleService circle;

    DirectoryController(ProfessionalService professionals, SiteService sites, StationService stations,
                        CircleService circle) {
        this.professionals = professionals;
        this.sites = sites;
        this.stations = stations;
        this.circle = circle;
    }

    @GetMapping("/circle")
    String circle(Model model) {
        List<Professional> all = professionals.list();
        Map<UUID, Professional> byId = all.stream().collect(Collectors.toMap(Professional::id, Function.identity()));
        List<CircleMembership.Entry> members = circle.activeMembers();
        var memberIds = members.stream().map(CircleMembership.Entry::professionalId).collect(Collectors.toSet());
        model.addAttribute("members", members);
        model.addAttribute("history", circle.history());
        model.addAttribute("professionals", byId);
        model.addAttribute("candidates", all.stream().filter(p -> !memberIds.contains(p.id())).toList());
        model.addAttribute("roles", CircleMembership.CircleRole.values());
        return "directory/circle";
    }

    @PostMapping("/circle/grant")
    String grant(@RequestParam UUID professionalId, @RequestParam CircleMembership.CircleRole role, Principal who,
                 RedirectAttributes flash) {
        return circleChange(() -> circle.grant(professionalId, role, who.getName()), "directory.circle.granted", flash);
    }

    @PostMapping("/circle/{professionalId}/revoke")
    String revoke(@PathVariable UUID professionalId, Principal who, RedirectAttributes flash) {
        return circleChange(() -> circle.revoke(professionalId, who.getName()), "directory.circle.revoked", flash);
    }

    @GetMapping("/directory/professionals")
    String professionals(Model model) {
        model.addAttribute("professionals", professionals.list());
        model.addAttribute("professions", Professional.Profession.values());
        model.addAttribute("specialities", Professional.Speciality.values());
        return "directory/professionals";
    }

    @PostMapping("/directory/professionals")
    String createProfessional(@RequestParam(required = false) String rpps, @RequestParam String familyName,
                              @RequestParam String givenName, @RequestParam Professional.Profession profession,
                              @RequestParam(required = false) List<Professional.Speciality> specialities,
                              @RequestParam(required = false) String email,
                              @RequestParam(required = false) String practiceAddress, Model model,
                              RedirectAttributes flash) {
        return create(() -> professionals.create(new Professional.Draft(rpps, familyName, givenName, profession,
                        specialities == null ? List.of() : specialities, email, null, null, practiceAddress)),
                "directory.professional.created", "/directory/professionals", flash, model, this::professionals);
    }

    @GetMapping("/directory/sites")
    String sites(Model model) {
        model.addAttribute("sites", sites.list());
        model.addAttribute("kinds", Site.Kind.values());
        return "directory/sites";
    }

    @PostMapping("/directory/sites")
    String createSite(@RequestParam String name, @RequestParam Site.Kind kind,
                      @RequestParam(required = false) String addressLine,
                      @RequestParam(required = false) String postalCode, @RequestParam(required = false) String city,
                      @RequestParam(required = false) String onCallDoctor,
                      @RequestParam(required = false) String onCallPhone, Model model, RedirectAttributes flash) {
        return create(() -> sites.create(new Site.Draft(name, kind, addressLine, postalCode, city, null, onCallDoctor,
                        onCallPhone, null)),
                "directory.site.created", "/directory/sites", flash, model, this::sites);
    }

    @GetMapping("/directory/stations")
    String stations(Model model) {
        model.addAttribute("stations", stations.list());
        model.addAttribute("sites", sites.list().stream().collect(Collectors.toMap(Site::id, Function.identity())));
        model.addAttribute("kinds", Station.Kind.values());
        return "directory/stations";
    }

    @PostMapping("/directory/stations")
    String createStation(@RequestParam String code, @RequestParam String name, @RequestParam Station.Kind kind,
                         @RequestParam(required = false) UUID siteId, Model model) {
        try {
            Station.WithEnrolmentCode created = stations.create(new Station.Draft(code, name, kind, siteId));
            model.addAttribute("enrolment", created);
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("problems", problems(e));
        }
        return stations(model);
    }

    @PostMapping("/directory/stations/{id}/enrolment-code")
    String newEnrolmentCode(@PathVariable UUID id, Model model) {
        String code = stations.issueEnrolmentCode(id);
        model.addAttribute("enrolment", new Station.WithEnrolmentCode(stations.get(id), code));
        return stations(model);
    }

    @PostMapping("/directory/stations/{id}/revoke")
    String revokeStation(@PathVariable UUID id, RedirectAttributes flash) {
        stations.revoke(id);
        flash.addFlashAttribute("success", "directory.station.revoked");
        return "redirect:/directory/stations";
    }

    /**
     * Runs a creation from a form: on success, a flash message and a redirect to the list (so a reload does not post
     * again); on invalid or conflicting input, the list page again with the problems, nothing written.
     */
    private static String create(Runnable creation, String successKey, String listPath, RedirectAttributes flash,
                                 Model model, Function<Model, String> listPage) {
        try {
            creation.run();
            flash.addFlashAttribute("success", successKey);
            return "redirect:" + listPath;
        } catch (ValidationException | ConflictException e) {
            model.addAttribute("problems", problems(e));
            return listPage.apply(model);
        }
    }

    /** Runs a change of the circle and says on the circle page whether it was made or why not. */
    private static String circleChange(Runnable change, String successKey, RedirectAttributes flash) {
        try {
            change.run();
            flash.addFlashAttribute("success", successKey);
        } catch (ConflictException e) {
            flash.addFlashAttribute("failure", e.messageKey());
        }
        return "redirect:/circle";
    }

    private static List<String> problems(RuntimeException e) {
        if (e instanceof ValidationException v) {
            return v.problems().stream().map(ValidationException.FieldProblem::messageKey).toList();
        }
        return List.of(((ConflictException) e).messageKey());
    }

}
