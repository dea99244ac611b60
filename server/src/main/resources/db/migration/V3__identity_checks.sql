-- Identity-vigilance (RNIV): whether an identity document was checked, and the status rules as constraints.
-- VALI and QUAL need a checked document; RECUP and QUAL need an INS (the INSi call succeeded).
alter table patient add column identity_document_checked boolean not null default false;
alter table patient add column identity_document_kind varchar(30)
    check (identity_document_kind in ('CARTE_IDENTITE','PASSEPORT','TITRE_SEJOUR','LIVRET_FAMILLE','ACTE_NAISSANCE'));
alter table patient drop constraint validated_needs_ins;
alter table patient add constraint status_needs_document
    check (identity_status not in ('VALI','QUAL') or identity_document_checked);
alter table patient add constraint status_needs_ins
    check (identity_status not in ('RECUP','QUAL') or ins_matricule is not null);
alter table patient add constraint declared_mt_named
    check (mt_status <> 'DECLARED' or mt_professional_id is not null or mt_name is not null);



-- Folded names (no accents, upper case, letters only) maintained by PatientService for accent-insensitive search.
alter table patient add column name_key varchar(500) not null default '';
create index patient_name_key on patient(name_key);
