import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { AUDIT_PAGE_SIZE, clampPage, type AuditQuery } from "./list-query";

/** The audit log as the admin reads it: newest first, filtered, a page at a time. */

export type AuditEntryRow = {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: string; name: string; email: string | null } | null;
  ip: string | null;
  userAgent: string | null;
  details: Prisma.JsonValue;
};

const entrySelect = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  ip: true,
  userAgent: true,
  details: true,
  actorUser: { select: { id: true, name: true, email: true } },
} as const;

type EntryRow = Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>;

function toEntry({ actorUser, ...entry }: EntryRow): AuditEntryRow {
  return { ...entry, actor: actorUser };
}

/** The first instant of a WIB calendar day (YYYY-MM-DD). */
function startOfWibDay(day: string, plusDays = 0): Date {
  const start = new Date(`${day}T00:00:00+07:00`);
  return new Date(start.getTime() + plusDays * 24 * 60 * 60 * 1000);
}

function auditWhere(query: AuditQuery): Prisma.AuditLogWhereInput {
  const where: Prisma.AuditLogWhereInput = {};
  if (query.action) where.action = query.action;
  if (query.actor) where.actorUser = { email: { contains: query.actor } };
  if (query.from || query.to) {
    where.createdAt = {
      ...(query.from ? { gte: startOfWibDay(query.from) } : {}),
      ...(query.to ? { lt: startOfWibDay(query.to, 1) } : {}),
    };
  }
  return where;
}

export async function listAuditEntries(query: AuditQuery): Promise<{
  entries: AuditEntryRow[];
  total: number;
  page: number;
  pageCount: number;
}> {
  const where = auditWhere(query);
  const total = await prisma.auditLog.count({ where });
  const { page, pageCount, skip } = clampPage(query.page, total, AUDIT_PAGE_SIZE);
  const rows = await prisma.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: AUDIT_PAGE_SIZE,
    select: entrySelect,
  });
  return { entries: rows.map(toEntry), total, page, pageCount };
}

export async function latestAuditEntries(count: number): Promise<AuditEntryRow[]> {
  const rows = await prisma.auditLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: count,
    select: entrySelect,
  });
  return rows.map(toEntry);
}

/** The actions that occur in the log, for the filter. */
export async function recordedAuditActions(): Promise<string[]> {
  const rows = await prisma.auditLog.findMany({
    distinct: ["action"],
    orderBy: { action: "asc" },
    select: { action: true },
  });
  return rows.map((row) => row.action);
}

/** An audit entry ready to read: the time in WIB, what it concerns by name, details as text. */
export type AuditEntryView = Omit<AuditEntryRow, "createdAt" | "details"> & {
  when: string;
  /** The person, artisan or rest area concerned, when it still exists. */
  entityName: string | null;
  entityHref: string | null;
  userAgentShort: string | null;
  details: string | null;
};

const ENTITY_PAGES: Record<string, string> = {
  User: "/admin/users",
  Artisan: "/admin/artisans",
  RestArea: "/admin/rest-areas",
};

/** Orders are found by their number, which is also the name they are known by. */
const PAGES_BY_NAME: Record<string, string> = { Order: "/admin/orders" };

/** "Mozilla/5.0 (Linux; Android 14; …) … Chrome/131…" is long; its first part says enough. */
function shortUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  return userAgent.length > 60 ? `${userAgent.slice(0, 57)}…` : userAgent;
}

/** The names of the users, artisans and rest areas these entries concern, by type and id. */
async function entityNames(entries: AuditEntryRow[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(
      entries.flatMap((entry) =>
        entry.entityType === type && entry.entityId ? [entry.entityId] : [],
      ),
    ),
  ];
  const select = { id: true, name: true } as const;
  const [users, artisans, restAreas, orders] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: idsOf("User") } }, select }),
    prisma.artisan.findMany({ where: { id: { in: idsOf("Artisan") } }, select }),
    prisma.restArea.findMany({ where: { id: { in: idsOf("RestArea") } }, select }),
    prisma.order.findMany({
      where: { id: { in: idsOf("Order") } },
      select: { id: true, number: true },
    }),
  ]);
  return new Map([
    ...users.map((row) => [`User:${row.id}`, row.name] as const),
    ...artisans.map((row) => [`Artisan:${row.id}`, row.name] as const),
    ...restAreas.map((row) => [`RestArea:${row.id}`, row.name] as const),
    ...orders.map((row) => [`Order:${row.id}`, row.number] as const),
  ]);
}

export async function presentAuditEntries(
  entries: AuditEntryRow[],
  formatWhen: (date: Date) => string,
): Promise<AuditEntryView[]> {
  const names = await entityNames(entries);
  return entries.map(({ createdAt, details, ...entry }) => {
    const name = names.get(`${entry.entityType}:${entry.entityId}`) ?? null;
    const page = ENTITY_PAGES[entry.entityType];
    const pageByName = PAGES_BY_NAME[entry.entityType];
    return {
      ...entry,
      when: formatWhen(createdAt),
      entityName: name,
      entityHref:
        page && name
          ? `${page}/${entry.entityId}`
          : pageByName && name
            ? `${pageByName}/${name}`
            : null,
      userAgentShort: shortUserAgent(entry.userAgent),
      details: details === null ? null : JSON.stringify(details),
    };
  });
}
