#!/usr/bin/env bash
# npm test: build, check generated code, lint, then unit, int and e2e tests.
# int/e2e use TEST_DATABASE_URL / TEST_NATS_URL when set, else Docker when it
# answers, else local postgres and nats-server binaries (installed here when
# missing and running as root on Debian/Ubuntu).
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
  [[ -n ${TEST_DATABASE_URL:-} && -n ${TEST_NATS_URL:-} ]] && return 0
  have_postgres && have_nats && return 0
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo '[test] installing postgresql and nats-server with apt-get'
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y postgresql nats-server
    return 0
  fi
  echo 'The int and e2e tests need PostgreSQL (initdb, postgres) and nats-server, or Docker,' >&2
  echo 'or TEST_DATABASE_URL and TEST_NATS_URL pointing at running servers.' >&2
  echo 'On Debian/Ubuntu:  sudo apt-get install -y postgresql nats-server' >&2
  exit 1
}

ensure_node_modules() {
  # npm rewrites node_modules/.package-lock.json on every install.
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    npm ci
  fi
}

step() { printf '\n== %s\n' "$*"; }

ensure_system_packages
ensure_node_modules

step 'build'
npx tsc -b
step 'generated proto types are current'
node scripts/gen-proto.mjs --check
step 'lint'
npx eslint --max-warnings 0 .
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
run_project() {
  npx vitest run --project "$1" --reporter=default --reporter=json --outputFile.json="$results/$1.json"
}
step 'unit tests'
run_project unit
step 'integration tests'
run_project int
step 'end-to-end tests'
run_project e2e

# One plain closing line over all three projects, for CI logs.
node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + r.numTodoTests;
  }
  console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$results"
