package org.telestation.server.booking;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The appointments panel of the patient file, loaded by htmx into the placeholder the patients screen leaves. */
@Controller
class PatientAppointmentsController {

    private final BookingService booking;

    PatientAppointmentsController(BookingService booking) {
        this.booking = booking;
    }

    @GetMapping("/patients/{id}/appointments")
    @PreAuthorize("hasAnyRole('COORDINATOR','ADMIN','NURSE','GP')")
    String appointments(@PathVariable UUID id, Model model) {
        model.addAttribute("appointments", booking.ofPatient(id));
        return "booking/patient-appointments :: appointments";
    }
}
