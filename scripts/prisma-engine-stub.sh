#!/bin/sh
# `prisma generate` insists on a schema-engine binary it never uses for
# generation, and cannot download one on machines without internet.
# See docs/decisions/0002-migrations.md.
echo "schema engine not available: migrations run through npm run db:migrate" >&2
exit 1
