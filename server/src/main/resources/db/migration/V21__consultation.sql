-- Nurse-assisted teleconsultation (docs/consultation.md): the session (FHIR Encounter, class VR) with its status
-- history, invitations for a third participant, the doctor's measurement requests, the measurements the station
-- captured (Observation, preliminary until the doctor validates) and the acts recorded for billing.

create table consultation (
    id                    uuid primary key,
    patient_id            uuid not null references patient(id),
    station_id            uuid references station(id),
    site_id               uuid references site(id),
    appointment_id        uuid,                          -- booking's Appointment, by id; null for a walk-in
    place                 varchar(10) not null check (place in ('SITE','HOME')),
    planned_nursing_visit boolean not null default false,-- the nurse was there for a planned visit anyway (TLS)
    status                varchar(20) not null check (status in ('CHECKED_IN','WAITING','IN_PROGRESS','INTERRUPTED',
                                                                  'REPORTING','CLOSED','CANCELLED')),
    -- pre-interview
    identity_checked      boolean not null default false,
    identity_status       varchar(5),                    -- the patient's INS identity status when checked
    teleconsultation_consent boolean not null default false,
    dmp_choice            varchar(12) check (dmp_choice in ('CONSENT','OPPOSITION')),
    reason                varchar(500),
    nurse_username        varchar(100) not null,
    doctor_username       varchar(100),                  -- the doctor who admitted the patient
    doctor_display_name   varchar(200),
    video_room            varchar(40) not null unique,   -- random, for the WebRTC room and the Jitsi room name
    checked_in_at         timestamptz not null,
    waiting_since         timestamptz,
    admitted_at           timestamptz,
    ended_at              timestamptz,
    closed_at             timestamptz,
    updated_at            timestamptz not null
);
create index consultation_status on consultation(status, waiting_since);
create index consultation_station on consultation(station_id, status);

-- Encounter.statusHistory: every transition, with who and when.
create table consultation_transition (
    id              bigserial primary key,
    consultation_id uuid not null references consultation(id),
    from_status     varchar(20),
    to_status       varchar(20) not null,
    actor           varchar(100) not null,
    actor_role      varchar(20) not null,
    occurred_at     timestamptz not null
);
create index consultation_transition_by on consultation_transition(consultation_id, id);

-- A third participant (specialist, interpreter) joins by a one-time link that expires. Only a hash is stored.
create table consultation_invitation (
    id              uuid primary key,
    consultation_id uuid not null references consultation(id),
    token_hash      varchar(64) not null unique,         -- SHA-256 hex of the token in the link
    role            varchar(20) not null check (role in ('SPECIALIST','INTERPRETER')),
    display_name    varchar(200) not null,
    created_by      varchar(100) not null,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    used_at         timestamptz
);

-- ServiceRequest: the doctor asks the nurse for a measurement through the station's live link.
create table measurement_request (
    id              uuid primary key,
    consultation_id uuid not null references consultation(id),
    kind            varchar(20) not null check (kind in ('BLOOD_PRESSURE','SPO2','TEMPERATURE','ECG_12_LEAD',
                                                         'SNAPSHOT','STETHOSCOPE')),
    requested_by    varchar(100) not null,
    requested_at    timestamptz not null,
    delivered       boolean not null default false       -- the station was online and got it
);

-- Observation: a station capture during the consultation. PRELIMINARY (draft) until the doctor validates it
-- (FINAL: part of the record) or discards it (CANCELLED).
create table observation (
    id              uuid primary key,
    consultation_id uuid not null references consultation(id),
    patient_id      uuid not null references patient(id),
    station_item_id bigint not null unique references station_item(id),
    status          varchar(12) not null check (status in ('PRELIMINARY','FINAL','CANCELLED')),
    sign            varchar(40) not null,
    loinc           varchar(20),
    value           double precision,
    unit            varchar(20),
    effective_at    timestamptz not null,
    device          varchar(200),
    decided_by      varchar(100),
    decided_at      timestamptz,
    created_at      timestamptz not null
);
create index observation_consultation on observation(consultation_id, effective_at);

-- Acts recorded when the consultation closes (standards.md §6.2, §6.4); amounts come from configuration.
create table consultation_act (
    id              uuid primary key,
    consultation_id uuid not null references consultation(id),
    code            varchar(5) not null check (code in ('TCG','TLS','TLL','TLD')),
    performer       varchar(100) not null,
    amount_cents    int not null check (amount_cents >= 0),
    recorded_at     timestamptz not null,
    constraint consultation_act_once unique (consultation_id, code)
);
