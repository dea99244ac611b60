package org.telestation.server.expertise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.telestation.server.directory.Professional.Speciality;

/**
 * Tele-expertise API ({@code /api/expertise}). Roles are checked here; the circle (who may request, who may answer) is
 * checked by {@link ExpertiseService} at every call and refused with 403 {@code not-in-circle}.
 */
@RestController
@RequestMapping("/api/expertise")
@PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST','COORDINATOR','ADMIN')")
class ExpertiseApiController {

    private final ExpertiseService service;
    private final ExpertiseStats stats;
    private final CircleGuard guard;
    private final Clock clock;

    ExpertiseApiController(ExpertiseService service, ExpertiseStats stats, CircleGuard guard, Clock clock) {
        this.service = service;
        this.stats = stats;
        this.guard = guard;
        this.clock = clock;
    }

    /** Multipart: the fields of {@link ExpertiseService.Draft} and {@code files} (several allowed). */
    @PostMapping("/requests")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    ResponseEntity<Map<String, Object>> create(Authentication auth, @RequestParam(required = false) UUID patientId,
                                               @RequestParam(required = false) ExpertiseRequest.Kind kind,
                                               @RequestParam(required = false) Speciality speciality,
                                               @RequestParam(required = false) UUID requesterId,
                                               @RequestParam(required = false) UUID expertId,
                                               @RequestParam(required = false) String question,
                                               @RequestParam(required = false) ExpertiseRequest.Urgency urgency,
                                               @RequestParam(defaultValue = "false") boolean consent,
                                               @RequestParam(required = false) List<MultipartFile> files,
                                               @RequestParam(required = false) List<Attachment.Eye> eyes) {
        ExpertiseRequest r = service.create(guard.actor(auth), new ExpertiseService.Draft(patientId, kind, speciality,
                requesterId, expertId, question, urgency, consent, uploads(files), eyes));
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/expertise/requests/" + r.id())
                .body(Map.of("id", r.id(), "state", r.state(), "dueAt", r.dueAt()));
    }

    static List<ExpertiseService.Upload> uploads(List<MultipartFile> files) {
        List<ExpertiseService.Upload> out = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                try {
                    out.add(new ExpertiseService.Upload(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    @GetMapping("/requests/{id}")
    ExpertiseService.Detail get(Authentication auth, @PathVariable UUID id) {
        return service.detail(guard.actor(auth), id);
    }

    @GetMapping("/requests/{id}/acts")
    List<ExpertiseService.Act> acts(Authentication auth, @PathVariable UUID id) {
        return service.acts(guard.actor(auth), id);
    }

    @GetMapping("/inbox")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    List<ExpertiseService.InboxRow> inbox(Authentication auth, @RequestParam(required = false) Speciality speciality,
                                          @RequestParam(required = false) ExpertiseRequest.State state) {
        return service.inbox(guard.actor(auth), speciality, state);
    }

    @GetMapping("/sent")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    List<ExpertiseService.InboxRow> sent(Authentication auth) {
        return service.sent(guard.actor(auth));
    }

    record Message(String message) {}

    @PostMapping("/requests/{id}/info-request")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    Map<String, Object> askForInformation(Authentication auth, @PathVariable UUID id, @RequestBody Message body) {
        ExpertiseRequest r = service.askForInformation(guard.actor(auth), id, body.message());
        return Map.of("id", r.id(), "state", r.state());
    }

    @PostMapping("/requests/{id}/info-reply")
    @PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST')")
    Map<String, Object> provideInformation(Authentication auth, @PathVariable UUID id, @RequestBody Message body) {
        ExpertiseRequest r = service.provideInformation(guard.actor(auth), id, body.message(), List.of());
        return Map.of("id", r.id(), "state", r.state(), "dueAt", r.dueAt());
    }

    @PostMapping("/requests/{id}/answer")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    Answer answer(Authentication auth, @PathVariable UUID id, @RequestBody Answer.Draft body) {
        return service.answer(guard.actor(auth), id, body);
    }

    record Reassignment(UUID expertId) {}

    @PostMapping("/requests/{id}/reassign")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    Map<String, Object> reassign(Authentication auth, @PathVariable UUID id, @RequestBody Reassignment body) {
        ExpertiseRequest r = service.reassign(guard.actor(auth), id, body.expertId());
        return Map.of("id", r.id(), "state", r.state(), "expertId", r.expertId(), "dueAt", r.dueAt());
    }

    @GetMapping("/supervision")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    List<ExpertiseService.InboxRow> supervision() {
        return service.supervision();
    }

    /** Response times per speciality over requests made in the last {@code days} days (default 365). */
    @GetMapping("/stats")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN')")
    List<ExpertiseStats.Row> stats(@RequestParam(defaultValue = "365") int days) {
        Instant now = clock.instant();
        return stats.perSpeciality(now.minus(Duration.ofDays(Math.max(1, Math.min(days, 3660)))),
                now.plusSeconds(1));
    }

    @GetMapping("/attachments/{id}/ecg")
    EcgFiles.View ecg(Authentication auth, @PathVariable UUID id) {
        return service.ecg(guard.actor(auth), id);
    }

    @GetMapping("/attachments/{id}/content")
    ResponseEntity<byte[]> content(Authentication auth, @PathVariable UUID id) {
        Actor actor = guard.actor(auth);
        Attachment a = service.attachment(actor, id);
        byte[] bytes = service.content(actor, id).content();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(a.contentType()))
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                .body(bytes);
    }
}
