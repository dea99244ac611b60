package org.telestation.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.telestation.server.directory.CircleMembership.CircleRole;
import org.telestation.server.directory.Professional.Speciality;
import org.telestation.server.security.Role;

/**
 * The deadline clock on a movable clock with the real db-scheduler and real SMTP: reminders at 24 h and 4 h before the
 * 48 h ECG deadline, escalation to the coordinator at 48 h, reassignment with a new deadline, pause while the
 * requester is asked for information. Every step is checked in the request's trace and in the mailbox.
 */
class ExpertiseDeadlineTest extends ExpertiseTestBase {

    @Test
    void remindersAtThresholdsThenEscalationThenReassignment() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor cardiologist = fixtures.professional("cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, CircleRole.EXPERT);
        Actor otherCardiologist = fixtures.professional("cardio2", Role.SPECIALIST, Speciality.CARDIOLOGIE,
                CircleRole.EXPERT);
        Actor coordinator = fixtures.coordinator();
        Instant created = CLOCK.instant();
        ExpertiseRequest r = service.create(gp, ExpertiseFixtures.ecgRequest(fixtures.patient()));
        assertThat(r.dueAt()).isEqualTo(created.plus(Duration.ofHours(48)));
        assertThat(awaitMailsAbout(email(cardiologist), r.id(), "nouvelle demande", 1)).hasSize(1);

        advance(Duration.ofHours(24).minusMinutes(1));
        settle();
        assertThat(mailsAbout(email(cardiologist), r.id(), "échéance dans")).as("no reminder before 24 h").isEmpty();

        advance(Duration.ofMinutes(1));
        assertThat(awaitMailsAbout(email(cardiologist), r.id(), "échéance dans 24 h", 1)).hasSize(1);
        assertThat(mailsAbout(email(otherCardiologist), r.id(), "échéance dans 24 h"))
                .as("the request went to the speciality pool: every cardiologist of the circle is reminded").hasSize(1);

        advance(Duration.ofHours(20));
        assertThat(awaitMailsAbout(email(cardiologist), r.id(), "échéance dans 4 h", 1)).hasSize(1);

        advance(Duration.ofHours(4));
        assertThat(awaitMailsAbout(email(coordinator), r.id(), "échéance dépassée", 1)).hasSize(1);
        ExpertiseService.Detail escalated = service.detail(coordinator, r.id());
        assertThat(escalated.request().state()).isEqualTo(ExpertiseRequest.State.ESCALATED);
        assertThat(escalated.mayReassign()).isTrue();

        settle();
        assertThat(mailsAbout(email(cardiologist), r.id(), "échéance dans 24 h")).hasSize(1);
        assertThat(mailsAbout(email(cardiologist), r.id(), "échéance dans 4 h")).hasSize(1);
        assertThat(mailsAbout(email(coordinator), r.id(), "échéance dépassée")).hasSize(1);

        Instant reassignedAt = CLOCK.instant();
        ExpertiseRequest reassigned = service.reassign(coordinator, r.id(), otherCardiologist.professionalId());
        assertThat(reassigned.state()).isEqualTo(ExpertiseRequest.State.REQUESTED);
        assertThat(reassigned.expertId()).isEqualTo(otherCardiologist.professionalId());
        assertThat(reassigned.dueAt()).isEqualTo(reassignedAt.plus(Duration.ofHours(48)));
        assertThat(awaitMailsAbout(email(otherCardiologist), r.id(), "nouvelle demande", 2)).hasSize(2);

        advance(Duration.ofHours(24));
        assertThat(awaitMailsAbout(email(otherCardiologist), r.id(), "échéance dans 24 h", 2))
                .as("the new deadline reminds the new expert").hasSize(2);
        assertThat(mailsAbout(email(cardiologist), r.id(), "échéance dans 24 h"))
                .as("the first expert no longer has it").hasSize(1);

        assertThat(service.detail(coordinator, r.id()).events()).extracting(ExpertiseEvent::kind).containsSubsequence(
                ExpertiseEvent.Kind.CREATED, ExpertiseEvent.Kind.REMINDER_SENT, ExpertiseEvent.Kind.REMINDER_SENT,
                ExpertiseEvent.Kind.ESCALATED, ExpertiseEvent.Kind.REASSIGNED, ExpertiseEvent.Kind.REMINDER_SENT);
    }

    @Test
    void askingForInformationPausesTheClockAndTheAnswerClosesIt() throws Exception {
        Actor gp = fixtures.professional("gp", Role.GP, Speciality.MEDECINE_GENERALE, CircleRole.REQUESTER);
        Actor cardiologist = fixtures.professional("cardio", Role.SPECIALIST, Speciality.CARDIOLOGIE, CircleRole.BOTH);
        ExpertiseRequest r = service.create(gp, ExpertiseFixtures.ecgRequest(fixtures.patient()));

        advance(Duration.ofHours(10));
        service.askForInformation(cardiologist, r.id(), "Antécédents familiaux de mort subite ?");
        assertThat(awaitMailsAbout(email(gp), r.id(), "complément", 1)).hasSize(1);

        advance(Duration.ofHours(30)); // past the 24 h threshold of the original deadline
        settle();
        assertThat(mailsAbout(email(cardiologist), r.id(), "échéance dans")).as("paused: no reminder").isEmpty();

        ExpertiseRequest resumed = service.provideInformation(gp, r.id(), "Aucun.", java.util.List.of());
        assertThat(resumed.state()).isEqualTo(ExpertiseRequest.State.REQUESTED);
        assertThat(resumed.dueAt()).isEqualTo(r.dueAt().plus(Duration.ofHours(30)));
        assertThat(resumed.timeLeft(CLOCK)).isEqualTo(Duration.ofHours(38));

        Answer answer = service.answer(cardiologist, r.id(), new Answer.Draft(Answer.Form.ECG,
                Answer.EcgConclusion.NORMAL, "Repolarisation précoce bénigne", "Apte", false, null, null, null, null,
                null, null, null));
        assertThat(answer.abnormal()).isFalse();
        assertThat(awaitMailsAbout(email(gp), r.id(), "réponse de l'expert", 1)).hasSize(1);
        assertThat(service.acts(gp, r.id())).extracting(ExpertiseService.Act::code, ExpertiseService.Act::amountCents)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RQD", 1000),
                        org.assertj.core.groups.Tuple.tuple("TE2", 2300));
        advance(Duration.ofHours(40));
        settle();
        assertThat(mailsAbout(email(cardiologist), r.id(), "échéance")).as("answered: the timer is gone").isEmpty();
    }
}
