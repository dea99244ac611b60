-- Drafts of every kind (docs/consultation.md §4): besides scalar measurements, the station's 12-lead ECG recordings
-- (FHIR Observation, LOINC 11524-6, the waveform stays the station item's DICOM payload), examination-camera stills
-- and stethoscope clips (FHIR Media) become drafts of the consultation with the same PRELIMINARY → FINAL / CANCELLED
-- lifecycle. `sign`, `value` and `unit` stay the scalar ones: null for the other kinds.
alter table observation add column kind varchar(12) not null default 'MEASUREMENT'
    check (kind in ('MEASUREMENT','ECG','IMAGE','AUDIO'));
alter table observation alter column sign drop not null;
alter table observation add constraint observation_scalar_has_sign check (kind <> 'MEASUREMENT' or sign is not null);

-- What the doctor judges a non-scalar draft by, read from the payload once at import. The bytes are not copied:
-- they are served from station_item (the item stays the attachment).
create table observation_media (
    observation_id  uuid primary key references observation(id),
    content_type    varchar(100) not null,         -- as served: application/dicom, image/jpeg, image/png, audio/wav
    size_bytes      bigint not null check (size_bytes >= 0),
    width           int check (width > 0),         -- images
    height          int check (height > 0),
    duration_ms     bigint check (duration_ms >= 0), -- ECG and audio
    sample_rate_hz  double precision,              -- ECG (per lead) and audio
    channels        int,                           -- ECG leads, audio channels
    body_site       varchar(20),                   -- SNOMED CT code when the device says (retinograph eye)
    heart_rate_bpm  double precision,              -- ECG intervals measured on the median beat, when measurable
    pr_ms           double precision,
    qrs_ms          double precision,
    qt_ms           double precision,
    qtc_ms          double precision               -- Bazett
);
