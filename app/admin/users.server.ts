import { endAllSessions } from "~/accounts/session.server";
import { issueToken } from "~/accounts/tokens.server";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import { Prisma, type Region, type Role } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { formatDateTime } from "~/lib/dates";
import { enqueueNotification } from "~/notifications/outbox.server";
import { renderMessage } from "~/notifications/templates";
import { accountState, type UserState } from "./account-state";
import { recordAdminAction, type AdminCall } from "./admin-call.server";
import type { InviteForm } from "./forms";
import type { SentInvitation } from "./invitation-link";
import { clampPage, USERS_PAGE_SIZE, type UserListQuery } from "./list-query";

/**
 * The cooperative's accounts as the admin manages them: finding people, inviting artisans and
 * rest-area operators, deactivating, changing roles. Every change is one transaction with its
 * audit row.
 */

export type UserListRow = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: Role;
  state: UserState;
  /** The artisan profile of an artisan account, the number of rest areas of an operator. */
  artisanName: string | null;
  restAreaCount: number;
  createdAt: Date;
};

function userListWhere(query: UserListQuery): Prisma.UserWhereInput {
  const and: Prisma.UserWhereInput[] = [];
  if (query.q) {
    const any: Prisma.UserWhereInput[] = [
      { name: { contains: query.q, mode: "insensitive" } },
      { email: { contains: query.q.toLowerCase() } },
    ];
    // Numbers are stored as +62…: "0812 345" is looked for as "62812345".
    const digits = query.q.replace(/\D/g, "");
    if (digits.length >= 3 && /^[\d\s+().-]+$/.test(query.q)) {
      any.push({ phone: { contains: digits.startsWith("0") ? `62${digits.slice(1)}` : digits } });
    }
    and.push({ OR: any });
  }
  if (query.role) and.push({ role: query.role });
  if (query.state === "deactivated") and.push({ deactivatedAt: { not: null } });
  if (query.state === "active") and.push({ deactivatedAt: null, passwordHash: { not: null } });
  if (query.state === "invited") and.push({ deactivatedAt: null, passwordHash: null });
  return { AND: and };
}

export async function listUsers(query: UserListQuery): Promise<{
  users: UserListRow[];
  total: number;
  page: number;
  pageCount: number;
}> {
  const where = userListWhere(query);
  const total = await prisma.user.count({ where });
  const { page, pageCount, skip } = clampPage(query.page, total, USERS_PAGE_SIZE);
  const rows = await prisma.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take: USERS_PAGE_SIZE,
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      role: true,
      passwordHash: true,
      deactivatedAt: true,
      createdAt: true,
      artisan: { select: { name: true } },
      _count: { select: { operatorAssignments: true } },
    },
  });
  const users = rows.map(({ passwordHash, deactivatedAt, artisan, _count, ...user }) => ({
    ...user,
    state: accountState({ hasPassword: passwordHash !== null, deactivatedAt }),
    artisanName: artisan?.name ?? null,
    restAreaCount: _count.operatorAssignments,
  }));
  return { users, total, page, pageCount };
}

export type UserDetail = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: Role;
  locale: Locale;
  state: UserState;
  emailVerifiedAt: Date | null;
  phoneVerifiedAt: Date | null;
  deactivatedAt: Date | null;
  createdAt: Date;
  /** When the person last signed in (their newest session), if ever. */
  lastSignInAt: Date | null;
  openSessions: number;
  /** The newest invitation not yet accepted: until when it works. */
  invitationExpiresAt: Date | null;
  artisan: { id: string; name: string; village: string } | null;
  restAreas: RestAreaChoice[];
};

export type RestAreaChoice = {
  id: string;
  name: string;
  region: Region;
  segment: string;
  active: boolean;
};

const restAreaChoiceSelect = {
  id: true,
  name: true,
  region: true,
  segment: true,
  active: true,
} as const;

