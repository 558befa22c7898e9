import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import type { Prisma } from "~/generated/prisma/client";
import type { Locale } from "~/i18n/config";
import { storedImageSelect, toPicture, type Picture } from "~/images/picture";
import { imageStorage } from "~/images/storage.server";
import { lineTotal } from "~/lib/money";
import { currentUser } from "~/accounts/session.server";
import { Prisma as PrismaSql } from "~/generated/prisma/client";
import { readVisitorKey } from "./cart-cookie.server";
import { isLineQuantity, MAX_LINE_QUANTITY } from "./quantity";

/** Why the cart refused a change; the route turns each code into a sentence in the buyer's language. */
export type CartError =
  | { code: "invalid-quantity" }
  /** No such variant, or the artisan stopped selling it. */
  | { code: "variant-not-found" }
  /** The product is a draft again or archived. */
  | { code: "product-unavailable"; title: string }
  | { code: "sold-out"; title: string }
  /** `inCart`: pieces of it already in the cart besides those asked for. */
  | { code: "insufficient-stock"; title: string; available: number; inCart: number }
  | { code: "quantity-limit"; title: string; limit: number; inCart: number }
  | { code: "line-not-found" };

export type AddToCartResult =
  | {
      ok: true;
      /** The product's title in the buyer's language. */
      title: string;
      /** Pieces added by this request. */
      added: number;
      /** Pieces of this variant in the cart now. */
      lineQuantity: number;
      /** Pieces in the whole cart now. */
      count: number;
    }
  | { ok: false; error: CartError };

export type CartChangeResult = { ok: true; count: number } | { ok: false; error: CartError };

/** Why a line can no longer be bought as it stands, shown next to it. */
export type CartLineWarning = "unavailable" | "sold-out" | "exceeds-stock";

export type CartLine = {
  id: string;
  variantId: string;
  productSlug: string;
  title: string;
  variantLabel: string;
  picture: Picture | null;
  /** Today's price from the catalogue, never the price when the piece was added. */
  unitPriceRupiah: number;
  quantity: number;
  lineTotalRupiah: number;
  /** Pieces of this variant free to sell now. */
  stock: number;
  warning: CartLineWarning | null;
};

export type CartView = {
  lines: CartLine[];
  /** Sum of the lines that can still be bought; unavailable and sold-out lines are left out. */
  subtotalRupiah: number;
  /** Pieces in the cart, as the header counts them. */
  count: number;
};

