import { connectDatabase } from "./db/connection.server";

/** The app's one Prisma client. Importing it connects to the configured database. */
export const { prisma } = await connectDatabase();
