import { defineConfig } from "prisma/config";

// The app applies migrations with its own migrator (scripts/migrate.ts), because Prisma's
// schema engine cannot be downloaded on these machines; this file serves `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
