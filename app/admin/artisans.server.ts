import { prisma } from "~/db.server";
import type { Metal } from "~/generated/prisma/client";
import { recordAdminAction, type AdminCall } from "./admin-call.server";
import type { ArtisanForm } from "./forms";

/**
 * Artisan profiles as the admin keeps them, payout bank details included: only this module and
 * the artisan's own studio read those.
 */

/** Whether the artisan can sign in: no account yet, invited, signing in, or deactivated. */
export type ArtisanAccountState = "none" | "invited" | "active" | "deactivated";

function accountOf(
  user: { id: string; passwordHash: string | null; deactivatedAt: Date | null } | null,
): ArtisanAccountState {
  if (!user) return "none";
  if (user.deactivatedAt) return "deactivated";
  return user.passwordHash === null ? "invited" : "active";
}

const accountSelect = { id: true, passwordHash: true, deactivatedAt: true } as const;

export type AdminArtisanRow = {
  id: string;
  name: string;
  village: string;
  active: boolean;
  productCount: number;
  account: ArtisanAccountState;
};

export async function listArtisansForAdmin(): Promise<AdminArtisanRow[]> {
  const rows = await prisma.artisan.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      village: true,
      active: true,
      user: { select: accountSelect },
      _count: { select: { products: true } },
    },
  });
  return rows.map(({ user, _count, ...artisan }) => ({
    ...artisan,
    productCount: _count.products,
    account: accountOf(user),
  }));
}

export type AdminArtisan = {
  id: string;
  slug: string;
  name: string;
  village: string;
  storyId: string;
  storyEn: string | null;
  specialties: Metal[];
  craftingSince: number | null;
  active: boolean;
  bankName: string | null;
  bankAccountNumber: string | null;
  bankAccountName: string | null;
  productCount: number;
  account: ArtisanAccountState;
  /** The sign-in account, when there is one. */
  user: { id: string; name: string } | null;
};

export async function artisanForAdmin(id: string): Promise<AdminArtisan | null> {
  const row = await prisma.artisan.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      name: true,
      village: true,
      storyId: true,
      storyEn: true,
      specialties: true,
      craftingSince: true,
      active: true,
      bankName: true,
      bankAccountNumber: true,
      bankAccountName: true,
      user: { select: { ...accountSelect, name: true } },
      _count: { select: { products: true } },
    },
  });
  if (!row) return null;
  const { user, _count, ...artisan } = row;
  return {
    ...artisan,
    productCount: _count.products,
    account: accountOf(user),
    user: user ? { id: user.id, name: user.name } : null,
  };
}

const EDITABLE = [
  "name",
  "village",
  "storyId",
  "storyEn",
  "specialties",
  "craftingSince",
  "active",
  "bankName",
  "bankAccountNumber",
  "bankAccountName",
] as const satisfies readonly (keyof ArtisanForm)[];

export type ArtisanUpdate = { ok: true; changed: string[] } | { ok: false; problem: "not-found" };

/**
 * Saves an artisan's profile. The audit row names the fields that changed, never their values:
 * bank details stay out of the log.
 */
export async function updateArtisan(
  call: AdminCall,
  id: string,
  form: ArtisanForm,
): Promise<ArtisanUpdate> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.artisan.findUnique({ where: { id } });
    if (!current) return { ok: false, problem: "not-found" } as const;
    // Specialties are a set: the same metals in another order are no change.
    const comparable = (value: unknown) =>
      JSON.stringify(Array.isArray(value) ? [...(value as string[])].sort() : value);
    const changed = EDITABLE.filter(
      (field) => comparable(current[field]) !== comparable(form[field]),
    );
    if (changed.length === 0) return { ok: true, changed: [] };
    await tx.artisan.update({
      where: { id },
      data: Object.fromEntries(changed.map((field) => [field, form[field]])),
    });
    await recordAdminAction(tx, call, {
      action: "admin.artisan_updated",
      entityType: "Artisan",
      entityId: id,
      details: { changed },
    });
    return { ok: true, changed };
  });
}
