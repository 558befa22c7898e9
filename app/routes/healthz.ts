import { prisma } from "~/db.server";
import { logError } from "~/lib/log.server";

/** 200 only when the database answers; load balancers and uptime checks read this. */
export async function loader() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return new Response("ok", { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    logError(error, { where: "healthz" });
    return new Response("database unavailable", {
      status: 503,
      headers: { "Cache-Control": "no-store" },
    });
  }
}
