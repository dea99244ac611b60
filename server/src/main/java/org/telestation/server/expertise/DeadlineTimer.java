package org.telestation.server.expertise;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.AbstractTask;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.SchedulableTaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline clock of each open request, as one persisted db-scheduler timer per request (task
 * {@value #TASK}, instance = request id, table {@code scheduled_tasks}): it survives restarts and runs on one server of
 * a cluster. Each firing sends the reminder that is due (24 h, 4 h before the deadline by default), escalates at the
 * deadline, and re-arms itself for the next checkpoint. Sending is guarded by {@code expertise_reminder}'s primary key,
 * so a timer that runs twice (crash after the mail, two servers) never reminds twice. Time comes from the injected
 * {@link Clock}, which db-scheduler shares (platform.SchedulerConfig).
 */
@Component
class DeadlineTimer {

    static final String TASK = "expertise-deadline";
    private static final Logger log = LoggerFactory.getLogger(DeadlineTimer.class);

    private final ExpertiseStore store;
    private final ExpertiseNotifier notifier;
    private final ExpertiseProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ObjectProvider<SchedulerClient> scheduler;

    DeadlineTimer(ExpertiseStore store, ExpertiseNotifier notifier, ExpertiseProperties properties, Clock clock,
                  TransactionTemplate tx, ObjectProvider<SchedulerClient> scheduler) {
        this.store = store;
        this.notifier = notifier;
        this.properties = properties;
        this.clock = clock;
        this.tx = tx;
        this.scheduler = scheduler;
    }

    /**
     * The task type. A plain {@link AbstractTask} rather than db-scheduler's CustomTask: CustomTask is also an
     * OnStartup task, which the shared scheduler configuration would register a second time.
     */
    static final class Task extends AbstractTask<Void> {
        private final ObjectProvider<DeadlineTimer> timer;

        Task(ObjectProvider<DeadlineTimer> timer) {
            super(TASK, Void.class, new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(5)),
                    new DeadExecutionHandler.ReviveDeadExecution<>());
            this.timer = timer;
        }

        @Override
        public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
            Instant next = timer.getObject().fire(UUID.fromString(instance.getId()));
            return next == null ? new CompletionHandler.OnCompleteRemove<>()
                    : (complete, operations) -> operations.reschedule(complete, next);
        }

        @Override
        public SchedulableInstance<Void> schedulableInstance(String id) {
            return new SchedulableTaskInstance<>(instance(id), (Instant) null);
        }

        @Override
        public SchedulableInstance<Void> schedulableInstance(String id, Void data) {
            return schedulableInstance(id);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TaskConfig {
        @Bean
        Task expertiseDeadlineTask(ObjectProvider<DeadlineTimer> timer) {
            return new Task(timer);
        }
    }

    /** (Re)starts the timer of a request for its next checkpoint; call inside the transaction that changed it. */
    void arm(ExpertiseRequest r) {
        Instant next = nextCheckpoint(r, clock.instant());
        SchedulerClient client = scheduler.getObject();
        TaskInstanceId id = TaskInstanceId.of(TASK, r.id().toString());
        if (client.getScheduledExecution(id).isPresent()) {
            client.cancel(id);
        }
        if (next != null) {
            client.schedule(new TaskInstance<Void>(TASK, r.id().toString()), next);
        }
    }

    /** Stops the timer (answered, cancelled, clock paused). */
    void disarm(UUID requestId) {
        SchedulerClient client = scheduler.getObject();
        TaskInstanceId id = TaskInstanceId.of(TASK, requestId.toString());
        if (client.getScheduledExecution(id).isPresent()) {
            client.cancel(id);
        }
    }

    /** One firing: remind or escalate as due now, then tell when to fire next (null: the timer ends). */
    Instant fire(UUID requestId) {
        return tx.execute(status -> {
            ExpertiseRequest r = store.lock(requestId).orElse(null);
            if (r == null || !running(r)) {
                return null;
            }
            Instant now = clock.instant();
            if (!now.isBefore(r.dueAt())) {
                escalate(r, now);
                return null;
            }
            remindIfDue(r, now);
            return nextCheckpoint(r, now);
        });
    }

    private static boolean running(ExpertiseRequest r) {
        return (r.state() == ExpertiseRequest.State.REQUESTED || r.state() == ExpertiseRequest.State.INFO_REQUESTED)
                && r.pausedAt() == null;
    }

    /**
     * Sends the most urgent reminder whose time has come and that was not sent for this deadline; earlier thresholds
     * passed at the same time (server down, clock jump) are recorded as superseded rather than sent late.
     */
    private void remindIfDue(ExpertiseRequest r, Instant now) {
        List<Duration> passed = new ArrayList<>();
        for (Duration before : properties.reminders()) { // longest first
            Instant at = r.dueAt().minus(before);
            if (!at.isAfter(now) && at.isAfter(r.requestedAt())) {
                passed.add(before);
            }
        }
        for (int i = 0; i < passed.size(); i++) {
            boolean last = i == passed.size() - 1;
            int inserted = store.jdbc().sql("""
                    insert into expertise_reminder(request_id, deadline_version, threshold, recorded_at, sent)
                    values (:r, :v, :t, :now, :sent) on conflict do nothing""")
                    .param("r", r.id()).param("v", r.deadlineVersion()).param("t", passed.get(i).toString())
                    .param("now", ExpertiseStore.ts(now)).param("sent", last).update();
            if (inserted == 1 && last) {
                store.event(r.id(), now, Actor.SCHEDULER.username(), ExpertiseEvent.Kind.REMINDER_SENT,
                        passed.get(i).toString());
                notifier.reminder(r, passed.get(i));
                log.info("Expertise request {}: reminder {} before the deadline", r.id(), passed.get(i));
            }
        }
    }

    private void escalate(ExpertiseRequest r, Instant now) {
        store.jdbc().sql("update expertise_request set state = 'ESCALATED', escalated_at = :now where id = :id")
                .param("now", ExpertiseStore.ts(now)).param("id", r.id()).update();
        store.event(r.id(), now, Actor.SCHEDULER.username(), ExpertiseEvent.Kind.ESCALATED, null);
        notifier.escalated(r);
        log.info("Expertise request {}: deadline passed, escalated to the coordinator", r.id());
    }

    /** The next reminder time after {@code now}, or the deadline; null when the clock is not running. */
    Instant nextCheckpoint(ExpertiseRequest r, Instant now) {
        if (!running(r)) {
            return null;
        }
        Instant next = r.dueAt();
        for (Duration before : properties.reminders()) {
            Instant at = r.dueAt().minus(before);
            if (at.isAfter(now) && at.isAfter(r.requestedAt()) && at.isBefore(next)) {
                next = at;
            }
        }
        return next.isBefore(now) ? now : next;
    }
}
