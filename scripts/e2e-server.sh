#!/usr/bin/env bash
# Starts the built app for the Playwright suite on a fresh database: a new
# PostgreSQL database when TEST_DATABASE_URL is set, else PGlite in a fresh
# DATA_DIR. E-mail goes to the SMTP server the tests start (tests/e2e/fixtures.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="$PWD/.e2e-data"
rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR"
export NODE_ENV=production
export APP_URL="http://localhost:${E2E_PORT:-3100}"
export SMTP_URL="smtp://127.0.0.1:${E2E_SMTP_PORT:-2526}"
export DEMO_ACCOUNTS=true
export NEXTAUTH_SECRET="e2e-secret-e2e-secret-e2e-secret-0123456789"
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  db="agora_e2e"
  psql "$TEST_DATABASE_URL" -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  export DATABASE_URL="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/'"$db"'"; console.log(u.toString())' "$TEST_DATABASE_URL")"
else
  unset DATABASE_URL
fi
npm run --silent db:migrate
npm run --silent db:seed
# Rows some specs need that no page can make yet (an approved contribution):
# each tests/e2e/seed/*.ts runs once here, while no server holds the database.
for script in tests/e2e/seed/*.ts; do
  if [ -e "$script" ]; then npx tsx --conditions=react-server "$script"; fi
done
exec npx next start -p "${E2E_PORT:-3100}"
