import type { AdminActor } from "~/accounts/permissions.server";
import { recordAdminAction, type AdminCall } from "~/admin/admin-call.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import { isUniqueViolation } from "~/db/errors.server";
import { isFinishedMonth, payoutMonthDate } from "./payouts";
import {
  artisanMonthStatement,
  bankDetailsOf,
  soldLinesOfMonth,
  summarize,
  type BankDetails,
  type MonthSummary,
  type RecordedPayout,
} from "./statements.server";

/**
 * The admin's side of artisans' payouts: every artisan's statement for a finished month, with
 * their bank details (only admins and the artisan themselves see those), recording a transfer
 * as a Payout, and the cooperative's fee rate. Each function takes the AdminActor, so only an
 * admin's loader or action can reach them.
 *
 * A Payout is written once per artisan and month (the table's unique key) and keeps the figures
 * it was paid with: they are computed from the sold lines inside the transaction that records
 * it, with the same arithmetic as the artisan's statement, and never change afterwards.
 */

export type PayoutMonthRow = MonthSummary & {
  artisanId: string;
  name: string;
  village: string;
  active: boolean;
  bank: BankDetails | null;
  /** Who recorded the payout, when one is recorded and they still have an account. */
  recordedBy: string | null;
};

export type PayoutMonth = {
  month: string;
  /** Artisans with sales in the month or a payout for it, by name. */
  rows: PayoutMonthRow[];
  /** Active artisans with neither. */
  quietArtisans: number;
};

/** Every artisan's figures for the WIB month `key` ("YYYY-MM"), with their payout state. */
export async function payoutMonth(_actor: AdminActor, key: string): Promise<PayoutMonth> {
  const [linesByArtisan, payouts] = await Promise.all([
    soldLinesOfMonth(key),
    prisma.payout.findMany({
      where: { month: payoutMonthDate(key) },
      select: {
        artisanId: true,
        grossRupiah: true,
        feeRupiah: true,
        netRupiah: true,
        paidAt: true,
        transferReference: true,
        recordedById: true,
      },
    }),
  ]);
  const payoutByArtisan = new Map(payouts.map((payout) => [payout.artisanId, payout]));
  const artisanIds = [...new Set([...linesByArtisan.keys(), ...payoutByArtisan.keys()])];
  const recorderIds = payouts.flatMap((payout) =>
    payout.recordedById ? [payout.recordedById] : [],
  );
  const [artisans, recorders, quietArtisans] = await Promise.all([
    prisma.artisan.findMany({
      where: { id: { in: artisanIds } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        village: true,
        active: true,
        bankName: true,
        bankAccountNumber: true,
        bankAccountName: true,
        cooperative: { select: { feeBasisPoints: true } },
      },
    }),
    prisma.user.findMany({
      where: { id: { in: recorderIds } },
      select: { id: true, name: true },
    }),
    prisma.artisan.count({ where: { active: true, id: { notIn: artisanIds } } }),
  ]);
  const recorderName = new Map(recorders.map((user) => [user.id, user.name]));
  const rows = artisans.map((artisan): PayoutMonthRow => {
    const stored = payoutByArtisan.get(artisan.id);
    const payout: RecordedPayout | null = stored
      ? {
          grossRupiah: stored.grossRupiah,
          feeRupiah: stored.feeRupiah,
          netRupiah: stored.netRupiah,
          paidAt: stored.paidAt,
          transferReference: stored.transferReference,
        }
      : null;
    return {
      ...summarize(
        key,
        linesByArtisan.get(artisan.id) ?? [],
        artisan.cooperative.feeBasisPoints,
        payout,
      ),
      artisanId: artisan.id,
      name: artisan.name,
      village: artisan.village,
      active: artisan.active,
      bank: bankDetailsOf(artisan),
      recordedBy: stored?.recordedById ? (recorderName.get(stored.recordedById) ?? null) : null,
    };
  });
  return { month: key, rows, quietArtisans };
}

export type RecordPayoutInput = {
  artisanId: string;
  /** "YYYY-MM". */
  month: string;
  /** Trimmed, 3 to 64 characters (the form checks). */
  transferReference: string;
  /** The net the admin saw and transferred: refused when the statement no longer gives it. */
  expectedNetRupiah: number;
};

export type RecordPayoutOutcome =
  | { ok: true; payoutId: string; artisanName: string; netRupiah: number }
  | { ok: false; problem: "not-finished" }
  | { ok: false; problem: "no-artisan" }
  | { ok: false; problem: "nothing-to-pay"; artisanName: string }
  | {
      ok: false;
      problem: "already-paid";
      artisanName: string;
      transferReference: string | null;
    }
  | { ok: false; problem: "changed"; artisanName: string; netRupiah: number };

/**
 * Records that the cooperative transferred an artisan's net for a finished month. The amounts
 * are the statement's at this moment, computed inside the transaction. Refused — and nothing is
 * written — for the current or a future month, a month with nothing to pay, a month already
 * paid (also when two admins record at once: the artisan's row is locked, and the table's
 * unique key stops anything that gets past), and when the statement's net is no longer the one
 * the admin saw. Audited without the artisan's bank details.
 */
