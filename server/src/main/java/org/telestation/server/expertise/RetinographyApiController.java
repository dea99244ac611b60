package org.telestation.server.expertise;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.telestation.server.platform.NotFoundException;

/** The retinography programme API ({@code /api/expertise/retinography}). */
@RestController
@RequestMapping("/api/expertise/retinography")
@PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST','COORDINATOR','ADMIN')")
class RetinographyApiController {

    private final RetinographyProgramme programme;
    private final CircleGuard guard;

    RetinographyApiController(RetinographyProgramme programme, CircleGuard guard) {
        this.programme = programme;
        this.guard = guard;
    }

    record NewRetinograph(String name) {}

    @PostMapping("/retinographs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    Map<String, UUID> addRetinograph(@RequestBody NewRetinograph body) {
        return Map.of("id", programme.addRetinograph(body.name()));
    }

    record Plan(List<UUID> siteIds, LocalDate start, Integer monthsEach) {}

    @PostMapping("/retinographs/{id}/rotations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    List<RetinographyProgramme.Rotation> plan(@PathVariable UUID id, @RequestBody Plan body) {
        return programme.planRotation(id, body.siteIds(), body.start(), body.monthsEach() == null ? 3
                : body.monthsEach());
    }

    @GetMapping("/retinographs/{id}/stay")
    RetinographyProgramme.Rotation stay(@PathVariable UUID id,
                                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return programme.stayOn(id, date).orElseThrow(() -> new NotFoundException("RetinographStay", id));
    }

    record Registration(UUID rotationId, UUID patientId) {}

    @PostMapping("/enrolments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('NURSE','GP')")
    RetinographyProgramme.Enrolment register(Authentication auth, @RequestBody Registration body) {
        return programme.register(guard.actor(auth), body.rotationId(), body.patientId());
    }

    /** Multipart: {@code files} (JPEG/PNG) and {@code eyes} (LEFT/RIGHT, one per file, in the same order). */
    @PostMapping("/enrolments/{id}/images")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('NURSE','GP')")
    Map<String, Object> capture(Authentication auth, @PathVariable UUID id,
                                @RequestParam(required = false) List<MultipartFile> files,
                                @RequestParam(required = false) List<Attachment.Eye> eyes) {
        ExpertiseRequest r = programme.capture(guard.actor(auth), id, ExpertiseApiController.uploads(files), eyes);
        return Map.of("requestId", r.id(), "dueAt", r.dueAt());
    }

    @GetMapping("/indicators")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    RetinographyProgramme.Indicators indicators(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return programme.indicators(from == null ? LocalDate.of(2000, 1, 1) : from,
                to == null ? LocalDate.of(2999, 12, 31) : to);
    }
}
