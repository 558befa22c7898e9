import { Role } from "~/generated/prisma/enums";
import { isUserState, type UserState } from "./account-state";

/**
 * The admin lists' filters, read from the address so that a filtered page can be bookmarked or
 * shared. Anything malformed (`page=-1`, `role=KING`, `from=yesterday`) is ignored or clamped,
 * never an error.
 */

export const USERS_PAGE_SIZE = 25;
export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

export function readPage(value: string | null): number {
  const page = /^\d{1,6}$/.test(value?.trim() ?? "") ? Number(value) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

/** The page to show once the number of rows is known: a page past the end shows the last one. */
export function clampPage(
  page: number,
  total: number,
  pageSize: number,
): { page: number; pageCount: number; skip: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const clamped = Math.min(Math.max(page, 1), pageCount);
  return { page: clamped, pageCount, skip: (clamped - 1) * pageSize };
}

export type UserListQuery = { q: string; role: Role | null; state: UserState | null; page: number };

const ROLES = Object.values(Role);

export function parseUserListQuery(params: URLSearchParams): UserListQuery {
  const role = params.get("role");
  const state = params.get("state");
  return {
    q: (params.get("q") ?? "").trim().replace(/\s+/g, " ").slice(0, 100),
    role: ROLES.find((r) => r === role) ?? null,
    state: isUserState(state) ? state : null,
    page: readPage(params.get("page")),
  };
}

export function userListHref(query: UserListQuery, changes: Partial<UserListQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.role) params.set("role", next.role);
  if (next.state) params.set("state", next.state);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/admin/users?${search}` : "/admin/users";
}

export type AuditQuery = {
  action: string | null;
  actor: string;
  /** WIB calendar days, YYYY-MM-DD, both included. */
  from: string | null;
  to: string | null;
  page: number;
};

function calendarDay(value: string | null): string | null {
  const text = value?.trim() ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  // 2026-02-31 parses as a date in March: not the day that was asked for.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : null;
}

export function parseAuditQuery(params: URLSearchParams): AuditQuery {
  const action = params.get("action")?.trim() ?? "";
  let from = calendarDay(params.get("from"));
  let to = calendarDay(params.get("to"));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    action: /^[a-z_]{1,30}\.[a-z_]{1,60}$/.test(action) ? action : null,
    actor: (params.get("actor") ?? "").trim().toLowerCase().slice(0, 254),
    from,
    to,
    page: readPage(params.get("page")),
  };
}

export function auditHref(query: AuditQuery, changes: Partial<AuditQuery> = {}): string {
  const next = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (next.action) params.set("action", next.action);
  if (next.actor) params.set("actor", next.actor);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/admin/audit?${search}` : "/admin/audit";
}
