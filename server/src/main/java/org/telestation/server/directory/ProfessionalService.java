package org.telestation.server.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;
import org.telestation.server.platform.Validation;

/** The professionals of the territory. */
@Service
public class ProfessionalService {

    private final JdbcClient jdbc;
    private final Clock clock;

    ProfessionalService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Professional create(Professional.Draft draft) {
        Validation v = new Validation()
                .text(draft.familyName(), "familyName", 100)
                .text(draft.givenName(), "givenName", 100)
                .require(draft.profession() != null, "profession", "validation.required")
                .optionalText(draft.email(), "email", 200)
                .optionalText(draft.phone(), "phone", 30)
                .optionalText(draft.mssanteAddress(), "mssanteAddress", 200)
                .optionalText(draft.practiceAddress(), "practiceAddress", 300);
        String rpps = draft.rpps() == null || draft.rpps().isBlank() ? null : draft.rpps().trim();
        v.require(rpps == null || Rpps.isValid(rpps), "rpps", "directory.rpps.invalid");
        v.throwIfInvalid();
        if (rpps != null && findByRpps(rpps).isPresent()) {
            throw new ConflictException("directory.rpps.taken", "RPPS already registered");
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        String[] specialities = draft.specialities() == null ? new String[0]
                : draft.specialities().stream().distinct().map(Enum::name).toArray(String[]::new);
        jdbc.sql("""
                insert into professional(id, rpps, family_name, given_name, profession, specialities, email, phone,
                                         mssante_address, practice_address, created_at, updated_at)
                values (:id, :rpps, :family, :given, :profession, :specialities, :email, :phone, :mss, :practice,
                        :now, :now)""")
                .param("id", id).param("rpps", rpps).param("family", draft.familyName().trim())
                .param("given", draft.givenName().trim()).param("profession", draft.profession().name())
                .param("specialities", specialities).param("email", blankToNull(draft.email()))
                .param("phone", blankToNull(draft.phone())).param("mss", blankToNull(draft.mssanteAddress()))
                .param("practice", blankToNull(draft.practiceAddress()))
                .param("now", now)
                .update();
        return get(id);
    }

    public Optional<Professional> find(UUID id) {
        return jdbc.sql("select * from professional where id = :id").param("id", id)
                .query(ProfessionalService::map).optional();
    }

    public Professional get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Professional", id));
    }

    public Optional<Professional> findByRpps(String rpps) {
        return jdbc.sql("select * from professional where rpps = :rpps").param("rpps", rpps)
                .query(ProfessionalService::map).optional();
    }

    public List<Professional> list() {
        return jdbc.sql("select * from professional order by family_name, given_name")
                .query(ProfessionalService::map).list();
    }

    static Professional map(ResultSet rs, int row) throws SQLException {
        String[] specialities = (String[]) rs.getArray("specialities").getArray();
        return new Professional(rs.getObject("id", UUID.class), rs.getString("rpps"), rs.getString("family_name"),
                rs.getString("given_name"), Professional.Profession.valueOf(rs.getString("profession")),
                Arrays.stream(specialities).map(Professional.Speciality::valueOf).toList(),
                rs.getString("email"), rs.getString("phone"), rs.getString("mssante_address"),
                rs.getString("practice_address"));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
