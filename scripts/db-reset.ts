// npm run db:reset: throws away every table and image, then migrates and seeds afresh.
import { rm } from "node:fs/promises";
import { closeDatabase, connectDatabase } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";
import { mediaRoot } from "~/images/storage.server";
import { seed } from "../prisma/seed/seed";
import { runMain } from "./run-main";

await runMain(async () => {
  const database = await connectDatabase();
  try {
    await database.prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS public CASCADE`);
    await database.prisma.$executeRawUnsafe(`CREATE SCHEMA public`);
    await rm(mediaRoot(), { recursive: true, force: true });
    await migrate(database.url);
    await seed(database.prisma, { demoOrders: true });
    console.log("The database was reset and seeded with the demo catalogue.");
  } finally {
    await closeDatabase();
  }
});
