package org.telestation.server.directory;

import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the directory: reads for every professional role, writes for coordinators and administrators. */
@RestController
@RequestMapping("/api/directory")
@PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
class DirectoryApiController {

    private final ProfessionalService professionals;
    private final SiteService sites;
    private final StationService stations;
    private final CircleService circle;

    DirectoryApiController(ProfessionalService professionals, SiteService sites, StationService stations,
                           CircleService circle) {
        this.professionals = professionals;
        this.sites = sites;
        this.stations = stations;
        this.circle = circle;
    }

    static final String STAFF = "hasAnyRole('NURSE','GP','SPECIALIST','COORDINATOR','ADMIN')";

    @GetMapping("/professionals")
    @PreAuthorize(STAFF)
    List<Professional> professionals() {
        return professionals.list();
    }

    @GetMapping("/professionals/{id}")
    @PreAuthorize(STAFF)
    Professional professional(@PathVariable UUID id) {
        return professionals.get(id);
    }

    @PostMapping("/professionals")
    @ResponseStatus(HttpStatus.CREATED)
    Professional createProfessional(@RequestBody Professional.Draft draft) {
        return professionals.create(draft);
    }

    @GetMapping("/sites")
    @PreAuthorize(STAFF)
    List<Site> sites() {
        return sites.list();
    }

    @GetMapping("/sites/{id}")
    @PreAuthorize(STAFF)
    Site site(@PathVariable UUID id) {
        return sites.get(id);
    }

    @PostMapping("/sites")
    @ResponseStatus(HttpStatus.CREATED)
    Site createSite(@RequestBody Site.Draft draft) {
        return sites.create(draft);
    }

    @GetMapping("/stations")
    @PreAuthorize(STAFF)
    List<Station> stations() {
        return stations.list();
    }

    /** Creates a station; the answer carries the one-time enrolment code, never shown again. */
    @PostMapping("/stations")
    @ResponseStatus(HttpStatus.CREATED)
    Station.WithEnrolmentCode createStation(@RequestBody Station.Draft draft) {
        return stations.create(draft);
    }

    record EnrolmentCode(String enrolmentCode) {}

    @PostMapping("/stations/{id}/enrolment-code")
    EnrolmentCode newEnrolmentCode(@PathVariable UUID id) {
        return new EnrolmentCode(stations.issueEnrolmentCode(id));
    }

    @PostMapping("/stations/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeStation(@PathVariable UUID id) {
        stations.revoke(id);
    }

    @GetMapping("/circle")
    @PreAuthorize(STAFF)
    List<CircleMembership.Entry> members() {
        return circle.activeMembers();
    }

    @GetMapping("/circle/history")
    List<CircleMembership.Entry> history() {
        return circle.history();
    }

    record Grant(UUID professionalId, CircleMembership.CircleRole role) {}

    @PostMapping("/circle")
    @ResponseStatus(HttpStatus.CREATED)
    CircleMembership.Entry grant(@RequestBody Grant grant, Principal who) {
        if (grant.professionalId() == null) {
            throw org.telestation.server.platform.ValidationException.of("professionalId", "validation.required");
        }
        return circle.grant(grant.professionalId(), grant.role(), who.getName());
    }

    @DeleteMapping("/circle/{professionalId}")
    CircleMembership.Entry revoke(@PathVariable UUID professionalId, Principal who) {
        return circle.revoke(professionalId, who.getName());
    }
}
