import { prisma } from "~/db.server";
import type { Identifier } from "./identifier";
import { hashPassword, verifyPassword } from "./password.server";

// Checked when no account matches, so that an unknown account costs the same time as a wrong
// password and the answer cannot tell which it was.
const decoyHash = hashPassword("decoy password that matches no account");

export type CheckedCredentials =
  | { ok: true; user: { id: string; deactivatedAt: Date | null } }
  | { ok: false; userId: string | null };

export async function checkCredentials(
  identifier: Identifier,
  password: string,
): Promise<CheckedCredentials> {
  const user = await prisma.user.findUnique({
    where: identifier.kind === "email" ? { email: identifier.email } : { phone: identifier.phone },
    select: { id: true, passwordHash: true, deactivatedAt: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user?.passwordHash || !matches) return { ok: false, userId: user?.id ?? null };
  return { ok: true, user };
}
