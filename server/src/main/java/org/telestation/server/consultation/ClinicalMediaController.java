package org.telestation.server.consultation;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The clinician's clinical-media view of a station: otoscope video, stethoscope sound, snapshot button. */
@Controller
class ClinicalMediaController {

    @GetMapping("/consultation/media/{stationId}")
    @PreAuthorize("hasAnyRole('GP','SPECIALIST')")
    String media(@PathVariable UUID stationId, Model model) {
        model.addAttribute("stationId", stationId);
        return "consultation/media";
    }
}
