package org.telestation.server.expertise;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.telestation.server.directory.Professional.Speciality;

/**
 * {@code telestation.expertise.*}: deadlines per speciality, reminder thresholds, whether asking for information pauses
 * the clock, and the amounts of the acts (standards.md §6.3: amounts are configuration, not code).
 *
 * @param defaultDeadline   deadline for a speciality not listed in {@code deadlines}
 * @param deadlines         deadline per speciality (CARDIOLOGIE: 48h…)
 * @param urgentDeadline    deadline of an urgent request, whatever the speciality
 * @param reminders         how long before the deadline the expert is reminded (24h, 4h)
 * @param pauseOnInfoRequest whether the clock stops while the requester is asked for more information
 * @param specialities      the specialities a request may be addressed to
 * @param rqdCents          RQD amount billed by the requester, in cents
 * @param te2Cents          TE2 amount billed by the expert, in cents
 * @param maxAttachmentBytes largest accepted attachment
 */
@ConfigurationProperties("telestation.expertise")
public record ExpertiseProperties(Duration defaultDeadline, Map<Speciality, Duration> deadlines, Duration urgentDeadline,
                                  List<Duration> reminders, boolean pauseOnInfoRequest, List<Speciality> specialities,
                                  int rqdCents, int te2Cents, long maxAttachmentBytes) {

    public ExpertiseProperties {
        defaultDeadline = defaultDeadline == null ? Duration.ofHours(48) : defaultDeadline;
        deadlines = deadlines == null ? Map.of() : Map.copyOf(deadlines);
        urgentDeadline = urgentDeadline == null ? Duration.ofHours(4) : urgentDeadline;
        reminders = reminders == null ? List.of(Duration.ofHours(24), Duration.ofHours(4))
                : reminders.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        specialities = specialities == null || specialities.isEmpty()
                ? List.of(Speciality.CARDIOLOGIE, Speciality.OPHTALMOLOGIE, Speciality.DERMATOLOGIE,
                        Speciality.NEPHROLOGIE, Speciality.ENDOCRINOLOGIE, Speciality.GYNECOLOGIE)
                : List.copyOf(specialities);
        maxAttachmentBytes = maxAttachmentBytes <= 0 ? 50L * 1024 * 1024 : maxAttachmentBytes;
    }

    /** The time an expert has to answer a request of this speciality and urgency. */
    public Duration deadline(Speciality speciality, ExpertiseRequest.Urgency urgency) {
        if (urgency == ExpertiseRequest.Urgency.URGENT) {
            return urgentDeadline;
        }
        return deadlines.getOrDefault(speciality, defaultDeadline);
    }
}
