-- Prepares an external PostgreSQL (14 or later) for Telestation. Run once, as a superuser or the managed service's
-- admin role, with psql:
--   psql "host=... user=postgres dbname=postgres sslmode=verify-full" \
--        -v owner_password="'...'" -v app_password="'...'" -f create-database.sql
-- Two roles:
--   telestation_owner  owns the schema; the server connects as it only to run the Flyway migrations at start-up
--                      (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD);
--   telestation_app    the runtime role (SPRING_DATASOURCE_USERNAME / _PASSWORD): reads and writes rows, cannot
--                      change the schema, and cannot update or delete audit events (see afterMigrate.sql).
-- No extension is needed: the schema uses only built-in types (uuid, timestamptz, arrays); UUIDs are made by the server.
\set ON_ERROR_STOP on

create role telestation_owner login password :owner_password;
create role telestation_app login password :app_password;
-- Headroom per role: pods x pool size (HikariCP, 15 by default) plus a margin for the migration connection.
alter role telestation_app connection limit 200;
alter role telestation_owner connection limit 10;

create database telestation owner telestation_owner encoding 'UTF8' locale 'C.UTF-8' template template0;
revoke all on database telestation from public;
grant connect, temporary on database telestation to telestation_app;

\connect telestation
-- Nobody but the owner creates objects; the application's tables live in their own schema.
revoke create on schema public from public;
create schema telestation authorization telestation_owner;
grant usage on schema telestation to telestation_app;
alter role telestation_owner in database telestation set search_path = telestation;
alter role telestation_app in database telestation set search_path = telestation;
-- Server clock and timestamps in UTC; the server converts for display (Europe/Paris).
alter database telestation set timezone = 'UTC';
-- Sessions stuck in a transaction hold locks that block the migrations of the next upgrade.
alter role telestation_app in database telestation set idle_in_transaction_session_timeout = '60s';
alter role telestation_app in database telestation set statement_timeout = '30s';

-- Tables and sequences created later by the owner (Flyway) are usable by the runtime role.
alter default privileges for role telestation_owner in schema telestation
    grant select, insert, update, delete on tables to telestation_app;
alter default privileges for role telestation_owner in schema telestation
    grant usage, select on sequences to telestation_app;
