package org.telestation.server.patients;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON API for patient identities; every professional role; every access audited by {@link PatientService}. */
@RestController
@RequestMapping("/api/patients")
@PreAuthorize("hasAnyRole('NURSE','GP','SPECIALIST','COORDINATOR','ADMIN')")
class PatientApiController {

    private final PatientService patients;

    PatientApiController(PatientService patients) {
        this.patients = patients;
    }

    @GetMapping
    List<Patient> search(@RequestParam(defaultValue = "") String q,
                         @RequestParam(defaultValue = "50") int limit) {
        return patients.search(q, limit);
    }

    @GetMapping("/{id}")
    Patient get(@PathVariable UUID id) {
        return patients.get(id);
    }

    /** Likely duplicates for these identity traits (accent- and case-insensitive). */
    @GetMapping("/duplicates")
    List<Patient> duplicates(@RequestParam String birthFamilyName,
                             @RequestParam(required = false) String firstGivenName,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate) {
        return patients.findByTraits(birthFamilyName, firstGivenName, birthDate);
    }

    /**
     * Creates an identity. When patients with the same traits exist the answer is 409 with their ids, unless the
     * caller looked at them and says so with {@code acknowledgeDuplicates=true}.
     */
    @PostMapping
    ResponseEntity<?> create(@RequestBody PatientForm form,
                             @RequestParam(defaultValue = "false") boolean acknowledgeDuplicates) {
        if (!acknowledgeDuplicates) {
            List<Patient> twins = patients.findByTraits(form.birthFamilyName(), form.firstGivenName(),
                    form.birthDate());
            if (!twins.isEmpty()) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "Patients with the same identity traits exist; check them, then retry with acknowledgeDuplicates=true");
                problem.setType(URI.create("https://telestation.org/problems/possible-duplicate"));
                problem.setProperty("code", "patients.duplicates.found");
                problem.setProperty("duplicates", twins.stream().map(p -> Map.of("id", p.id())).toList());
                return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(problem);
            }
        }
        Patient created = patients.create(form.toPatient());
        return ResponseEntity.created(URI.create("/api/patients/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Patient update(@PathVariable UUID id, @RequestBody PatientForm form) {
        return patients.update(id, form.toPatient());
    }
}
