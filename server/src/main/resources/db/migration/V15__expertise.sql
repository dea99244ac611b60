-- Tele-expertise (design.md §3: ServiceRequest + Task with a due date; standards.md §4.5, §6.3).
-- expertise_request is the ServiceRequest and its Task in one row: the question, the patient, who asks, who answers,
-- the state and the deadline clock (requested_at, due_at, answered_at as §6.3 asks).
create table expertise_request (
    id                     uuid primary key,
    patient_id             uuid not null references patient(id),
    kind                   varchar(20) not null check (kind in ('ECG','RETINOGRAPHY','IMAGES','GENERAL')),
    speciality             varchar(40) not null,
    requester_id           uuid not null references professional(id),   -- the requérant (GP), who bills RQD
    created_by             varchar(100) not null,                       -- username: the GP or a nurse on their behalf
    expert_id              uuid references professional(id),           -- named or assigned expert; null = speciality pool
    question               varchar(4000) not null,
    urgency                varchar(10) not null check (urgency in ('ROUTINE','URGENT')),
    consent_given          boolean not null,
    consent_recorded_by    varchar(100) not null,
    consent_recorded_at    timestamptz not null,
    state                  varchar(20) not null check (state in ('REQUESTED','INFO_REQUESTED','ESCALATED','ANSWERED','CANCELLED')),
    requested_at           timestamptz not null,
    due_at                 timestamptz not null,
    deadline_version       int not null default 0,                      -- +1 each time due_at moves (pause, reassignment)
    paused_at              timestamptz,                                 -- set while the clock is paused for information
    escalated_at           timestamptz,
    answered_at            timestamptz,
    retinography_enrolment uuid,
    constraint consent_needed check (consent_given)
);
create index expertise_request_due on expertise_request(state, due_at);
create index expertise_request_patient on expertise_request(patient_id);

-- Attachments: ECG files (the parsed format is recorded), images (with the eye for retinography), PDFs.
create table expertise_attachment (
    id            uuid primary key,
    request_id    uuid not null references expertise_request(id),
    kind          varchar(10) not null check (kind in ('ECG','IMAGE','PDF')),
    file_name     varchar(200) not null,
    content_type  varchar(100) not null,
    size_bytes    int not null,
    ecg_format    varchar(10) check (ecg_format in ('DICOM','SCP','AECG','WFDB')),
    eye           varchar(5) check (eye in ('LEFT','RIGHT')),
    position      int not null default 0,                               -- upload order
    content       bytea not null,
    companion     bytea,                                                -- WFDB: the signal file next to the header
    created_at    timestamptz not null,
    created_by    varchar(100) not null
);
create index expertise_attachment_request on expertise_attachment(request_id);

-- The trace of every step (FHIR Task history + Communication payloads between requester and expert).
create table expertise_event (
    id          bigserial primary key,
    request_id  uuid not null references expertise_request(id),
    occurred_at timestamptz not null,
    actor       varchar(100) not null,                                  -- username or 'scheduler'
    kind        varchar(30) not null,
    message     varchar(4000)                                          -- questions and replies between professionals
);
create index expertise_event_request on expertise_event(request_id, id);

-- Reminders sent (or superseded by a later one) per deadline version: the primary key makes a second send impossible,
-- even when two servers or a restart run the same timer twice.
create table expertise_reminder (
    request_id       uuid not null references expertise_request(id),
    deadline_version int not null,
    threshold        varchar(20) not null,                              -- ISO-8601 duration before the deadline
    recorded_at      timestamptz not null,
    sent             boolean not null,
    primary key (request_id, deadline_version, threshold)
);

-- The structured answer (DiagnosticReport-shaped); one per request.
create table expertise_answer (
    request_id           uuid primary key references expertise_request(id),
    expert_id            uuid not null references professional(id),
    answered_by          varchar(100) not null,
    answered_at          timestamptz not null,
    form                 varchar(20) not null check (form in ('ECG','RETINOGRAPHY','FREE_TEXT')),
    conclusion           varchar(20),                                    -- ECG: NORMAL / ABNORMAL
    findings             varchar(4000),
    recommendation       varchar(4000),
    consultation_needed  boolean not null default false,
    grade_left           varchar(10),                                    -- ICDR R0..R4 / UNGRADABLE
    grade_right          varchar(10),
    maculopathy_left     boolean,
    maculopathy_right    boolean,
    follow_up_months     int,
    appointment_proposed boolean not null default false,
    free_text            varchar(8000)
);

-- Billing acts produced by an answer: RQD for the requester, TE2 for the expert (amounts from configuration).
create table expertise_act (
    request_id      uuid not null references expertise_request(id),
    professional_id uuid not null references professional(id),
    code            varchar(10) not null,
    amount_cents    int not null,
    recorded_at     timestamptz not null,
    primary key (request_id, code)
);
