-- Diabetic retinography programme (product.md workflow 5, standards.md §6.5): a portable retinograph rotates between
-- health centres (e.g. 3 months each); GPs register their diabetic patients on its agenda; the assistant takes the
-- images, which creates the reading request (expertise_request, kind RETINOGRAPHY) automatically.
create table retinograph (
    id         uuid primary key,
    name       varchar(200) not null,
    created_at timestamptz not null
);

create table retinograph_rotation (
    id             uuid primary key,
    retinograph_id uuid not null references retinograph(id),
    site_id        uuid not null references site(id),
    starts_on      date not null,
    ends_on        date not null,                       -- inclusive
    constraint rotation_dates check (ends_on >= starts_on)
);
create index retinograph_rotation_dates on retinograph_rotation(retinograph_id, starts_on);

create table retinography_enrolment (
    id            uuid primary key,
    rotation_id   uuid not null references retinograph_rotation(id),
    patient_id    uuid not null references patient(id),
    gp_id         uuid not null references professional(id),   -- the prescribing GP, requester of the reading
    registered_by varchar(100) not null,
    registered_at timestamptz not null,
    state         varchar(10) not null check (state in ('REGISTERED','IMAGED')),
    request_id    uuid references expertise_request(id),
    constraint one_enrolment_per_rotation unique (rotation_id, patient_id)
);
