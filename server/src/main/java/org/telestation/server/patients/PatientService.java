package org.telestation.server.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;

/** Patient identities. Every read and write leaves an audit trace. */
@Service
public class PatientService {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PatientService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Patient create(Patient draft) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.sql("""
                insert into patient(id, ins_matricule, ins_oid, identity_status, birth_family_name, birth_given_names,
                    used_family_name, used_given_name, sex, birth_date, birth_place_insee, phone, email, address_line,
                    postal_code, city, mt_status, mt_professional_id, mt_name, mt_email, ald, disability,
                    mobility_notes, created_at, updated_at)
                values (:id, :ins, :oid, :status, :bfn, :bgn, :ufn, :ugn, :sex, :bd, :bpi, :phone, :email, :addr, :pc,
                    :city, :mt, :mtp, :mtn, :mte, :ald, :dis, :mob, :now, :now)""")
                .param("id", id).param("ins", draft.insMatricule()).param("oid", draft.insOid())
                .param("status", draft.identityStatus().name())
                .param("bfn", draft.birthFamilyName()).param("bgn", draft.birthGivenNames())
                .param("ufn", draft.usedFamilyName()).param("ugn", draft.usedGivenName())
                .param("sex", String.valueOf(draft.sex())).param("bd", draft.birthDate())
                .param("bpi", draft.birthPlaceInsee()).param("phone", draft.phone()).param("email", draft.email())
                .param("addr", draft.addressLine()).param("pc", draft.postalCode()).param("city", draft.city())
                .param("mt", draft.mtStatus().name()).param("mtp", draft.mtProfessionalId())
                .param("mtn", draft.mtName()).param("mte", draft.mtEmail())
                .param("ald", draft.ald()).param("dis", draft.disability()).param("mob", draft.mobilityNotes())
                .param("now", now)
                .update();
        audit.wrote(AuditLog.Action.CREATE, "Patient", id.toString(), id);
        return get(id, false).orElseThrow();
    }

    /** Reads a patient and audits the read. */
    @Transactional
    public Optional<Patient> find(UUID id) {
        return get(id, true);
    }

    /**
     * Patients sharing the identity traits that identity-vigilance compares (birth name, first given name, birth
     * date), accent- and case-insensitive: a likely duplicate to show before creating a new identity.
     */
    @Transactional
    public List<Patient> findByTraits(String birthFamilyName, String firstGivenName, java.time.LocalDate birthDate) {
        List<Patient> found = jdbc.sql("""
                select * from patient
                where lower(birth_family_name) = lower(:family) and birth_date = :bd""")
                .param("family", birthFamilyName.trim()).param("bd", birthDate)
                .query(PatientService::map).list()
                .stream()
                .filter(p -> Names.sameName(p.firstGivenName(), firstGivenName))
                .toList();
        found.forEach(p -> audit.read("Patient", p.id().toString(), p.id()));
        return found;
    }

    /**
     * For a booking made without an account (public form, phone): reuses the patient whose INS or identity traits match
     * the draft, or creates a provisional identity (PROV). Runs in the caller's transaction, so a refused booking leaves
     * no patient behind. Empty when the draft's INS belongs to someone with other traits (the booking must stop).
     */
    @Transactional
    public Optional<Patient> findOrCreateForBooking(Patient draft) {
        if (draft.insMatricule() != null) {
            Optional<Patient> byIns = jdbc.sql("select * from patient where ins_matricule = :ins")
                    .param("ins", draft.insMatricule()).query(PatientService::map).optional();
            if (byIns.isPresent()) {
                Patient found = byIns.get();
                audit.read("Patient", found.id().toString(), found.id());
                boolean sameTraits = found.birthDate().equals(draft.birthDate())
                        && Names.sameName(found.birthFamilyName(), draft.birthFamilyName());
                return sameTraits ? byIns : Optional.empty();
            }
        }
        List<Patient> sameTraits = findByTraits(draft.birthFamilyName(), draft.firstGivenName(), draft.birthDate())
                .stream().filter(p -> p.sex() == draft.sex()).toList();
        if (sameTraits.size() == 1 && (draft.insMatricule() == null || sameTraits.get(0).insMatricule() == null
                || sameTraits.get(0).insMatricule().equals(draft.insMatricule()))) {
            return Optional.of(sameTraits.get(0));
        }
        return Optional.of(create(draft));
    }

    private Optional<Patient> get(UUID id, boolean audited) {
        Optional<Patient> patient = jdbc.sql("select * from patient where id = :id").param("id", id)
                .query(PatientService::map).optional();
        if (audited) {
            patient.ifPresent(p -> audit.read("Patient", id.toString(), id));
        }
        return patient;
    }

    static Patient map(ResultSet rs, int row) throws SQLException {
        return new Patient(rs.getObject("id", UUID.class), rs.getString("ins_matricule"), rs.getString("ins_oid"),
                Patient.IdentityStatus.valueOf(rs.getString("identity_status")), rs.getString("birth_family_name"),
                rs.getString("birth_given_names"), rs.getString("used_family_name"), rs.getString("used_given_name"),
                rs.getString("sex").charAt(0), rs.getObject("birth_date", java.time.LocalDate.class),
                rs.getString("birth_place_insee"), rs.getString("phone"), rs.getString("email"),
                rs.getString("address_line"), rs.getString("postal_code"), rs.getString("city"),
                Patient.MtStatus.valueOf(rs.getString("mt_status")), rs.getObject("mt_professional_id", UUID.class),
                rs.getString("mt_name"), rs.getString("mt_email"), rs.getBoolean("ald"), rs.getBoolean("disability"),
                rs.getString("mobility_notes"));
    }
}