export async function userDetail(id: string): Promise<UserDetail | null> {
  const now = new Date();
  const [user, lastSession, openSessions, invitation] = await Promise.all([
    prisma.user.findUnique({
      where: { id },
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        role: true,
        locale: true,
        passwordHash: true,
        emailVerifiedAt: true,
        phoneVerifiedAt: true,
        deactivatedAt: true,
        createdAt: true,
        artisan: { select: { id: true, name: true, village: true } },
        operatorAssignments: {
          select: { restArea: { select: restAreaChoiceSelect } },
          orderBy: { restArea: { name: "asc" } },
        },
      },
    }),
    prisma.session.findFirst({
      where: { userId: id },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
    prisma.session.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: now } } }),
    prisma.userToken.findFirst({
      where: { userId: id, purpose: "INVITATION", usedAt: null },
      orderBy: { createdAt: "desc" },
      select: { expiresAt: true },
    }),
  ]);
  if (!user) return null;
  const { passwordHash, operatorAssignments, ...rest } = user;
  return {
    ...rest,
    state: accountState({ hasPassword: passwordHash !== null, deactivatedAt: user.deactivatedAt }),
    lastSignInAt: lastSession?.createdAt ?? null,
    openSessions,
    invitationExpiresAt: passwordHash === null ? (invitation?.expiresAt ?? null) : null,
    restAreas: operatorAssignments.map((assignment) => assignment.restArea),
  };
}

/** Artisan profiles nobody signs in to yet: the ones an invitation or a role change may link. */
export function unlinkedArtisans(): Promise<{ id: string; name: string; village: string }[]> {
  return prisma.artisan.findMany({
    where: { userId: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, village: true },
  });
}

const regionOrder: Region[] = ["PALEMBANG", "LAMPUNG", "BENGKULU"];

/** Every rest area, by region, for choosing an operator's rest areas. */
export async function restAreaChoices(): Promise<
  { region: Region; restAreas: RestAreaChoice[] }[]
> {
  const rows = await prisma.restArea.findMany({
    orderBy: [{ segment: "asc" }, { km: "asc" }, { side: "asc" }, { name: "asc" }],
    select: restAreaChoiceSelect,
  });
  return regionOrder
    .map((region) => ({ region, restAreas: rows.filter((row) => row.region === region) }))
    .filter((group) => group.restAreas.length > 0);
}

/** The link an invited person opens, shown once to the admin so they can also pass it on. */
export type Invitation = {
  userId: string;
  name: string;
  url: string;
  expiresAt: Date;
  /** The invitation message as the invitee receives it, for sharing it on WhatsApp by hand. */
  message: string;
  phone: string | null;
};

type InvitedPerson = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  role: "ARTISAN" | "OPERATOR";
};

/** A new invitation link (older ones stop working) and its message in the outbox. */
async function sendInvitation(
  tx: Prisma.TransactionClient,
  user: InvitedPerson,
): Promise<Invitation> {
  const { secret, expiresAt } = await issueToken(tx, { userId: user.id, purpose: "INVITATION" });
  const payload = {
    name: user.name,
    url: `${appConfig().publicUrl}/invitation/${secret}`,
    expiresAt: expiresAt.toISOString(),
    role: user.role,
  };
  await enqueueNotification(tx, {
    template: "auth.invitation",
    locale: user.locale,
    recipient: { email: user.email, phone: user.phone },
    payload,
    idempotencyKey: `invitation:${user.id}:${expiresAt.getTime()}`,
    userId: user.id,
  });
  return {
    userId: user.id,
    name: user.name,
    url: payload.url,
    expiresAt,
    message: renderMessage("auth.invitation", user.locale, payload).text,
    phone: user.phone,
  };
}

export type InviteProblem = "email-taken" | "phone-taken" | "artisan-taken" | "rest-area-unknown";
export type InviteField = "email" | "phone" | "artisanId" | "restAreaIds";
export type InviteResult =
  | { ok: true; invitation: Invitation }
  | { ok: false; problems: Partial<Record<InviteField, InviteProblem>> };

