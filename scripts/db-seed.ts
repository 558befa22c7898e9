// npm run db:seed: loads the demo cooperative into a migrated, empty database.
import { closeDatabase, connectDatabase } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";
import { seedIfEmpty } from "../prisma/seed/seed";
import { runMain } from "./run-main";

await runMain(async () => {
  const database = await connectDatabase();
  try {
    await migrate(database.url);
    const seeded = await seedIfEmpty(database.prisma, { demoOrders: true });
    console.log(
      seeded
        ? "Seeded the demo catalogue."
        : "The database already has data: nothing seeded (npm run db:reset starts over).",
    );
  } finally {
    await closeDatabase();
  }
});
