package org.telestation.server.consultation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The acts a closed teleconsultation produces (standards.md §6.2, §6.4): the doctor's TCG and the nurse's
 * accompaniment — TLS during a planned nursing visit, TLD at the patient's home (briefcase), TLL in a dedicated
 * place (any site: room, pharmacy cabin, care home, health or disability centre). Amounts are
 * configuration ({@code telestation.acts.amounts.*}, 2025 defaults in application.yml), never code.
 */
@Service
public class ActService {
    public record Act(String code, String performer, BigDecimal amount) {
    }

    @ConfigurationProperties("telestation.acts")
    public record Amounts(Map<String, BigDecimal> amounts) {
        BigDecimal of(String code) {
            BigDecimal a = amounts == null ? null : amounts.get(code);
            if (a == null) throw new IllegalStateException("telestation.acts.amounts." + code + " is not configured");
            return a;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Amounts amounts;

    ActService(JdbcClient jdbc, Clock clock, Amounts amounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.amounts = amounts;
    }

    /** Which accompaniment code applies (package-visible for the rule's own test). */
    static String nurseAct(Consultation c) {
        if (c.plannedNursingVisit()) return "TLS";
        if (c.place() == Consultation.Place.HOME) return "TLD";
        return "TLL";
    }

    /** Records both acts once (a second call changes nothing). */
    void record(Consultation c) {
        insert(c.id(), "TCG", c.doctorUsername());
        insert(c.id(), nurseAct(c), c.nurseUsername());
    }

    private void insert(UUID consultationId, String code, String performer) {
        jdbc.sql("""
                insert into consultation_act (id, consultation_id, code, performer, amount_cents, recorded_at)
                values (:id, :c, :code, :who, :cents, :now) on conflict (consultation_id, code) do nothing""")
                .param("id", UUID.randomUUID()).param("c", consultationId).param("code", code)
                .param("who", performer).param("cents", amounts.of(code).movePointRight(2).intValueExact())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    public List<Act> acts(UUID consultationId) {
        return jdbc.sql("select code, performer, amount_cents from consultation_act where consultation_id = :c "
                        + "order by code")
                .param("c", consultationId)
                .query((rs, n) -> new Act(rs.getString(1), rs.getString(2),
                        BigDecimal.valueOf(rs.getInt(3)).movePointLeft(2)))
                .list();
    }
}