/** Thrown inside a transaction to roll it back with what was wrong. */
class Refused<P> extends Error {
  constructor(readonly problems: P) {
    super("refused");
  }
}

type UniqueViolationMeta = {
  /** How the query engine names the columns. */
  target?: string | string[];
  /** How a driver adapter (PostgreSQL through pg) names the constraint. */
  driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } };
};

/**
 * Which contact a unique-constraint violation (P2002) is about: someone else took the e-mail
 * or number between the check and the insert. Only the constraint's name counts; the error's
 * message quotes source code that names both fields.
 */
function takenContact(error: unknown): "email" | "phone" | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") {
    return null;
  }
  const meta = (error.meta ?? {}) as UniqueViolationMeta;
  const constraint = meta.driverAdapterError?.cause?.constraint;
  const names = [meta.target ?? [], constraint?.index ?? [], constraint?.fields ?? []].flat();
  if (names.some((name) => /(^|_)phone(_|$)/.test(name))) return "phone";
  if (names.some((name) => /(^|_)email(_|$)/.test(name))) return "email";
  return null;
}

async function contactsTaken(
  email: string | null,
  phone: string | null,
): Promise<Partial<Record<InviteField, InviteProblem>>> {
  const problems: Partial<Record<InviteField, InviteProblem>> = {};
  const contacts: Prisma.UserWhereInput[] = [];
  if (email) contacts.push({ email });
  if (phone) contacts.push({ phone });
  const existing = await prisma.user.findMany({
    where: { OR: contacts },
    select: { email: true, phone: true },
  });
  for (const user of existing) {
    if (email && user.email === email) problems.email = "email-taken";
    if (phone && user.phone === phone) problems.phone = "phone-taken";
  }
  return problems;
}

/**
 * Invites an artisan (linked to their profile) or an operator (assigned to rest areas): the
 * account without a password, its invitation link, the message in the outbox and the audit row,
 * all or nothing.
 */
export async function inviteUser(call: AdminCall, form: InviteForm): Promise<InviteResult> {
  const taken = await contactsTaken(form.email, form.phone);
  if (Object.keys(taken).length > 0) return { ok: false, problems: taken };
  const restAreaIds = [...new Set(form.restAreaIds)];
  try {
    const invitation = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: form.name,
          email: form.email,
          phone: form.phone,
          role: form.role,
          locale: form.locale,
        },
        select: { id: true, name: true, email: true, phone: true, locale: true },
      });
      if (form.role === "ARTISAN") {
        const artisanId = form.artisanId ?? "";
        // Only a profile without an account: two admins inviting for one profile, one wins.
        const linked = await tx.artisan.updateMany({
          where: { id: artisanId, userId: null },
          data: { userId: user.id },
        });
        if (linked.count !== 1) throw new Refused({ artisanId: "artisan-taken" as const });
      } else {
        await assignRestAreas(tx, user.id, restAreaIds);
      }
      const sent = await sendInvitation(tx, { ...user, role: form.role });
      await recordAdminAction(tx, call, {
        action: "admin.user_invited",
        entityType: "User",
        entityId: user.id,
        details: {
          role: form.role,
          ...(form.role === "ARTISAN" ? { artisanId: form.artisanId } : { restAreaIds }),
          channels: [form.email ? "email" : null, form.phone ? "whatsapp" : null].filter(
            (channel) => channel !== null,
          ),
        },
      });
      return sent;
    });
    return { ok: true, invitation };
  } catch (error) {
    if (error instanceof Refused) {
      return { ok: false, problems: error.problems as Partial<Record<InviteField, InviteProblem>> };
    }
    const contact = takenContact(error);
    if (contact) return { ok: false, problems: { [contact]: `${contact}-taken` } };
    throw error;
  }
}

