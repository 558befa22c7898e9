import type { AppLoadContext } from "@remix-run/node";
import type { AdminActor } from "~/accounts/permissions.server";
import { audit, type AuditAction } from "~/audit/audit.server";
import type { Prisma } from "~/generated/prisma/client";

/** Who asks for an admin change and from where: what the audit log records with it. */
export type AdminCall = {
  actor: AdminActor;
  request: Request;
  context: Pick<AppLoadContext, "clientIp">;
};

/** The audit row of an admin change, written in the change's own transaction. */
export function recordAdminAction(
  tx: Prisma.TransactionClient,
  call: AdminCall,
  entry: {
    action: AuditAction;
    entityType: "User" | "Artisan" | "RestArea";
    entityId: string;
    details?: Prisma.InputJsonValue;
  },
): Promise<void> {
  return audit(tx, call.request, call.context, { actorUserId: call.actor.userId, ...entry });
}
