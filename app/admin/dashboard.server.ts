import { prisma } from "~/db.server";
import { OrderStatus, Role } from "~/generated/prisma/enums";
import { latestAuditEntries, type AuditEntryRow } from "./audit-log.server";

/** The cooperative at a glance: who has an account, who is still invited, what orders do. */
export type AdminDashboard = {
  usersByRole: { role: Role; count: number }[];
  pendingInvitations: number;
  deactivatedUsers: number;
  activeRestAreas: number;
  ordersByStatus: { status: OrderStatus; count: number }[];
  latestAudit: AuditEntryRow[];
};

export async function adminDashboard(): Promise<AdminDashboard> {
  const now = new Date();
  const [roles, pendingInvitations, deactivatedUsers, activeRestAreas, statuses, latestAudit] =
    await Promise.all([
      prisma.user.groupBy({ by: ["role"], _count: { _all: true } }),
      // Invited and not yet signed up, with a link that still works.
      prisma.user.count({
        where: {
          passwordHash: null,
          deactivatedAt: null,
          tokens: { some: { purpose: "INVITATION", usedAt: null, expiresAt: { gt: now } } },
        },
      }),
      prisma.user.count({ where: { deactivatedAt: { not: null } } }),
      prisma.restArea.count({ where: { active: true } }),
      prisma.order.groupBy({ by: ["status"], _count: { _all: true } }),
      latestAuditEntries(10),
    ]);
  const roleCount = new Map(roles.map((row) => [row.role, row._count._all]));
  const statusCount = new Map(statuses.map((row) => [row.status, row._count._all]));
  return {
    usersByRole: Object.values(Role).map((role) => ({ role, count: roleCount.get(role) ?? 0 })),
    pendingInvitations,
    deactivatedUsers,
    activeRestAreas,
    ordersByStatus: Object.values(OrderStatus).map((status) => ({
      status,
      count: statusCount.get(status) ?? 0,
    })),
    latestAudit,
  };
}
