-- The consultation report (compte rendu), DocumentReference-shaped, kept for the DMP (CI-SIS TLM-CR, LOINC 85208-7,
-- standards.md §5.5). Editable while DRAFT; SIGNED is final: the PDF is rendered once and never changes.
create table document_reference (
    id                 uuid primary key,
    consultation_id    uuid not null unique references consultation(id),
    patient_id         uuid not null references patient(id),
    type_loinc         varchar(20) not null default '85208-7',
    status             varchar(10) not null check (status in ('DRAFT','SIGNED')),
    reason             varchar(2000),
    findings           varchar(8000),
    conclusion         varchar(4000),
    prescriptions      varchar(4000),
    reorientation      varchar(20) not null default 'NONE'
                       check (reorientation in ('NONE','MT','RELAY_DOCTOR','EMERGENCY')),
    reorientation_note varchar(1000),
    author_username    varchar(100) not null,
    author_display_name varchar(200) not null,
    signed_at          timestamptz,
    pdf                bytea,
    pdf_sha256         varchar(64),
    sent_to            varchar(200),                     -- the MT's address the PDF went to, null when not sent
    sent_at            timestamptz,
    send_error         varchar(200),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    constraint signed_has_pdf check (status <> 'SIGNED' or (pdf is not null and signed_at is not null))
);
