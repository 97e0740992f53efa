import { defineConfig } from "prisma/config";

// Only `prisma generate` is used here: migrations are applied by
// scripts/migrate.ts (see docs/decisions/0002-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
