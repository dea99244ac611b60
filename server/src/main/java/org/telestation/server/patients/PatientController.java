package org.telestation.server.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telestation.server.directory.ProfessionalService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.ValidationException;

/**
 * Patient screens: list and search ({@code /patients}), creation with the duplicate check, and the patient file
 * ({@code /patients/{id}}). The file page loads the appointments from {@code /patients/{id}/appointments} (served by
 * booking) into {@code #patient-appointments}.
 */
@Controller
@PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST','COORDINATOR','ADMIN')")
class PatientController {

    private final PatientService patients;
    private final ProfessionalService professionals;
    private final Clock clock;

    PatientController(PatientService patients, ProfessionalService professionals, Clock clock) {
        this.patients = patients;
        this.professionals = professionals;
        this.clock = clock;
    }

    @GetMapping("/patients")
    String list(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("patients", patients.search(q, 50));
        return "patients/list";
    }

    @GetMapping("/patients/new")
    String newPatient(Model model) {
        return form(model, PatientForm.empty(), List.of(), List.of());
    }

    @PostMapping("/patients")
    String create(@ModelAttribute PatientForm form,
                  @RequestParam(defaultValue = "false") boolean acknowledgeDuplicates, Model model) {
        if (!acknowledgeDuplicates) {
            List<Patient> twins = patients.findByTraits(form.birthFamilyName(), form.firstGivenName(),
                    form.birthDate());
            if (!twins.isEmpty()) {
                return form(model, form, List.of(), twins);
            }
        }
        try {
            Patient created = patients.create(form.toPatient());
            return "redirect:/patients/" + created.id();
        } catch (ValidationException e) {
            return form(model, form, e.problems(), List.of());
        } catch (ConflictException e) {
            return form(model, form, List.of(new ValidationException.FieldProblem("insMatricule", e.messageKey())),
                    List.of());
        }
    }

    @GetMapping("/patients/{id}")
    String file(@PathVariable UUID id, Model model) {
        Patient patient = patients.get(id);
        model.addAttribute("patient", patient);
        model.addAttribute("age", patient.ageOn(LocalDate.now(clock)));
        model.addAttribute("mt", patient.mtProfessionalId() == null ? null
                : professionals.find(patient.mtProfessionalId()).orElse(null));
        return "patients/file";
    }

    private String form(Model model, PatientForm form, List<ValidationException.FieldProblem> problems,
                        List<Patient> duplicates) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("duplicates", duplicates);
        model.addAttribute("statuses", Patient.IdentityStatus.values());
        model.addAttribute("documents", Patient.IdentityDocument.values());
        model.addAttribute("professionals", professionals.list());
        return "patients/form";
    }
}
