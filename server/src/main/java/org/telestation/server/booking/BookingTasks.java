package org.telestation.server.booking;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Persisted timers (db-scheduler, table {@code scheduled_tasks}): they survive restarts and run on one server of a
 * cluster. The task instance id is the appointment id, so scheduling twice is impossible and cancelling is direct.
 */
@Configuration(proxyBeanMethods = false)
class BookingTasks {

    static final String CONFIRMATION = "booking-confirmation";
    static final String REMINDER = "booking-reminder";

    /** Data: the cancellation code, held only until the confirmation is sent (the database keeps its hash). */
    @Bean
    OneTimeTask<String> bookingConfirmationTask(BookingNotifier notifier) {
        return Tasks.oneTime(CONFIRMATION, String.class)
                .execute((instance, context) -> notifier.sendConfirmation(UUID.fromString(instance.getId()),
                        instance.getData()));
    }

    @Bean
    OneTimeTask<Void> bookingReminderTask(BookingNotifier notifier) {
        return Tasks.oneTime(REMINDER)
                .execute((instance, context) -> notifier.sendReminder(UUID.fromString(instance.getId())));
    }
}
