#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster (Debian's postgresql package) if it is down, makes a test role and
# database (idempotent), and prints the JDBC URL the registry tests use. As root it acts as the postgres
# user through runuser (PostgreSQL refuses to run as root). Exit 1 when no PostgreSQL is installed.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "test_postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1) || true
if [ -z "${version:-}" ]; then
  echo "test_postgres: no PostgreSQL cluster (pg_createcluster <version> main)" >&2
  exit 1
fi
if [ "$status" != "online" ]; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
as_postgres psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'modelprint_test') THEN
    CREATE ROLE modelprint_test LOGIN PASSWORD 'modelprint_test' CREATEDB;
  END IF;
END $$;
SQL
if ! as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = 'modelprint_test'" | grep -q 1; then
  as_postgres createdb -p "$port" -O modelprint_test modelprint_test >&2
fi
echo "jdbc:postgresql://127.0.0.1:$port/modelprint_test?user=modelprint_test&password=modelprint_test"
