import type { AppLoadContext } from "@remix-run/node";
import type { AccountOwner } from "~/accounts/permissions.server";
import { audit } from "~/audit/audit.server";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import { wibDateKey } from "~/lib/dates";

/**
 * Everything the shop holds about one person (UU PDP art. 7 and 13: access and portability),
 * as one JSON document. Secrets are left out: password hash, session and link hashes, pickup
 * codes and order-link hashes, and the links and pickup codes inside messages (they would still
 * work: a live pickup code hands the parcel to whoever reads it).
 */
export async function exportAccountData(
  owner: AccountOwner,
  request: Request,
  context: Pick<AppLoadContext, "clientIp">,
): Promise<{ filename: string; json: string }> {
  const userId = owner.userId;
  await prisma.$transaction((tx) =>
    audit(tx, request, context, {
      actorUserId: userId,
      action: "account.data_exported",
      entityType: "User",
      entityId: userId,
    }),
  );

  const [profile, sessions, links, orders, cart, auditEntries] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: {
        id: true,
        name: true,
        email: true,
        emailVerifiedAt: true,
        phone: true,
        phoneVerifiedAt: true,
        pendingEmail: true,
        pendingPhone: true,
        role: true,
        locale: true,
        createdAt: true,
        updatedAt: true,
        artisan: {
          select: {
            slug: true,
            name: true,
            village: true,
            craftingSince: true,
            storyId: true,
            storyEn: true,
            bankName: true,
            bankAccountNumber: true,
            bankAccountName: true,
          },
        },
        operatorAssignments: {
          select: { createdAt: true, restArea: { select: { name: true, kmLabel: true } } },
        },
      },
    }),
    prisma.session.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        lastSeenAt: true,
        expiresAt: true,
        revokedAt: true,
        ip: true,
        userAgent: true,
      },
    }),
    prisma.userToken.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { purpose: true, target: true, createdAt: true, expiresAt: true, usedAt: true },
    }),
    prisma.order.findMany({
      where: { userId },
      orderBy: { placedAt: "asc" },
      select: {
        id: true,
        number: true,
        status: true,
        buyerName: true,
        buyerPhone: true,
        buyerEmail: true,
        locale: true,
        paymentMethod: true,
        subtotalRupiah: true,
        totalRupiah: true,
        placedAt: true,
        updatedAt: true,
        pickupDate: true,
        pickupStartMinute: true,
        pickupEndMinute: true,
        restArea: { select: { name: true, kmLabel: true } },
        items: {
          select: {
            sku: true,
            titleId: true,
            titleEn: true,
            variantLabelId: true,
            variantLabelEn: true,
            unitPriceRupiah: true,
            quantity: true,
            lineTotalRupiah: true,
            artisan: { select: { name: true } },
          },
        },
        events: {
          orderBy: { createdAt: "asc" },
          select: {
            fromStatus: true,
            toStatus: true,
            actorKind: true,
            reason: true,
            createdAt: true,
          },
        },
        payments: {
          orderBy: { createdAt: "asc" },
          select: {
            provider: true,
            status: true,
            amountRupiah: true,
            refundedRupiah: true,
            paidAt: true,
            createdAt: true,
          },
        },
      },
    }),
    prisma.cart.findUnique({
      where: { userId },
      select: {
        items: {
          orderBy: { addedAt: "asc" },
          select: {
            quantity: true,
            addedAt: true,
            variant: {
              select: {
                sku: true,
                labelId: true,
                product: { select: { titleId: true, titleEn: true } },
              },
            },
          },
        },
      },
    }),
    prisma.auditLog.findMany({
      where: { actorUserId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        action: true,
        entityType: true,
        entityId: true,
        details: true,
        ip: true,
        userAgent: true,
        createdAt: true,
      },
    }),
  ]);

  const notifications = await prisma.notification.findMany({
    where: { OR: [{ userId }, { orderId: { in: orders.map((order) => order.id) } }] },
    orderBy: { createdAt: "asc" },
    select: {
      template: true,
      channel: true,
      recipient: true,
      locale: true,
      status: true,
      payload: true,
      createdAt: true,
      sentAt: true,
    },
  });

  const now = new Date();
  const document = {
    about: about[profile.locale],
    exportedAt: now.toISOString(),
    profile,
    sessions,
    linksSent: links,
    orders: orders.map(({ id: _id, pickupDate, ...order }) => ({
      ...order,
      pickupDate: pickupDate.toISOString().slice(0, 10),
    })),
    cart: (cart?.items ?? []).map((line) => ({
      sku: line.variant.sku,
      titleId: line.variant.product.titleId,
      titleEn: line.variant.product.titleEn,
      variant: line.variant.labelId,
      quantity: line.quantity,
      addedAt: line.addedAt,
    })),
    notifications: notifications.map((message) => ({
      ...message,
      payload: withoutSecrets(message.payload),
    })),
    // Details of what a staff member did to others' records may name those others.
    auditLog: auditEntries.map(({ details, ...entry }) => ({
      ...entry,
      details: entry.entityType === "User" && entry.entityId === userId ? details : null,
    })),
  };
  return {
    filename: `karya-sungging-data-${wibDateKey(now)}.json`,
    json: JSON.stringify(document, null, 2),
  };
}

const about = {
  id: "Karya Sungging (KUB Karya Usang Sungging): data pribadi Anda yang kami simpan, per exportedAt. Waktu dalam UTC (ISO 8601); uang dalam rupiah utuh.",
  en: "Karya Sungging (KUB Karya Usang Sungging): the personal data we hold about you, as of exportedAt. Times are UTC (ISO 8601); money is whole rupiah.",
} as const;

/**
 * A message's payload without its link (a reset, confirmation or undo link may still work) and
 * without the pickup code of an order that may still be waiting at the rest area.
 */
function withoutSecrets(payload: Prisma.JsonValue): Prisma.JsonValue {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const { url: _url, pickupCode: _pickupCode, ...rest } = payload;
  return rest;
}
