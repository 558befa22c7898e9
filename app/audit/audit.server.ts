import type { AppLoadContext } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";

/**
 * Admin and security actions, recorded with who, what, when and from where. Written inside the
 * transaction of the change itself, so the log never claims a change that did not happen.
 */
export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_up"
  | "auth.sign_out_everywhere"
  | "auth.password_reset_requested"
  | "auth.password_reset"
  | "auth.password_changed"
  | "auth.invitation_accepted"
  | "auth.contact_verified"
  | "auth.sign_up_with_taken_contact"
  | "auth.rate_limited"
  | "account.profile_updated"
  | "account.contact_change_requested"
  | "account.contact_changed"
  | "account.contact_change_cancelled"
  | "account.contact_change_undone"
  | "account.data_exported"
  | "account.deleted"
  | "admin.user_invited"
  | "admin.invitation_resent"
  | "admin.user_deactivated"
  | "admin.user_reactivated"
  | "admin.user_role_changed"
  | "admin.operator_rest_areas_changed"
  | "admin.artisan_updated"
  | "admin.payout_recorded"
  | "admin.cooperative_fee_changed"
  | "admin.rest_area_updated"
  | "admin.order_cancelled"
  | "admin.order_refunded"
  | "admin.notifications_retried"
  | "admin.consignment_built"
  | "admin.consignment_order_removed"
  | "admin.consignment_dissolved"
  | "admin.consignment_dispatched";

export type AuditEntry = {
  /** Null when nobody is signed in (a failed sign-in, a reset request). */
  actorUserId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  details?: Prisma.InputJsonValue;
};

export async function audit(
  tx: Prisma.TransactionClient,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorUserId: entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      details: entry.details,
      ip: context.clientIp,
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
}