async function assignRestAreas(
  tx: Prisma.TransactionClient,
  userId: string,
  restAreaIds: string[],
): Promise<void> {
  const found = await tx.restArea.count({ where: { id: { in: restAreaIds } } });
  if (restAreaIds.length === 0 || found !== restAreaIds.length) {
    throw new Refused({ restAreaIds: "rest-area-unknown" as const });
  }
  await tx.operatorAssignment.createMany({
    data: restAreaIds.map((restAreaId) => ({ userId, restAreaId })),
    skipDuplicates: true,
  });
}

export type UserProblem =
  | "not-found"
  | "self"
  | "already-deactivated"
  | "not-deactivated"
  | "same-role"
  | "artisan-taken"
  | "rest-area-unknown"
  | "not-operator"
  | "has-password"
  | "deactivated"
  | "not-invitable";

export type UserChange = { ok: true } | { ok: false; problem: UserProblem };

/**
 * Deactivates an account: it can no longer sign in, its open sessions end at once and its
 * unused links (invitation, reset) stop working. An admin cannot lock themselves out.
 */
export async function deactivateUser(call: AdminCall, userId: string): Promise<UserChange> {
  if (userId === call.actor.userId) return { ok: false, problem: "self" };
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return { ok: false, problem: "not-found" } as const;
    const { count } = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: null },
      data: { deactivatedAt: now },
    });
    if (count === 0) return { ok: false, problem: "already-deactivated" } as const;
    const sessionsEnded = await endAllSessions(tx, userId);
    await tx.userToken.updateMany({
      where: { userId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    await recordAdminAction(tx, call, {
      action: "admin.user_deactivated",
      entityType: "User",
      entityId: userId,
      details: { sessionsEnded },
    });
    return { ok: true } as const;
  });
}

export async function reactivateUser(call: AdminCall, userId: string): Promise<UserChange> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) return { ok: false, problem: "not-found" } as const;
    const { count } = await tx.user.updateMany({
      where: { id: userId, deactivatedAt: { not: null } },
      data: { deactivatedAt: null },
    });
    if (count === 0) return { ok: false, problem: "not-deactivated" } as const;
    await recordAdminAction(tx, call, {
      action: "admin.user_reactivated",
      entityType: "User",
      entityId: userId,
    });
    return { ok: true } as const;
  });
}

export type RoleChange =
  | { role: "BUYER" | "ADMIN" }
  | { role: "ARTISAN"; artisanId: string }
  | { role: "OPERATOR"; restAreaIds: string[] };

/**
 * Gives an account another role. An artisan account is linked to a profile that has none yet,
 * an operator account gets its rest areas; leaving either role lets go of the profile or the
 * rest areas. Nobody changes their own role, so the cooperative always keeps an admin.
 */
export async function changeUserRole(
  call: AdminCall,
  userId: string,
  change: RoleChange,
): Promise<UserChange> {
  if (userId === call.actor.userId) return { ok: false, problem: "self" };
  try {
    return await prisma.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { role: true, artisan: { select: { id: true } } },
      });
      if (!user) return { ok: false, problem: "not-found" } as const;
      if (user.role === change.role) return { ok: false, problem: "same-role" } as const;
      const details: Prisma.InputJsonObject = { from: user.role, to: change.role };
      let unlinkedArtisanId: string | null = null;
      if (user.artisan) {
        await tx.artisan.update({ where: { id: user.artisan.id }, data: { userId: null } });
        unlinkedArtisanId = user.artisan.id;
      }
      const { count: restAreasReleased } = await tx.operatorAssignment.deleteMany({
        where: { userId },
      });
      if (change.role === "ARTISAN") {
        const linked = await tx.artisan.updateMany({
          where: { id: change.artisanId, userId: null },
          data: { userId },
        });
        if (linked.count !== 1) throw new Refused("artisan-taken" as const);
      }
      if (change.role === "OPERATOR") {
        const restAreaIds = [...new Set(change.restAreaIds)];
        const found = await tx.restArea.count({ where: { id: { in: restAreaIds } } });
        if (found !== restAreaIds.length) throw new Refused("rest-area-unknown" as const);
        await tx.operatorAssignment.createMany({
          data: restAreaIds.map((restAreaId) => ({ userId, restAreaId })),
        });
      }
      await tx.user.update({ where: { id: userId }, data: { role: change.role } });
      await recordAdminAction(tx, call, {
        action: "admin.user_role_changed",
        entityType: "User",
        entityId: userId,
        details: {
          ...details,
          ...(change.role === "ARTISAN" ? { artisanId: change.artisanId } : {}),
          ...(change.role === "OPERATOR" ? { restAreaIds: [...new Set(change.restAreaIds)] } : {}),
          ...(unlinkedArtisanId ? { unlinkedArtisanId } : {}),
          ...(restAreasReleased > 0 ? { restAreasReleased } : {}),
        },
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problems as UserProblem };
    throw error;
  }
}

