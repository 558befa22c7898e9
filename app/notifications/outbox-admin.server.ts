import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { AdminActor } from "~/accounts/permissions.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { Prisma } from "~/generated/prisma/client";
import { type NotificationStatus } from "~/generated/prisma/enums";
import { maskRecipient, NOTIFICATION_STATUSES } from "./delivery-rules";

/** The admin's view of the outbox: how many messages are where, the failed ones first. */

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxQuery = { status: NotificationStatus | null; page: number };

export function parseOutboxQuery(params: URLSearchParams): OutboxQuery {
  const status = NOTIFICATION_STATUSES.find((s) => s === params.get("status")) ?? null;
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return { status, page: Number.isInteger(page) && page > 0 && page < 10_000 ? page : 1 };
}

export async function outboxCounts(): Promise<Record<NotificationStatus, number>> {
  const groups = await prisma.notification.groupBy({ by: ["status"], _count: { _all: true } });
  const counts = Object.fromEntries(NOTIFICATION_STATUSES.map((s) => [s, 0])) as Record<
    NotificationStatus,
    number
  >;
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

export type OutboxRow = {
  id: string;
  template: string;
  channel: string;
  /** Masked: the last three digits of a phone number, the first letter of an e-mail address. */
  recipient: string;
  status: NotificationStatus;
  locale: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  sentAt: Date | null;
  orderNumber: string | null;
};

/** A page of messages: failed first, then waiting, being sent and sent; newest first within. */
export async function listOutbox(
  query: OutboxQuery,
): Promise<{ rows: OutboxRow[]; total: number; page: number; pageCount: number }> {
  const where = query.status
    ? Prisma.sql`WHERE n.status = ${query.status}::"NotificationStatus"`
    : Prisma.empty;
  const [{ total }] = await prisma.$queryRaw<[{ total: number }]>`
    SELECT count(*)::int AS total FROM "Notification" n ${where}`;
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await prisma.$queryRaw<(Omit<OutboxRow, "recipient"> & { recipient: string })[]>`
    SELECT n.id, n.template, n.channel::text AS channel, n.recipient,
      n.status::text AS status, n.locale::text AS locale, n.attempts, n."lastError",
      n."createdAt", n."nextAttemptAt", n."sentAt", o.number AS "orderNumber"
    FROM "Notification" n
    LEFT JOIN "Order" o ON o.id = n."orderId"
    ${where}
    ORDER BY CASE n.status WHEN 'DEAD' THEN 0 WHEN 'PENDING' THEN 1 WHEN 'SENDING' THEN 2 ELSE 3 END,
      n."createdAt" DESC, n.id
    LIMIT ${OUTBOX_PAGE_SIZE} OFFSET ${(page - 1) * OUTBOX_PAGE_SIZE}`;
  return {
    rows: rows.map((row) => ({ ...row, recipient: maskRecipient(row.recipient) })),
    total,
    page,
    pageCount,
  };
}

export const retryForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), id: z.string().trim().min(1).max(64) }),
  z.object({ intent: z.literal("retry-all") }),
]);

export type RetryResult = { ok: true; count: number } | { ok: false; reason: "not-dead" };

/**
 * Sends failed messages again: DEAD → PENDING, due now, attempts counted from zero. One message
 * (`id`) or every failed one. Audited in the same transaction.
 */
export async function retryDeadNotifications(
  call: {
    actor: AdminActor;
    request: Request;
    context: Pick<AppLoadContext, "clientIp">;
  },
  target: { id: string } | "all",
): Promise<RetryResult> {
  return prisma.$transaction(async (tx): Promise<RetryResult> => {
    // The last error stays, so the page still says what went wrong until the next attempt.
    const revive = {
      status: "PENDING" as const,
      attempts: 0,
      nextAttemptAt: new Date(),
      lockedUntil: null,
    };
    if (target === "all") {
      const { count } = await tx.notification.updateMany({
        where: { status: "DEAD" },
        data: revive,
      });
      if (count === 0) return { ok: false, reason: "not-dead" };
      await audit(tx, call.request, call.context, {
        actorUserId: call.actor.userId,
        action: "admin.notifications_retried",
        entityType: "Notification",
        entityId: null,
        details: { count },
      });
      return { ok: true, count };
    }
    const row = await tx.notification.findUnique({
      where: { id: target.id },
      select: { id: true, status: true, template: true, attempts: true, lastError: true },
    });
    if (!row || row.status !== "DEAD") return { ok: false, reason: "not-dead" };
    const { count } = await tx.notification.updateMany({
      where: { id: row.id, status: "DEAD" },
      data: revive,
    });
    if (count === 0) return { ok: false, reason: "not-dead" };
    await audit(tx, call.request, call.context, {
      actorUserId: call.actor.userId,
      action: "admin.notifications_retried",
      entityType: "Notification",
      entityId: row.id,
      details: {
        count: 1,
        template: row.template,
        attempts: row.attempts,
        lastError: row.lastError,
      },
    });
    return { ok: true, count: 1 };
  });
}