/** A new random visitor key for the cart cookie: 24 random bytes, URL-safe. */
export function newVisitorKey(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * Whose cart a request works on: a signed-in person's own cart (the same on every device), or an
 * anonymous visitor's, found by the random key in their cookie.
 */
export type CartOwner = { userId: string } | { visitorKey: string };

export async function cartOwner(request: Request): Promise<CartOwner | null> {
  const user = await currentUser(request);
  if (user) return { userId: user.id };
  const visitorKey = await readVisitorKey(request);
  return visitorKey ? { visitorKey } : null;
}

/** Number of pieces in the visitor's cart, for the header. */
export async function cartItemCount(request: Request): Promise<number> {
  const owner = await cartOwner(request);
  if (!owner) return 0;
  const result = await prisma.cartItem.aggregate({
    where: { cart: owner },
    _sum: { quantity: true },
  });
  return result._sum.quantity ?? 0;
}

const variantSelect = {
  id: true,
  labelId: true,
  labelEn: true,
  priceRupiah: true,
  stock: true,
  active: true,
  product: {
    select: {
      slug: true,
      status: true,
      titleId: true,
      titleEn: true,
      images: {
        orderBy: { position: "asc" },
        take: 1,
        select: {
          image: { select: storedImageSelect },
        },
      },
    },
  },
} as const;

type VariantRow = Prisma.ProductVariantGetPayload<{ select: typeof variantSelect }>;

function productTitle(variant: VariantRow, locale: Locale): string {
  return (locale === "en" && variant.product.titleEn) || variant.product.titleId;
}

/** What stops `wanted` pieces of this variant from standing in a cart, or null when nothing does. */
function availabilityError(
  variant: VariantRow | null,
  wanted: number,
  inCart: number,
  locale: Locale,
): CartError | null {
  if (!variant || !variant.active) return { code: "variant-not-found" };
  const title = productTitle(variant, locale);
  if (variant.product.status !== "PUBLISHED") return { code: "product-unavailable", title };
  if (variant.stock <= 0) return { code: "sold-out", title };
  if (wanted > variant.stock) {
    return { code: "insufficient-stock", title, available: variant.stock, inCart };
  }
  if (wanted > MAX_LINE_QUANTITY) {
    return { code: "quantity-limit", title, limit: MAX_LINE_QUANTITY, inCart };
  }
  return null;
}

// Every change to a cart's lines first locks the cart's row, so changes to one cart run one after
// another (two quick taps on "add" never lose an increment) while other carts are not held up.
// A burst of taps queues on that lock, hence the roomier limits than Prisma's defaults.
const cartTransaction = { maxWait: 10_000, timeout: 10_000 } as const;

async function lockCart(tx: Prisma.TransactionClient, owner: CartOwner): Promise<string | null> {
  const condition =
    "userId" in owner
      ? PrismaSql.sql`"userId" = ${owner.userId}`
      : PrismaSql.sql`"visitorKey" = ${owner.visitorKey}`;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Cart" WHERE ${condition} FOR UPDATE`;
  return rows[0]?.id ?? null;
}

async function piecesInCart(tx: Prisma.TransactionClient, cartId: string): Promise<number> {
  const result = await tx.cartItem.aggregate({ where: { cartId }, _sum: { quantity: true } });
  return result._sum.quantity ?? 0;
}

/**
 * Adds pieces of a variant to the visitor's cart, creating the cart on the first add. Adding a
 * variant already in the cart raises its quantity, within the stock and 99 pieces a line.
 */
export async function addToCart({
  owner,
  variantId,
  quantity,
  locale,
}: {
  owner: CartOwner;
  variantId: string;
  quantity: number;
  locale: Locale;
}): Promise<AddToCartResult> {
  if (!isLineQuantity(quantity)) return { ok: false, error: { code: "invalid-quantity" } };
  return prisma.$transaction(async (tx): Promise<AddToCartResult> => {
    const variant = await tx.productVariant.findUnique({
      where: { id: variantId },
      select: variantSelect,
    });
    // Checked before the cart is created, so a refused first add leaves no empty cart behind;
    // checked again below under the cart's lock, where the count is certain.
    const seen = await tx.cartItem.findFirst({
      where: { variantId, cart: owner },
      select: { quantity: true },
    });
    const seenInCart = seen?.quantity ?? 0;
    const refused = availabilityError(variant, seenInCart + quantity, seenInCart, locale);
    if (refused || !variant) return { ok: false, error: refused ?? { code: "variant-not-found" } };

    // One INSERT … ON CONFLICT DO UPDATE: it creates the cart or locks its row, so two first adds
    // at once still make one cart, and adds to one cart wait for each other.
    const { id: cartId } = await tx.cart.upsert({
      where: owner,
      create: owner,
      update: { updatedAt: new Date() },
      select: { id: true },
    });

    const line = await tx.cartItem.findUnique({
      where: { cartId_variantId: { cartId, variantId } },
      select: { quantity: true },
    });
    const inCart = line?.quantity ?? 0;
    const error = availabilityError(variant, inCart + quantity, inCart, locale);
    if (error) return { ok: false, error };

    await tx.cartItem.upsert({
      where: { cartId_variantId: { cartId, variantId } },
      create: { cartId, variantId, quantity: inCart + quantity },
      update: { quantity: inCart + quantity },
    });
    return {
      ok: true,
      title: productTitle(variant, locale),
      added: quantity,
      lineQuantity: inCart + quantity,
      count: await piecesInCart(tx, cartId),
    };
  }, cartTransaction);
}

/** A line of the visitor's cart, by its own id or by the variant it holds. */
export type CartLineRef = { lineId: string } | { variantId: string };

/**
 * Sets how many pieces a line holds (1–99, within stock). Zero is refused rather than read as
 * "remove": removing is its own button, so a slip of the thumb never empties a line.
 */
export async function setCartQuantity({
  owner,
  line,
  quantity,
  locale,
}: {
  owner: CartOwner;
  line: CartLineRef;
  quantity: number;
  locale: Locale;
}): Promise<CartChangeResult> {
  if (!isLineQuantity(quantity)) return { ok: false, error: { code: "invalid-quantity" } };
  return prisma.$transaction(async (tx): Promise<CartChangeResult> => {
    const cartId = await lockCart(tx, owner);
    if (!cartId) return { ok: false, error: { code: "line-not-found" } };
    const item = await tx.cartItem.findFirst({
      where: "lineId" in line ? { cartId, id: line.lineId } : { cartId, variantId: line.variantId },
      select: { id: true, variant: { select: variantSelect } },
    });
    if (!item) return { ok: false, error: { code: "line-not-found" } };
    // The new quantity replaces the old one: no other pieces of it stay in the cart.
    const error = availabilityError(item.variant, quantity, 0, locale);
    if (error) return { ok: false, error };
    await tx.cartItem.update({ where: { id: item.id }, data: { quantity } });
    return { ok: true, count: await piecesInCart(tx, cartId) };
  }, cartTransaction);
}

/**
 * Takes a variant out of the visitor's cart. Removing what is already gone succeeds, so a
 * request repeated over a patchy connection does no harm.
 */
export async function removeFromCart({
  owner,
  variantId,
}: {
  owner: CartOwner;
  variantId: string;
}): Promise<CartChangeResult> {
  return prisma.$transaction(async (tx): Promise<CartChangeResult> => {
    const cartId = await lockCart(tx, owner);
    if (!cartId) return { ok: true, count: 0 };
    await tx.cartItem.deleteMany({ where: { cartId, variantId } });
    return { ok: true, count: await piecesInCart(tx, cartId) };
  }, cartTransaction);
}

function lineWarning(variant: VariantRow, quantity: number): CartLineWarning | null {
  if (!variant.active || variant.product.status !== "PUBLISHED") return "unavailable";
  if (variant.stock <= 0) return "sold-out";
  if (quantity > variant.stock) return "exceeds-stock";
  return null;
}

/** The visitor's cart with today's prices and stock, oldest line first. */
export async function getCart({
  owner,
  locale,
}: {
  owner: CartOwner | null;
  locale: Locale;
}): Promise<CartView> {
  if (!owner) return { lines: [], subtotalRupiah: 0, count: 0 };
  const items = await prisma.cartItem.findMany({
    where: { cart: owner },
    orderBy: [{ addedAt: "asc" }, { id: "asc" }],
    select: { id: true, quantity: true, variant: { select: variantSelect } },
  });
  const lines = items.map(({ id, quantity, variant }): CartLine => {
    const cover = variant.product.images[0]?.image;
    return {
      id,
      variantId: variant.id,
      productSlug: variant.product.slug,
      title: productTitle(variant, locale),
      variantLabel: (locale === "en" && variant.labelEn) || variant.labelId,
      picture: cover ? toPicture(cover, locale, imageStorage.publicUrl) : null,
      unitPriceRupiah: variant.priceRupiah,
      quantity,
      lineTotalRupiah: lineTotal(variant.priceRupiah, quantity),
      stock: Math.max(variant.stock, 0),
      warning: lineWarning(variant, quantity),
    };
  });
  return {
    lines,
    subtotalRupiah: lines
      .filter((line) => line.warning !== "unavailable" && line.warning !== "sold-out")
      .reduce((sum, line) => sum + line.lineTotalRupiah, 0),
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
  };
}

/**
 * At sign-in or sign-up, what the visitor put in the cart before joins the account's cart: a
 * variant in both keeps the larger need (the sum, within 99 a line); the visitor's cart is gone
 * afterwards. Stock is checked as always when the cart is shown and at checkout.
 */
export async function adoptVisitorCart(
  tx: Prisma.TransactionClient,
  request: Request,
  userId: string,
): Promise<void> {
  const visitorKey = await readVisitorKey(request);
  if (!visitorKey) return;
  const visitorCartId = await lockCart(tx, { visitorKey });
  if (!visitorCartId) return;
  const accountCartId = await lockCart(tx, { userId });
  if (!accountCartId) {
    await tx.cart.update({ where: { id: visitorCartId }, data: { visitorKey: null, userId } });
    return;
  }
  const items = await tx.cartItem.findMany({ where: { cartId: visitorCartId } });
  for (const item of items) {
    const existing = await tx.cartItem.findUnique({
      where: { cartId_variantId: { cartId: accountCartId, variantId: item.variantId } },
      select: { quantity: true },
    });
    const quantity = Math.min((existing?.quantity ?? 0) + item.quantity, MAX_LINE_QUANTITY);
    await tx.cartItem.upsert({
      where: { cartId_variantId: { cartId: accountCartId, variantId: item.variantId } },
      create: { cartId: accountCartId, variantId: item.variantId, quantity },
      update: { quantity },
    });
  }
  await tx.cart.delete({ where: { id: visitorCartId } });
}
