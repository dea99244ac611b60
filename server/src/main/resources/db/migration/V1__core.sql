-- Core model: directory (professionals, sites, stations, the CPTS circle), accounts, patients, audit.
-- FHIR-shaped (design.md §3) but relational: the FHIR API maps these tables, it does not replace them.

-- Practitioner / PractitionerRole
create table professional (
    id              uuid primary key,
    rpps            varchar(11) unique,                 -- 11-digit RPPS number; null for non-RPPS staff
    family_name     varchar(100) not null,
    given_name      varchar(100) not null,
    profession      varchar(30)  not null check (profession in ('MEDECIN','INFIRMIER','PHARMACIEN','ORTHOPTISTE','SAGE_FEMME','ASSISTANT_MEDICAL','AUTRE')),
    specialities    varchar(40)[] not null default '{}', -- e.g. MEDECINE_GENERALE, CARDIOLOGIE, OPHTALMOLOGIE
    email           varchar(200),
    phone           varchar(30),
    mssante_address varchar(200),
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- Local accounts and their role. An account may be bound to a professional (RPPS) for OIDC / Pro Santé Connect.
create table app_user (
    id              uuid primary key,
    username        varchar(100) not null unique,
    password_hash   varchar(100),                       -- BCrypt; null for OIDC-only accounts
    display_name    varchar(200) not null,
    email           varchar(200),
    role            varchar(20)  not null check (role in ('NURSE','GP','SPECIALIST','COORDINATOR','ADMIN')),
    professional_id uuid references professional(id),
    enabled         boolean not null default true,
    failed_logins   int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null
);
create unique index app_user_professional on app_user(professional_id) where professional_id is not null;

-- Location: a place where teleconsultations happen.
create table site (
    id                 uuid primary key,
    name               varchar(200) not null,
    kind               varchar(30)  not null check (kind in ('TELECONSULTATION_ROOM','PHARMACY_CABIN','CARE_HOME','HEALTH_CENTRE','DISABILITY_CENTRE')),
    address_line       varchar(200),
    postal_code        varchar(10),
    city               varchar(100),
    phone              varchar(30),
    on_call_doctor     varchar(200),                    -- the local doctor alerted by the emergency button
    on_call_phone      varchar(30),
    on_call_email      varchar(200),
    active             boolean not null default true,
    created_at         timestamptz not null
);

-- Device: a cart or a briefcase running the station agent. Its credential is a bearer secret stored hashed.
create table station (
    id                   uuid primary key,
    code                 varchar(40)  not null unique,   -- human id printed on the cart, e.g. CHR-STDIZIER-01
    name                 varchar(200) not null,
    kind                 varchar(20)  not null check (kind in ('CART','BRIEFCASE')),
    site_id              uuid references site(id),
    enrolment_code_hash  varchar(100),                  -- one-time code given by the coordinator, exchanged once
    enrolment_expires_at timestamptz,
    secret_hash          varchar(100),                  -- long-lived credential after enrolment
    enrolled_at          timestamptz,
    last_seen_at         timestamptz,
    active               boolean not null default true,
    created_at           timestamptz not null
);

-- The CPTS closed circle: who may request or answer tele-expertise. History is kept: a revoked membership stays.
create table circle_membership (
    id              uuid primary key,
    professional_id uuid not null references professional(id),
    circle_role     varchar(20) not null check (circle_role in ('REQUESTER','EXPERT','BOTH')),
    granted_at      timestamptz not null,
    granted_by      varchar(100) not null,
    revoked_at      timestamptz,
    revoked_by      varchar(100)
);
create unique index circle_membership_active on circle_membership(professional_id) where revoked_at is null;

-- Patient with INS identity traits (standards.md §4.2, §5.7) and identity status (RNIV).
create table patient (
    id                  uuid primary key,
    ins_matricule       varchar(15),                    -- NIR or NIA, 13 digits + 2-digit key
    ins_oid             varchar(40),                    -- 1.2.250.1.213.1.4.8 (NIR) / .9 (NIA) / .10 test / .11 demo
    identity_status     varchar(5) not null check (identity_status in ('PROV','RECUP','VALI','QUAL')),
    birth_family_name   varchar(100) not null,
    birth_given_names   varchar(200) not null,
    used_family_name    varchar(100),
    used_given_name     varchar(100),
    sex                 char(1) not null check (sex in ('F','M','U')),
    birth_date          date not null,
    birth_place_insee   varchar(5),
    phone               varchar(30),
    email               varchar(200),
    address_line        varchar(200),
    postal_code         varchar(10),
    city                varchar(100),
    mt_status           varchar(10) not null check (mt_status in ('DECLARED','NONE','UNKNOWN')),
    mt_professional_id  uuid references professional(id),
    mt_name             varchar(200),                   -- MT outside the directory
    mt_email            varchar(200),
    ald                 boolean not null default false,
    disability          boolean not null default false,
    mobility_notes      varchar(1000),
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    constraint ins_with_oid check ((ins_matricule is null) = (ins_oid is null)),
    constraint validated_needs_ins check (identity_status not in ('QUAL') or ins_matricule is not null)
);
create unique index patient_ins on patient(ins_matricule) where ins_matricule is not null;
create index patient_traits on patient(lower(birth_family_name), birth_date);

-- AuditEvent: who did what to which patient data, when, from where. Append-only.
create table audit_event (
    id            bigserial primary key,
    occurred_at   timestamptz not null,
    actor         varchar(100) not null,                -- username, station code, or 'anonymous'
    actor_role    varchar(20)  not null,
    action        varchar(10)  not null check (action in ('READ','CREATE','UPDATE','DELETE','LOGIN','EXPORT')),
    resource_type varchar(40)  not null,
    resource_id   varchar(64),
    patient_id    uuid,
    outcome       varchar(10)  not null check (outcome in ('SUCCESS','DENIED','FAILURE')),
    source_ip     varchar(45),
    detail        varchar(500)
);
create index audit_event_patient on audit_event(patient_id, occurred_at);
create index audit_event_time on audit_event(occurred_at);
create index audit_event_actor on audit_event(actor, occurred_at);