/** The rest areas an operator serves, replaced by these (at least one). */
export async function setOperatorRestAreas(
  call: AdminCall,
  userId: string,
  restAreaIds: string[],
): Promise<UserChange> {
  const wanted = [...new Set(restAreaIds)];
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { role: true, operatorAssignments: { select: { restAreaId: true } } },
    });
    if (!user) return { ok: false, problem: "not-found" } as const;
    if (user.role !== "OPERATOR") return { ok: false, problem: "not-operator" } as const;
    const found = await tx.restArea.count({ where: { id: { in: wanted } } });
    if (wanted.length === 0 || found !== wanted.length) {
      return { ok: false, problem: "rest-area-unknown" } as const;
    }
    const current = user.operatorAssignments.map((a) => a.restAreaId);
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    if (added.length === 0 && removed.length === 0) return { ok: true } as const;
    await tx.operatorAssignment.deleteMany({ where: { userId, restAreaId: { in: removed } } });
    await tx.operatorAssignment.createMany({
      data: added.map((restAreaId) => ({ userId, restAreaId })),
    });
    await recordAdminAction(tx, call, {
      action: "admin.operator_rest_areas_changed",
      entityType: "User",
      entityId: userId,
      details: { added, removed },
    });
    return { ok: true } as const;
  });
}

export type ResendResult =
  { ok: true; invitation: Invitation } | { ok: false; problem: UserProblem };

/**
 * A fresh invitation link for someone who has not set a password yet (the old link stops
 * working), sent again through the outbox.
 */
export async function resendInvitation(call: AdminCall, userId: string): Promise<ResendResult> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        phone: true,
        locale: true,
        role: true,
        passwordHash: true,
        deactivatedAt: true,
      },
    });
    if (!user) return { ok: false, problem: "not-found" } as const;
    if (user.passwordHash !== null) return { ok: false, problem: "has-password" } as const;
    if (user.deactivatedAt) return { ok: false, problem: "deactivated" } as const;
    const { role } = user;
    // The invitation message speaks of joining as an artisan or an operator.
    if ((role !== "ARTISAN" && role !== "OPERATOR") || (!user.email && !user.phone)) {
      return { ok: false, problem: "not-invitable" } as const;
    }
    const invitation = await sendInvitation(tx, { ...user, role });
    await recordAdminAction(tx, call, {
      action: "admin.invitation_resent",
      entityType: "User",
      entityId: userId,
      details: { expiresAt: invitation.expiresAt.toISOString() },
    });
    return { ok: true, invitation } as const;
  });
}

/** What the admin sees of an invitation just made: the link, once, and its message. */
export function presentInvitation(invitation: Invitation, locale: Locale): SentInvitation {
  return {
    name: invitation.name,
    url: invitation.url,
    expires: formatDateTime(invitation.expiresAt, locale),
    message: invitation.message,
    phone: invitation.phone,
  };
}
