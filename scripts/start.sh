#!/usr/bin/env bash
# npm start: the whole cluster on this machine (Postgres and NATS as local
# processes, each service its own process), state kept in .keyhold/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

have_postgres() {
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    return 1 # as root, initdb/postgres must run as the `postgres` user the package creates
  fi
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x $d/initdb && -x $d/postgres ]] && return 0
  done
  command -v initdb >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1
}

have_nats() {
  command -v nats-server >/dev/null 2>&1 || [[ -x /usr/sbin/nats-server ]]
}

ensure_system_packages() {
  have_postgres && have_nats && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo '[keyhold] installing postgresql and nats-server with apt-get'
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y postgresql nats-server
    return 0
  fi
  echo 'Keyhold needs PostgreSQL (initdb, postgres) and nats-server on this machine.' >&2
  echo 'On Debian/Ubuntu:  sudo apt-get install -y postgresql nats-server' >&2
  echo 'Elsewhere: install PostgreSQL 13+ and nats-server 2.9+ so that initdb, postgres and nats-server are on PATH.' >&2
  exit 1
}

ensure_node_modules() {
  # npm rewrites node_modules/.package-lock.json on every install.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci
  fi
}

ensure_system_packages
ensure_node_modules
npx tsc -b
exec node deploy/local/dist/main.js
