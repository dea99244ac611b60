-- Booking (standards.md §4.3, FHIR R4 Schedule / Slot / Appointment, ANS GAP profiles).
-- An agenda belongs to exactly one owner: a site (teleconsultation room, pharmacy cabin…) or a station (a briefcase for
-- home visits). Slots are generated on demand from the weekly rules and the exceptions, idempotently.

-- Schedule: weekly opening rules ("every Tuesday 08:30–12:30, 30-minute slots, teleconsultation").
create table booking_rule (
    id            uuid primary key,
    site_id       uuid references site(id),
    station_id    uuid references station(id),
    day_of_week   smallint not null check (day_of_week between 1 and 7),      -- ISO: 1 = Monday
    start_time    time not null,
    end_time      time not null,
    slot_minutes  int not null default 30 check (slot_minutes between 5 and 240),
    service_type  varchar(3) not null default 'VR' check (service_type in ('VR','AMB')), -- v3-ActCode (SAS IG)
    created_at    timestamptz not null,
    constraint booking_rule_owner check ((site_id is null) <> (station_id is null)),
    constraint booking_rule_times check (start_time < end_time)
);
create index booking_rule_site on booking_rule(site_id);
create index booking_rule_station on booking_rule(station_id);

-- Exceptions to the weekly rules: a closure (holiday, absence; whole day when times are null) or an extra opening.
create table booking_exception (
    id            uuid primary key,
    site_id       uuid references site(id),
    station_id    uuid references station(id),
    day           date not null,
    kind          varchar(10) not null check (kind in ('CLOSURE','OPENING')),
    start_time    time,
    end_time      time,
    slot_minutes  int check (slot_minutes between 5 and 240),
    label         varchar(200),
    created_at    timestamptz not null,
    constraint booking_exception_owner check ((site_id is null) <> (station_id is null)),
    constraint booking_exception_times check ((start_time is null) = (end_time is null)
                                              and (start_time is null or start_time < end_time)),
    constraint booking_opening_has_times check (kind <> 'OPENING' or start_time is not null)
);
create index booking_exception_site on booking_exception(site_id, day);
create index booking_exception_station on booking_exception(station_id, day);

-- Slot: one bookable period. "blocked" = FHIR busy-unavailable (a rule or opening was removed after generation but
-- the row is kept because an appointment, even a cancelled one, refers to it). Free/busy is derived from appointments.
create table booking_slot (
    id            uuid primary key,
    site_id       uuid references site(id),
    station_id    uuid references station(id),
    start_at      timestamptz not null,
    end_at        timestamptz not null,
    service_type  varchar(3) not null default 'VR' check (service_type in ('VR','AMB')),
    blocked       boolean not null default false,
    created_at    timestamptz not null,
    constraint booking_slot_owner check ((site_id is null) <> (station_id is null)),
    constraint booking_slot_times check (start_at < end_at)
);
-- Idempotent generation: one slot per owner and start time.
create unique index booking_slot_site_start on booking_slot(site_id, start_at) where site_id is not null;
create unique index booking_slot_station_start on booking_slot(station_id, start_at) where station_id is not null;

-- Appointment (FHIR R4 Appointment.status values). A same-day pool entry ("urgence du jour") has no slot.
create table appointment (
    id                     uuid primary key,
    slot_id                uuid references booking_slot(id),
    site_id                uuid references site(id),
    station_id             uuid references station(id),          -- the briefcase for a home visit
    patient_id             uuid not null references patient(id),
    start_at               timestamptz not null,                 -- slot start, or arrival time in the same-day pool
    end_at                 timestamptz,
    pool_day               date,                                 -- same-day pool only
    channel                varchar(10) not null check (channel in ('ONLINE','PHONE','SAME_DAY')),
    service_type           varchar(3) not null default 'VR' check (service_type in ('VR','AMB')),
    status                 varchar(20) not null check (status in ('proposed','pending','booked','arrived','fulfilled',
                               'cancelled','noshow','entered-in-error','checked-in','waitlist')),
    reason                 varchar(500) not null,
    home_visit             boolean not null default false,
    home_visit_basis       varchar(30) check (home_visit_basis in ('ALD_OVER_65_CANNOT_TRAVEL','DISABLED_ADULT',
                               'NO_MT_CANNOT_TRAVEL')),
    home_address_line      varchar(200),
    home_postal_code       varchar(10),
    home_city              varchar(100),
    nurse_professional_id  uuid references professional(id),
    cancellation_code_hash varchar(64) unique,                   -- SHA-256 hex of the code given to the patient
    reminder_sent_at       timestamptz,
    cancelled_at           timestamptz,
    cancelled_by           varchar(100),
    created_by             varchar(100) not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    constraint appointment_place check (site_id is not null or station_id is not null),
    constraint appointment_slot_or_pool check ((slot_id is not null) <> (channel = 'SAME_DAY')),
    constraint appointment_pool_day check ((channel = 'SAME_DAY') = (pool_day is not null)),
    constraint appointment_home_visit check (not home_visit or (home_visit_basis is not null
                                             and home_address_line is not null and station_id is not null))
);
-- THE rule: a slot is never booked twice. Enforced here, whatever the code does.
create unique index appointment_one_active_per_slot on appointment(slot_id)
    where slot_id is not null and status not in ('cancelled', 'entered-in-error');
create index appointment_patient on appointment(patient_id, start_at);
create index appointment_site_time on appointment(site_id, start_at);
create index appointment_station_time on appointment(station_id, start_at);

-- SMS waiting for a gateway. The default SmsSender only queues here (no patient data goes to the logs).
create table sms_outbox (
    id          bigserial primary key,
    phone       varchar(30) not null,
    body        varchar(480) not null,
    created_at  timestamptz not null,
    sent_at     timestamptz
);
