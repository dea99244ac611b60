package org.telestation.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.directory.Site;
import org.telestation.server.directory.SiteService;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.ValidationException;
import org.telestation.server.security.Role;

/**
 * Retinography programme (product.md workflow 5): a rotation of 3 months per health centre, a GP registers a diabetic
 * patient, the assistant's images create the reading request automatically, an abnormal reading proposes an
 * appointment, and the indicators count screened and referred patients.
 */
class RetinographyProgrammeTest extends ExpertiseTestBase {

    /** The smallest valid PNG signature plus padding: the server checks the signature, not the pixels. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    @Test
    void rotationRegistrationCaptureReadingAndReferral() {
        SiteService sites = context.getBean(SiteService.class);
        RetinographyProgramme programme = context.getBean(RetinographyProgramme.class);
        List<UUID> centres = List.of("Centre de santé A", "Centre de santé B", "Centre de santé C").stream()
                .map(n -> sites.create(new Site.Draft(n + " " + UUID.randomUUID(), Site.Kind.HEALTH_CENTRE, null, null,
                        "Saint-Dizier", null, null, null, null)).id())
                .toList();
        UUID retinograph = programme.addRetinograph("Rétinographe portable " + UUID.randomUUID());
        List<RetinographyProgramme.Rotation> plan = programme.planRotation(retinograph, centres,
                LocalDate.of(2027, 1, 1), 3);
        assertThat(plan).extracting(RetinographyProgramme.Rotation::startsOn)
                .containsExactly(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 1), LocalDate.of(2027, 7, 1));
        assertThat(plan.get(2).endsOn()).isEqualTo(LocalDate.of(2027, 9, 30));
        assertThat(programme.stayOn(retinograph, LocalDate.of(2027, 5, 15))).get()
                .extracting(RetinographyProgramme.Rotation::siteId).isEqualTo(centres.get(1));
        assertThatThrownBy(() -> programme.planRotation(retinograph, centres.subList(0, 1), LocalDate.of(2027, 9, 1), 3))
                .isInstanceOf(ConflictException.class);

        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor assistant = fixtures.professional("assist", Role.NURSE, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor ophthalmologist = fixtures.professional("ophtalmo", Role.SPECIALIST, Speciality.OPHTALMOLOGIE,
                CircleRole.EXPERT);
        UUID patient = fixtures.patient();
        RetinographyProgramme.Enrolment e = programme.register(gp, plan.get(0).id(), patient);
        assertThat(e.state()).isEqualTo("REGISTERED");
        assertThatThrownBy(() -> programme.register(gp, plan.get(0).id(), patient)).isInstanceOf(ConflictException.class);

        assertThatThrownBy(() -> programme.capture(assistant, e.id(), List.of(upload("od.png")),
                List.of(Attachment.Eye.RIGHT))).isInstanceOf(ValidationException.class);
        ExpertiseRequest r = programme.capture(assistant, e.id(), List.of(upload("od-1.png"), upload("og-1.png"),
                upload("od-2.png"), upload("og-2.png")), List.of(Attachment.Eye.RIGHT, Attachment.Eye.LEFT,
                Attachment.Eye.RIGHT, Attachment.Eye.LEFT));
        assertThat(r.kind()).isEqualTo(ExpertiseRequest.Kind.RETINOGRAPHY);
        assertThat(r.speciality()).isEqualTo(Speciality.OPHTALMOLOGIE);
        assertThat(r.requesterId()).as("read in the registering GP's name").isEqualTo(gp.professionalId());
        assertThat(r.dueAt()).isEqualTo(r.requestedAt().plus(Duration.ofDays(7)));
        assertThat(programme.enrolment(e.id()).requestId()).isEqualTo(r.id());

        ExpertiseService.Detail seen = service.detail(ophthalmologist, r.id());
        assertThat(seen.attachments()).extracting(Attachment::eye).containsExactly(Attachment.Eye.RIGHT,
                Attachment.Eye.LEFT, Attachment.Eye.RIGHT, Attachment.Eye.LEFT);
        Answer answer = service.answer(ophthalmologist, r.id(), new Answer.Draft(Answer.Form.RETINOGRAPHY, null, null,
                "Avis ophtalmologique", false, Answer.Icdr.R0, Answer.Icdr.R2, false, false, 6, false, null));
        assertThat(answer.abnormal()).isTrue();
        assertThat(answer.appointmentProposed()).as("an abnormal reading proposes an appointment").isTrue();
        assertThat(service.detail(gp, r.id()).answer()).get().extracting(Answer::gradeRight).isEqualTo(Answer.Icdr.R2);

        RetinographyProgramme.Indicators indicators = programme.indicators(LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 3, 31));
        assertThat(indicators.registered()).isGreaterThanOrEqualTo(1);
        assertThat(indicators.read()).isGreaterThanOrEqualTo(1);
        assertThat(indicators.referred()).isGreaterThanOrEqualTo(1);
    }

    static ExpertiseService.Upload upload(String name) {
        return new ExpertiseService.Upload(name, "image/png", PNG);
    }
}
