-- Durable items uploaded by station agents through their outbox (measurements, ECG recordings, images, audio).
-- Each is stored exactly once: the station gives every item an idempotency key at capture and resends until it
-- gets an acknowledgement; a resend hits the unique key and changes nothing.
create table station_item (
    id              bigserial primary key,                 -- arrival order on the server
    station_id      uuid         not null references station(id),
    idempotency_key uuid         not null unique,
    stream          varchar(100) not null,                 -- ordering scope on the station, usually a device id
    stream_seq      bigint       not null check (stream_seq > 0),
    kind            varchar(20)  not null check (kind in ('MEASUREMENT','ECG','IMAGE','AUDIO')),
    content_type    varchar(100) not null,
    captured_at     timestamptz  not null,                 -- station clock at capture
    received_at     timestamptz  not null,                 -- server clock at storage
    payload         bytea        not null,
    constraint station_item_stream_seq unique (station_id, stream, stream_seq)
);
create index station_item_station_time on station_item(station_id, captured_at);
