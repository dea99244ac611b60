package org.telestation.server.consultation;

import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.telestation.server.expertise.EcgFiles;

/**
 * What a doctor judges a non-scalar draft by: the still or the stethoscope clip with its own content type (a byte
 * range for the audio player's seeking comes with {@link Resource}), and the ECG as the viewer draws it. The service
 * lets only the consultation's participants read, and audits every read.
 */
@Controller
class ObservationMediaController {
    private final ObservationService observations;

    ObservationMediaController(ObservationService observations) {
        this.observations = observations;
    }

    @GetMapping("/consultations/{id}/observations/{observationId}/content")
    @PreAuthorize(ConsultationController.CLINICAL)
    ResponseEntity<Resource> content(@PathVariable UUID id, @PathVariable UUID observationId, Authentication auth) {
        ObservationService.Content c = observations.content(id, observationId, Actor.of(auth));
        MediaType type = MediaType.parseMediaType(c.contentType());
        String extension = switch (c.contentType()) {
            case MediaDrafts.JPEG -> ".jpg";
            case MediaDrafts.PNG -> ".png";
            case MediaDrafts.WAV -> ".wav";
            default -> ".dcm";
        };
        ContentDisposition disposition = (MediaDrafts.DICOM.equals(c.contentType()) ? ContentDisposition.attachment()
                : ContentDisposition.inline()).filename(observationId + extension).build();
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(new ByteArrayResource(c.bytes()));
    }

    @GetMapping(path = "/consultations/{id}/observations/{observationId}/ecg", produces = "application/json")
    @PreAuthorize(ConsultationController.CLINICAL)
    @ResponseBody
    EcgFiles.View ecg(@PathVariable UUID id, @PathVariable UUID observationId, Authentication auth) {
        return observations.ecg(id, observationId, Actor.of(auth));
    }
}
