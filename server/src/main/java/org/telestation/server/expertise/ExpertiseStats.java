package org.telestation.server.expertise;

import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Response times per speciality for the coordinator (product.md §2.7): answered requests, median and 90th percentile
 * of the time from request to answer, share answered within the deadline, and the requests still open or late.
 * Computed by PostgreSQL over requests made in [from, to).
 */
@Service
public class ExpertiseStats {

    private final JdbcClient jdbc;

    ExpertiseStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param answered          requests answered
     * @param medianHours       median request→answer time, hours (null when none answered)
     * @param p90Hours          90th percentile, hours
     * @param shareWithinDeadline answered on or before their due time, among answered (0..1)
     * @param open              requests not answered yet
     * @param escalated         open requests past their deadline
     */
    public record Row(String speciality, long requests, long answered, Double medianHours, Double p90Hours,
                      Double shareWithinDeadline, long open, long escalated) {}

    public List<Row> perSpeciality(Instant from, Instant to) {
        return jdbc.sql("""
                select speciality, count(*) as requests,
                       count(answered_at) as answered,
                       percentile_cont(0.5) within group (order by extract(epoch from answered_at - requested_at) / 3600.0)
                           filter (where answered_at is not null) as median_h,
                       percentile_cont(0.9) within group (order by extract(epoch from answered_at - requested_at) / 3600.0)
                           filter (where answered_at is not null) as p90_h,
                       avg(case when answered_at <= due_at then 1.0 else 0.0 end) filter (where answered_at is not null)
                           as share,
                       count(*) filter (where state in ('REQUESTED','INFO_REQUESTED','ESCALATED')) as open,
                       count(*) filter (where state = 'ESCALATED') as escalated
                from expertise_request
                where requested_at >= :from and requested_at < :to
                group by speciality order by speciality""")
                .param("from", ExpertiseStore.ts(from)).param("to", ExpertiseStore.ts(to))
                .query((rs, i) -> new Row(rs.getString("speciality"), rs.getLong("requests"), rs.getLong("answered"),
                        round((Double) rs.getObject("median_h")), round((Double) rs.getObject("p90_h")),
                        rs.getObject("share") == null ? null : round(rs.getBigDecimal("share").doubleValue()),
                        rs.getLong("open"), rs.getLong("escalated")))
                .list();
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 100) / 100.0;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ExpertiseProperties.class)
    static class PropertiesConfig {}
}
