# Finds a PostgreSQL server on 127.0.0.1:5432, or starts one, and exports
# TEST_DATABASE_URL for a role that may create databases.
ensure_postgres() {
  local url_root="postgres://root@127.0.0.1:5432/postgres"
  local url_ci="postgres://intersect_ci:intersect_ci@127.0.0.1:5432/postgres"

  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
      echo "::: installing PostgreSQL from Debian's packages"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
    fi
    local version
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$version" ]; then
      version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
      pg_createcluster "$version" main >/dev/null || return 1
    fi
    echo "::: starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start || return 1
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -q -h 127.0.0.1 -p 5432 || return 1
  fi

  # Trust auth for root (as on this workplace's machines), or a password role
  # made through the postgres user's local socket.
  if psql "$url_root" -Atqc "select 1" >/dev/null 2>&1; then
    export TEST_DATABASE_URL="$url_root"
    return 0
  fi
  if ! psql "$url_ci" -Atqc "select 1" >/dev/null 2>&1; then
    su postgres -c "psql -qc \"create role intersect_ci login createdb password 'intersect_ci'\"" >/dev/null 2>&1 ||
      su postgres -c "psql -qc \"alter role intersect_ci login createdb password 'intersect_ci'\"" >/dev/null 2>&1 || return 1
  fi
  psql "$url_ci" -Atqc "select 1" >/dev/null 2>&1 || return 1
  export TEST_DATABASE_URL="$url_ci"
}
