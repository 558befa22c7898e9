// npm run db:migrate: applies pending migrations to the configured database.
import { closeDatabase, connectDatabase } from "~/db/connection.server";
import { migrate } from "~/db/migrate.server";
import { runMain } from "./run-main";

await runMain(async () => {
  const database = await connectDatabase();
  try {
    const applied = await migrate(database.url);
    console.log(
      applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.",
    );
  } finally {
    await closeDatabase();
  }
});
