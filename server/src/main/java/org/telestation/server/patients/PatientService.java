package org.telestation.server.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telestation.server.audit.AuditLog;
import org.telestation.server.platform.ConflictException;
import org.telestation.server.platform.NotFoundException;

/** Patient identities. Every read and write leaves an audit trace, in the same transaction. */
@Service
public class PatientService {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final PatientValidator validator;

    PatientService(JdbcClient jdbc, AuditLog audit, Clock clock, PatientValidator validator) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.validator = validator;
    }

    /**
     * Creates an identity after the identity-vigilance checks ({@link PatientValidator}: 422 on failure; 409 when the
     * INS is already registered). Does not look for duplicates: callers show {@link #findByTraits} first.
     */
    @Transactional
    public Patient create(Patient draft) {
        Patient p = normalise(draft);
        validator.check(p);
        insTaken(p.insMatricule(), null);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now(clock));
        bind(jdbc.sql("""
                insert into patient(id, ins_matricule, ins_oid, identity_status, birth_family_name, birth_given_names,
                    used_family_name, used_given_name, sex, birth_date, birth_place_insee, phone, email, address_line,
                    postal_code, city, mt_status, mt_professional_id, mt_name, mt_email, ald, disability,
                    mobility_notes, identity_document_checked, identity_document_kind, name_key, created_at, updated_at)
                values (:id, :ins, :oid, :status, :bfn, :bgn, :ufn, :ugn, :sex, :bd, :bpi, :phone, :email, :addr, :pc,
                    :city, :mt, :mtp, :mtn, :mte, :ald, :dis, :mob, :doc, :dockind, :key, :now, :now)"""), p)
                .param("id", id).param("now", now)
                .update();
        audit.wrote(AuditLog.Action.CREATE, "Patient", id.toString(), id);
        return get(id, false).orElseThrow();
    }

    /** Replaces the identity's fields after the same checks as {@link #create}. */
    @Transactional
    public Patient update(UUID id, Patient changes) {
        get(id, false).orElseThrow(() -> new NotFoundException("Patient", id));
        Patient p = normalise(changes);
        validator.check(p);
        insTaken(p.insMatricule(), id);
        bind(jdbc.sql("""
                update patient set ins_matricule = :ins, ins_oid = :oid, identity_status = :status,
                    birth_family_name = :bfn, birth_given_names = :bgn, used_family_name = :ufn, used_given_name = :ugn,
                    sex = :sex, birth_date = :bd, birth_place_insee = :bpi, phone = :phone, email = :email,
                    address_line = :addr, postal_code = :pc, city = :city, mt_status = :mt, mt_professional_id = :mtp,
                    mt_name = :mtn, mt_email = :mte, ald = :ald, disability = :dis, mobility_notes = :mob,
                    identity_document_checked = :doc, identity_document_kind = :dockind, name_key = :key,
                    updated_at = :now
                where id = :id"""), p)
                .param("id", id).param("now", Timestamp.from(Instant.now(clock)))
                .update();
        audit.wrote(AuditLog.Action.UPDATE, "Patient", id.toString(), id);
        return get(id, false).orElseThrow();
    }

    /** Reads a patient and audits the read. */
    @Transactional
    public Optional<Patient> find(UUID id) {
        return get(id, true);
    }

    /** Reads a patient (audited) or throws {@link NotFoundException} (404). */
    @Transactional
    public Patient get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("Patient", id));
    }

    /**
     * Patients sharing the identity traits that identity-vigilance compares (birth name, first given name, birth
     * date), accent- and case-insensitive: a likely duplicate to show before creating a new identity.
     */
    @Transactional
    public List<Patient> findByTraits(String birthFamilyName, String firstGivenName, LocalDate birthDate) {
        if (birthFamilyName == null || birthDate == null) {
            return List.of();
        }
        List<Patient> found = jdbc.sql("select * from patient where birth_date = :bd order by birth_family_name")
                .param("bd", birthDate)
                .query(PatientService::map).list()
                .stream()
                .filter(p -> Names.sameName(p.birthFamilyName(), birthFamilyName)
                        || Names.sameName(p.usedFamilyName(), birthFamilyName))
                .filter(p -> firstGivenName == null || firstGivenName.isBlank()
                        || Names.sameName(p.firstGivenName(), firstGivenName))
                .toList();
        found.forEach(p -> audit.record(AuditLog.Action.READ, "Patient", p.id().toString(), p.id(),
                AuditLog.Outcome.SUCCESS, "duplicate check"));
        return found;
    }

    /**
     * Search by name (any part of birth or used names, accent-insensitive), INS matricule or birth date
     * (dd/mm/yyyy or yyyy-mm-dd). Each patient returned is audited as read.
     */
    @Transactional
    public List<Patient> search(String query, int limit) {
        String q = query == null ? "" : query.trim();
        int max = Math.max(1, Math.min(limit, 200));
        List<Patient> found;
        Optional<LocalDate> date = parseDate(q);
        if (q.isEmpty()) {
            found = jdbc.sql("select * from patient order by updated_at desc limit :max").param("max", max)
                    .query(PatientService::map).list();
        } else if (date.isPresent()) {
            found = jdbc.sql("select * from patient where birth_date = :bd order by name_key limit :max")
                    .param("bd", date.get()).param("max", max).query(PatientService::map).list();
        } else if (q.matches("[0-9ABab]{15}")) {
            found = jdbc.sql("select * from patient where ins_matricule = :ins").param("ins", q.toUpperCase())
                    .query(PatientService::map).list();
        } else {
            String folded = Names.fold(q);
            if (folded.isEmpty()) {
                return List.of();
            }
            found = jdbc.sql("select * from patient where name_key like :k order by name_key limit :max")
                    .param("k", "%" + folded + "%").param("max", max).query(PatientService::map).list();
        }
        found.forEach(p -> audit.record(AuditLog.Action.READ, "Patient", p.id().toString(), p.id(),
                AuditLog.Outcome.SUCCESS, "search result"));
        return found;
    }

    private static Optional<LocalDate> parseDate(String q) {
        try {
            if (q.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(q));
            }
            if (q.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return Optional.of(LocalDate.of(Integer.parseInt(q.substring(6)), Integer.parseInt(q.substring(3, 5)),
                        Integer.parseInt(q.substring(0, 2))));
            }
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private void insTaken(String ins, UUID except) {
        if (ins == null) {
            return;
        }
        boolean taken = jdbc.sql("select count(*) from patient where ins_matricule = :ins and id is distinct from :id")
                .param("ins", ins).param("id", except).query(Integer.class).single() > 0;
        if (taken) {
            throw new ConflictException("patients.ins.taken", "INS already registered");
        }
    }

    /** Trims texts, turns blanks into nulls and upper-cases the INS, so that checks and storage see one form. */
    private static Patient normalise(Patient p) {
        return new Patient(p.id(), upper(trim(p.insMatricule())), trim(p.insOid()), p.identityStatus(),
                trim(p.birthFamilyName()), trim(p.birthGivenNames()), trim(p.usedFamilyName()), trim(p.usedGivenName()),
                p.sex(), p.birthDate(), upper(trim(p.birthPlaceInsee())), trim(p.phone()), trim(p.email()),
                trim(p.addressLine()), trim(p.postalCode()), trim(p.city()), p.mtStatus(), p.mtProfessionalId(),
                trim(p.mtName()), trim(p.mtEmail()), p.ald(), p.disability(), trim(p.mobilityNotes()),
                p.identityDocumentChecked(), p.identityDocumentChecked() ? p.identityDocumentKind() : null);
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Patient p) {
        String key = String.join(" ", Names.fold(p.birthFamilyName()), Names.fold(p.usedFamilyName()),
                Names.fold(p.birthGivenNames()), Names.fold(p.usedGivenName())).trim();
        return sql.param("ins", p.insMatricule()).param("oid", p.insOid())
                .param("status", p.identityStatus().name())
                .param("bfn", p.birthFamilyName()).param("bgn", p.birthGivenNames())
                .param("ufn", p.usedFamilyName()).param("ugn", p.usedGivenName())
                .param("sex", String.valueOf(p.sex())).param("bd", p.birthDate())
                .param("bpi", p.birthPlaceInsee()).param("phone", p.phone()).param("email", p.email())
                .param("addr", p.addressLine()).param("pc", p.postalCode()).param("city", p.city())
                .param("mt", p.mtStatus().name()).param("mtp", p.mtProfessionalId())
                .param("mtn", p.mtName()).param("mte", p.mtEmail())
                .param("ald", p.ald()).param("dis", p.disability()).param("mob", p.mobilityNotes())
                .param("doc", p.identityDocumentChecked())
                .param("dockind", p.identityDocumentKind() == null ? null : p.identityDocumentKind().name())
                .param("key", key);
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
        String docKind = rs.getString("identity_document_kind");
        return new Patient(rs.getObject("id", UUID.class), rs.getString("ins_matricule"), rs.getString("ins_oid"),
                Patient.IdentityStatus.valueOf(rs.getString("identity_status")), rs.getString("birth_family_name"),
                rs.getString("birth_given_names"), rs.getString("used_family_name"), rs.getString("used_given_name"),
                rs.getString("sex").charAt(0), rs.getObject("birth_date", LocalDate.class),
                rs.getString("birth_place_insee"), rs.getString("phone"), rs.getString("email"),
                rs.getString("address_line"), rs.getString("postal_code"), rs.getString("city"),
                Patient.MtStatus.valueOf(rs.getString("mt_status")), rs.getObject("mt_professional_id", UUID.class),
                rs.getString("mt_name"), rs.getString("mt_email"), rs.getBoolean("ald"), rs.getBoolean("disability"),
                rs.getString("mobility_notes"), rs.getBoolean("identity_document_checked"),
                docKind == null ? null : Patient.IdentityDocument.valueOf(docKind));
    }
}
