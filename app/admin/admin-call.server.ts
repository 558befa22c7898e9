import type { AppLoadContext } from "@remix-run/node";
import { notFound, type AdminActor } from "~/accounts/permissions.server";
import { audit, type AuditAction } from "~/audit/audit.server";
import type { Prisma } from "~/generated/prisma/client";
import { recordId } from "./forms";

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

/** The record id in an admin page's address; anything that cannot be one is a 404. */
export function idParamOrNotFound(param: string | undefined): string {
  const id = recordId.safeParse(param);
  if (!id.success) throw notFound();
  return id.data;
}
