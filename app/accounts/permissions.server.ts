import { redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client";
import { currentUser, type SessionUser } from "./session.server";

/**
 * The one place that decides who may open what. Every protected loader and action starts with
 * one of the `require…` functions below; each returns an *owner* that the data-access functions
 * take, so a query is always narrowed to the rows its caller owns.
 *
 * - anonymous → redirect to sign-in (and back afterwards);
 * - signed in with the wrong role → 403;
 * - someone else's resource → 404 (its existence is not revealed), thrown by `notFound()` where
 *   the owner-scoped query found nothing.
 */

/** Each role's home, where signing in leads. */
export const roleHome: Record<Role, string> = {
  BUYER: "/account",
  ARTISAN: "/studio",
  OPERATOR: "/operator",
  ADMIN: "/admin",
};

/** A signed-in person acting on their own account (any role). */
export type AccountOwner = { userId: string; user: SessionUser };
/** An artisan acting on their own listings, orders and statements. */
export type ArtisanOwner = AccountOwner & { artisanId: string };
/** An operator acting on the rest areas assigned to them. */
export type OperatorOwner = AccountOwner & { restAreaIds: readonly string[] };
/** A cooperative admin: sees everything, and is recorded in the audit log. */
export type AdminActor = AccountOwner;

export function forbidden(): Response {
  return new Response(null, { status: 403, statusText: "Forbidden" });
}

export function notFound(): Response {
  return new Response(null, { status: 404, statusText: "Not Found" });
}

/** Where to send an anonymous visitor: sign in, then come back here. */
export function signInRedirect(request: Request): Response {
  const url = new URL(request.url);
  // A form posted anonymously comes back to the page, not to the action's answer.
  const back = request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
  return redirect(`/sign-in?${new URLSearchParams({ next: back })}`);
}

/** Any signed-in account, for its own profile, data and orders. */
export async function requireAccount(request: Request): Promise<AccountOwner> {
  const user = await currentUser(request);
  if (!user) throw signInRedirect(request);
  return { userId: user.id, user };
}

async function requireRole(request: Request, role: Role): Promise<AccountOwner> {
  const owner = await requireAccount(request);
  if (owner.user.role !== role) throw forbidden();
  return owner;
}

export async function requireArtisan(request: Request): Promise<ArtisanOwner> {
  const owner = await requireRole(request, "ARTISAN");
  // An artisan account always has its profile; without one there is nothing it may manage.
  if (!owner.user.artisanId) throw forbidden();
  return { ...owner, artisanId: owner.user.artisanId };
}

export async function requireOperator(request: Request): Promise<OperatorOwner> {
  const owner = await requireRole(request, "OPERATOR");
  return { ...owner, restAreaIds: owner.user.restAreaIds };
}

export async function requireAdmin(request: Request): Promise<AdminActor> {
  return requireRole(request, "ADMIN");
}

/** Whether an operator serves this rest area; callers answer 404 when not. */
export function operatesRestArea(owner: OperatorOwner, restAreaId: string): boolean {
  return owner.restAreaIds.includes(restAreaId);
}
