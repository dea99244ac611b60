package org.telestation.server.platform;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The db-scheduler instance (persisted timers: reminders, deadlines). It replaces the starter's own {@code Scheduler}
 * bean for one reason: db-scheduler reads time from its own {@code com.github.kagkarlsson.scheduler.Clock}, which the
 * starter cannot set, and every timer must follow the injected {@link Clock} so tests can move time (design.md §6).
 * The starter still starts the scheduler when the context is ready and reads {@code db-scheduler.*} properties.
 *
 * <p>The data source is transaction-aware: a task scheduled inside a {@code @Transactional} method is written in that
 * transaction, so a rolled-back booking leaves no reminder behind.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfig {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Clock clock, DbSchedulerProperties properties) {
        DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy
                ? dataSource : new TransactionAwareDataSourceProxy(dataSource);
        // startTasks() registers its tasks as known tasks too: give each task to the builder once, or it refuses the
        // duplicate (CustomTask and recurring tasks are OnStartup).
        List<Task<?>> startupTasks = tasks.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> otherTasks = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        SchedulerBuilder builder = new ClockedBuilder(transactional, otherTasks, clock::instant)
                .threads(properties.getThreads())
                .pollingInterval(properties.getPollingInterval())
                .heartbeatInterval(properties.getHeartbeatInterval())
                .tableName(properties.getTableName())
                .deleteUnresolvedAfter(properties.getDeleteUnresolvedAfter())
                .shutdownMaxWait(properties.getShutdownMaxWait())
                .failureLogging(properties.getFailureLoggerLevel(), properties.isFailureLoggerLogStackTrace());
        if (properties.getPollingStrategy() == PollingStrategyConfig.Type.LOCK_AND_FETCH) {
            builder.pollUsingLockAndFetch(properties.getPollingStrategyLowerLimitFractionOfThreads(),
                    properties.getPollingStrategyUpperLimitFractionOfThreads());
        }
        if (properties.getSchedulerName() != null && !properties.getSchedulerName().isBlank()) {
            builder.schedulerName(new SchedulerName.Fixed(properties.getSchedulerName()));
        }
        if (properties.isImmediateExecutionEnabled()) {
            builder.enableImmediateExecution();
        }
        startupTasks.forEach(task -> builder.startTasks(List.of(castStartup(task))));
        return builder.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T extends Task<?> & OnStartup> T castStartup(Task<?> task) {
        return (T) (Task) task;
    }

    /** SchedulerBuilder keeps its clock in a protected field without a setter. */
    private static final class ClockedBuilder extends SchedulerBuilder {
        ClockedBuilder(DataSource dataSource, List<Task<?>> tasks, com.github.kagkarlsson.scheduler.Clock clock) {
            super(dataSource, tasks);
            this.clock = clock;
        }
    }
}
