#!/usr/bin/env bash
# npm test: type check, lint, unit, integration (embedded PGlite, and
# PostgreSQL when TEST_DATABASE_URL is set), production build, e2e in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .test-reports && mkdir -p .test-reports
step() { printf '\n== %s\n' "$1"; }
vitest() { npx vitest run --reporter=default --reporter=json --outputFile.json=".test-reports/vitest-$1.json" --project "${@:2}"; }

step "Type check"
npx tsc --noEmit
step "Lint"
npm run --silent lint
step "Unit tests"
vitest unit unit
step "Integration tests on the embedded database (PGlite)"
TEST_DATABASE_URL= vitest integration-pglite integration
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  step "Integration tests on PostgreSQL (TEST_DATABASE_URL)"
  vitest integration-postgres integration
else
  echo "(TEST_DATABASE_URL is not set: the PostgreSQL run of the integration tests is skipped)"
fi
step "Chromium for the e2e tests"
bash scripts/ensure-chromium.sh
step "Production build"
# The build must not open a database: lib/db.ts opens it on the first query,
# and no page may run one while next build loads or prerenders it.
had_data=$([ -e data ] && echo yes || echo no)
npx next build
if [ "$had_data" = no ] && [ -e data ]; then
  echo "next build created ./data: a module queried the database at build time" >&2
  exit 1
fi
step "End-to-end tests (Playwright, Chromium, axe)"
status=0
npx playwright test || status=$?
node scripts/summarize-tests.mjs
exit $status
