package org.telestation.server.directory;

import static org.telestation.server.directory.ProfessionalService.blankToNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.Validation;

/** Sites: teleconsultation rooms, pharmacy cabins, care homes… */
@Service
public class SiteService {

    private final JdbcClient jdbc;
    private final Clock clock;

    SiteService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Site create(Site.Draft draft) {
        new Validation()
                .text(draft.name(), "name", 200)
                .require(draft.kind() != null, "kind", "validation.required")
                .optionalText(draft.addressLine(), "addressLine", 200)
                .require(draft.postalCode() == null || draft.postalCode().isBlank()
                        || draft.postalCode().trim().matches("\\d{5}"), "postalCode", "directory.postal-code.invalid")
                .optionalText(draft.city(), "city", 100)
                .optionalText(draft.phone(), "phone", 30)
                .optionalText(draft.onCallDoctor(), "onCallDoctor", 200)
                .optionalText(draft.onCallPhone(), "onCallPhone", 30)
                .optionalText(draft.onCallEmail(), "onCallEmail", 200)
                .throwIfInvalid();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into site(id, name, kind, address_line, postal_code, city, phone, on_call_doctor, on_call_phone,
                                 on_call_email, created_at)
                values (:id, :name, :kind, :addr, :pc, :city, :phone, :ocd, :ocp, :oce, :now)""")
                .param("id", id).param("name", draft.name().trim()).param("kind", draft.kind().name())
                .param("addr", blankToNull(draft.addressLine())).param("pc", blankToNull(draft.postalCode()))
                .param("city", blankToNull(draft.city())).param("phone", blankToNull(draft.phone()))
                .param("ocd", blankToNull(draft.onCallDoctor())).param("ocp", blankToNull(draft.onCallPhone()))
                .param("oce", blankToNull(draft.onCallEmail())).param("now", Timestamp.from(clock.instant()))
                .update();
        return get(id);
    }

    public Optional<Site> find(UUID id) {
        return jdbc.sql("select * from site where id = :id").param("id", id).query(SiteService::map).optional();
    }

    public Site get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Site", id));
    }

    public List<Site> list() {
        return jdbc.sql("select * from site order by name").query(SiteService::map).list();
    }

    private static Site map(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getObject("id", UUID.class), rs.getString("name"), Site.Kind.valueOf(rs.getString("kind")),
                rs.getString("address_line"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("phone"), rs.getString("on_call_doctor"), rs.getString("on_call_phone"),
                rs.getString("on_call_email"), rs.getBoolean("active"));
    }
}
