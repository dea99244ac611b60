-- Flyway callback, run by the migration role after every successful migrate (so after every upgrade).
-- Mount this file in a directory added to the server's migration locations, e.g.
--   SPRING_FLYWAY_LOCATIONS=classpath:db/migration,filesystem:/etc/telestation/flyway
-- Idempotent. Keep it free of dollar-brace sequences: Flyway replaces placeholders in SQL files.

-- Runtime role: DML on every table (including tables added by the new migrations), sequences for bigserial ids.
grant select, insert, update, delete on all tables in schema telestation to telestation_app;
grant usage, select on all sequences in schema telestation to telestation_app;
-- Schema history belongs to the migrations alone.
revoke insert, update, delete on flyway_schema_history from telestation_app;
-- Audit trail is append-only for the application: it may write and read events, never change or remove them.
-- Retention purges (docs/operations.md) run as the owner role.
revoke update, delete, truncate on audit_event from telestation_app;