export async function recordPayout(
  call: AdminCall,
  input: RecordPayoutInput,
  now: Date = new Date(),
): Promise<RecordPayoutOutcome> {
  if (!isFinishedMonth(input.month, now)) return { ok: false, problem: "not-finished" };
  const month = payoutMonthDate(input.month);
  try {
    return await prisma.$transaction(async (tx): Promise<RecordPayoutOutcome> => {
      // Two recordings for the same artisan wait for each other here.
      const locked = await tx.$queryRaw<{ name: string }[]>`
        SELECT name FROM "Artisan" WHERE id = ${input.artisanId} FOR UPDATE`;
      const artisanName = locked[0]?.name;
      if (artisanName === undefined) return { ok: false, problem: "no-artisan" };
      const existing = await tx.payout.findUnique({
        where: { artisanId_month: { artisanId: input.artisanId, month } },
        select: { transferReference: true },
      });
      if (existing) {
        return {
          ok: false,
          problem: "already-paid",
          artisanName,
          transferReference: existing.transferReference,
        };
      }
      const statement = await artisanMonthStatement(tx, input.artisanId, input.month);
      if (statement.netRupiah <= 0) return { ok: false, problem: "nothing-to-pay", artisanName };
      if (statement.netRupiah !== input.expectedNetRupiah) {
        return { ok: false, problem: "changed", artisanName, netRupiah: statement.netRupiah };
      }
      const payout = await tx.payout.create({
        data: {
          artisanId: input.artisanId,
          month,
          grossRupiah: statement.grossRupiah,
          feeRupiah: statement.feeRupiah,
          netRupiah: statement.netRupiah,
          paidAt: now,
          transferReference: input.transferReference,
          recordedById: call.actor.userId,
        },
        select: { id: true },
      });
      await recordAdminAction(tx, call, {
        action: "admin.payout_recorded",
        entityType: "Artisan",
        entityId: input.artisanId,
        details: {
          payoutId: payout.id,
          month: input.month,
          itemsSold: statement.itemsSold,
          grossRupiah: statement.grossRupiah,
          feeBasisPoints: statement.feeBasisPoints,
          feeRupiah: statement.feeRupiah,
          netRupiah: statement.netRupiah,
          transferReference: input.transferReference,
        },
      });
      return { ok: true, payoutId: payout.id, artisanName, netRupiah: statement.netRupiah };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another recording committed between our check and our insert.
    const [artisan, existing] = await Promise.all([
      prisma.artisan.findUnique({ where: { id: input.artisanId }, select: { name: true } }),
      prisma.payout.findUnique({
        where: { artisanId_month: { artisanId: input.artisanId, month } },
        select: { transferReference: true },
      }),
    ]);
    return {
      ok: false,
      problem: "already-paid",
      artisanName: artisan?.name ?? "",
      transferReference: existing?.transferReference ?? null,
    };
  }
}

/** The cooperative that runs the shop: its fee applies to every month not paid out yet. */
export async function cooperativeFeeSetting(_actor: AdminActor): Promise<{
  feeBasisPoints: number;
}> {
  const cooperative = await prisma.cooperative.findFirstOrThrow({
    orderBy: { createdAt: "asc" },
    select: { feeBasisPoints: true },
  });
  return cooperative;
}

/**
 * Sets the cooperative's fee (basis points, 0–10 000). Months already paid keep the amounts
 * their Payout stores; every month not paid out is computed at the new rate from now on.
 * Audited with the old and the new rate; nothing is written when the rate is the same.
 */
export async function changeCooperativeFee(
  call: AdminCall,
  feeBasisPoints: number,
): Promise<{ changed: boolean; from: number; to: number }> {
  if (!Number.isInteger(feeBasisPoints) || feeBasisPoints < 0 || feeBasisPoints > 10_000) {
    throw new RangeError(`A fee must be 0 to 10 000 basis points, not ${feeBasisPoints}`);
  }
  return prisma.$transaction(async (tx) => {
    const cooperative = await tx.cooperative.findFirstOrThrow({
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    const [current] = await tx.$queryRaw<{ feeBasisPoints: number }[]>`
      SELECT "feeBasisPoints" FROM "Cooperative" WHERE id = ${cooperative.id} FOR UPDATE`;
    const from = current!.feeBasisPoints;
    if (from === feeBasisPoints) return { changed: false, from, to: feeBasisPoints };
    await tx.cooperative.update({
      where: { id: cooperative.id },
      data: { feeBasisPoints },
    });
    await audit(tx, call.request, call.context, {
      actorUserId: call.actor.userId,
      action: "admin.cooperative_fee_changed",
      entityType: "Cooperative",
      entityId: cooperative.id,
      details: { fromBasisPoints: from, toBasisPoints: feeBasisPoints },
    });
    return { changed: true, from, to: feeBasisPoints };
  });
}
