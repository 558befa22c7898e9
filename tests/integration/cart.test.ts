import { beforeAll, describe, expect, it } from "vitest";
import type { CartActionData } from "~/cart/cart-action";
import { cartCookie } from "~/cart/cart-cookie.server";
import {
  addToCart,
  cartItemCount,
  getCart,
  newVisitorKey,
  removeFromCart,
  setCartQuantity,
} from "~/cart/cart.server";
import { prisma } from "~/db.server";
import { action, loader } from "~/routes/cart";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { testContext } from "../setup/accounts";

type Variant = { id: string; productId: string; title: string; titleEn: string };

// Every test takes variants no other test has touched and sets the stock and price it needs, so
// the tests do not depend on each other's changes to the catalogue.
let untouched: Variant[] = [];

async function variantWith({
  stock,
  priceRupiah,
}: {
  stock: number;
  priceRupiah?: number;
}): Promise<Variant> {
  const variant = untouched.shift();
  if (!variant) throw new Error("The seed has run out of variants for these tests");
  await prisma.productVariant.update({
    where: { id: variant.id },
    data: { stock, ...(priceRupiah === undefined ? {} : { priceRupiah }) },
  });
  return variant;
}

function add(visitorKey: string, variantId: string, quantity: number) {
  return addToCart({ owner: { visitorKey }, variantId, quantity, locale: "id" });
}

async function linesOf(visitorKey: string) {
  return prisma.cartItem.findMany({
    where: { cart: { visitorKey } },
    select: { id: true, variantId: true, quantity: true },
  });
}

beforeAll(async () => {
  await seedIfEmpty(prisma);
  const variants = await prisma.productVariant.findMany({
    where: { active: true, product: { status: "PUBLISHED" } },
    orderBy: { sku: "asc" },
    select: { id: true, productId: true, product: { select: { titleId: true, titleEn: true } } },
  });
  // One variant per product, so changing a product's status touches one test only.
  const seen = new Set<string>();
  untouched = variants.flatMap((v) => {
    if (seen.has(v.productId)) return [];
    seen.add(v.productId);
    return [
      {
        id: v.id,
        productId: v.productId,
        title: v.product.titleId,
        titleEn: v.product.titleEn ?? "",
      },
    ];
  });
}, 180_000);

describe("adding to the cart", () => {
  it("creates the visitor's cart on the first add and raises the quantity on the next", async () => {
    const visitorKey = newVisitorKey();
    expect(visitorKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const variant = await variantWith({ stock: 5 });

    const first = await add(visitorKey, variant.id, 2);
    expect(first).toEqual({ ok: true, title: variant.title, added: 2, lineQuantity: 2, count: 2 });
    const second = await add(visitorKey, variant.id, 1);
    expect(second).toMatchObject({ ok: true, added: 1, lineQuantity: 3, count: 3 });

    expect(await linesOf(visitorKey)).toEqual([
      expect.objectContaining({ variantId: variant.id, quantity: 3 }),
    ]);
    expect(await prisma.cart.count({ where: { visitorKey } })).toBe(1);
  });

  it("refuses more than the stock, counting what is already in the cart, and keeps the line", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 4 });
    await add(visitorKey, variant.id, 3);

    const refused = await add(visitorKey, variant.id, 2);
    expect(refused).toEqual({
      ok: false,
      error: { code: "insufficient-stock", title: variant.title, available: 4, inCart: 3 },
    });
    expect((await linesOf(visitorKey))[0]?.quantity).toBe(3);
    expect(await add(visitorKey, variant.id, 1)).toMatchObject({ ok: true, lineQuantity: 4 });
  });

  it("refuses a first add beyond the stock without leaving an empty cart behind", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 2 });
    expect(await add(visitorKey, variant.id, 3)).toMatchObject({
      ok: false,
      error: { code: "insufficient-stock", available: 2, inCart: 0 },
    });
    expect(await prisma.cart.count({ where: { visitorKey } })).toBe(0);
  });

  it("keeps a line at 99 pieces at most, even with more in stock", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 500 });
    await add(visitorKey, variant.id, 99);
    expect(await add(visitorKey, variant.id, 1)).toMatchObject({
      ok: false,
      error: { code: "quantity-limit", limit: 99, inCart: 99 },
    });
  });

  it("refuses a quantity that is not a whole number from 1 to 99", async () => {
    const variant = await variantWith({ stock: 200 });
    for (const quantity of [0, -1, 1.5, 100, Number.NaN]) {
      expect(await add(newVisitorKey(), variant.id, quantity)).toEqual({
        ok: false,
        error: { code: "invalid-quantity" },
      });
    }
  });

  it("refuses a sold-out variant", async () => {
    const variant = await variantWith({ stock: 0 });
    expect(await add(newVisitorKey(), variant.id, 1)).toEqual({
      ok: false,
      error: { code: "sold-out", title: variant.title },
    });
  });

  it("refuses a product that is not published, an inactive variant and an unknown one", async () => {
    const draft = await variantWith({ stock: 5 });
    await prisma.product.update({ where: { id: draft.productId }, data: { status: "DRAFT" } });
    expect(await add(newVisitorKey(), draft.id, 1)).toEqual({
      ok: false,
      error: { code: "product-unavailable", title: draft.title },
    });

    const inactive = await variantWith({ stock: 5 });
    await prisma.productVariant.update({ where: { id: inactive.id }, data: { active: false } });
    expect(await add(newVisitorKey(), inactive.id, 1)).toEqual({
      ok: false,
      error: { code: "variant-not-found" },
    });

    expect(await add(newVisitorKey(), "no-such-variant", 1)).toEqual({
      ok: false,
      error: { code: "variant-not-found" },
    });
  });

  it("names the product in the visitor's language", async () => {
    const variant = await variantWith({ stock: 5 });
    const result = await addToCart({
      owner: { visitorKey: newVisitorKey() },
      variantId: variant.id,
      quantity: 1,
      locale: "en",
    });
    expect(result).toMatchObject({ ok: true, title: variant.titleEn });
  });

  it("counts 20 quick adds of one piece as one line of 20, never two lines or a lost add", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 25 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => add(visitorKey, variant.id, 1)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await prisma.cart.count({ where: { visitorKey } })).toBe(1);
    expect(await linesOf(visitorKey)).toEqual([
      expect.objectContaining({ variantId: variant.id, quantity: 20 }),
    ]);
    // Each add saw the adds before it: the counts it answered are 1, 2, … 20.
    expect(results.map((r) => (r.ok ? r.count : 0)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it("stops concurrent adds at the stock: exactly as many succeed as there are pieces", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 7 });
    const results = await Promise.all(
      Array.from({ length: 12 }, () => add(visitorKey, variant.id, 1)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(7);
    expect((await linesOf(visitorKey))[0]?.quantity).toBe(7);
  });
});

describe("changing and removing a line", () => {
  it("sets a new quantity by variant or by line, within the stock", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 6 });
    await add(visitorKey, variant.id, 1);
    const [line] = await linesOf(visitorKey);

    expect(
      await setCartQuantity({
        owner: { visitorKey },
        line: { variantId: variant.id },
        quantity: 4,
        locale: "id",
      }),
    ).toEqual({ ok: true, count: 4 });
    expect(
      await setCartQuantity({
        owner: { visitorKey },
        line: { lineId: line?.id ?? "" },
        quantity: 6,
        locale: "id",
      }),
    ).toEqual({ ok: true, count: 6 });
    expect(
      await setCartQuantity({
        owner: { visitorKey },
        line: { variantId: variant.id },
        quantity: 7,
        locale: "id",
      }),
    ).toEqual({
      ok: false,
      error: { code: "insufficient-stock", title: variant.title, available: 6, inCart: 0 },
    });
    expect((await linesOf(visitorKey))[0]?.quantity).toBe(6);
  });

  // Decision: 0 is refused, not read as "remove". Removing has its own button, so a slip of the
  // thumb in the quantity field never empties a line.
  it("refuses zero and negative quantities and leaves the line as it was", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 6 });
    await add(visitorKey, variant.id, 2);
    for (const quantity of [0, -3]) {
      expect(
        await setCartQuantity({
          owner: { visitorKey },
          line: { variantId: variant.id },
          quantity,
          locale: "id",
        }),
      ).toEqual({ ok: false, error: { code: "invalid-quantity" } });
    }
    expect((await linesOf(visitorKey))[0]?.quantity).toBe(2);
  });

  it("removes a line, and removing it again does no harm", async () => {
    const visitorKey = newVisitorKey();
    const kept = await variantWith({ stock: 6 });
    const removed = await variantWith({ stock: 6 });
    await add(visitorKey, kept.id, 1);
    await add(visitorKey, removed.id, 2);

    expect(await removeFromCart({ owner: { visitorKey }, variantId: removed.id })).toEqual({
      ok: true,
      count: 1,
    });
    expect(await removeFromCart({ owner: { visitorKey }, variantId: removed.id })).toEqual({
      ok: true,
      count: 1,
    });
    expect((await linesOf(visitorKey)).map((l) => l.variantId)).toEqual([kept.id]);
  });

  it("never lets one visitor change or remove another visitor's line", async () => {
    const owner = newVisitorKey();
    const stranger = newVisitorKey();
    const variant = await variantWith({ stock: 6 });
    await add(owner, variant.id, 2);
    await add(stranger, (await variantWith({ stock: 6 })).id, 1);
    const [ownersLine] = await linesOf(owner);

    expect(
      await setCartQuantity({
        owner: { visitorKey: stranger },
        line: { lineId: ownersLine?.id ?? "" },
        quantity: 5,
        locale: "id",
      }),
    ).toEqual({ ok: false, error: { code: "line-not-found" } });
    expect(
      await setCartQuantity({
        owner: { visitorKey: stranger },
        line: { variantId: variant.id },
        quantity: 5,
        locale: "id",
      }),
    ).toEqual({ ok: false, error: { code: "line-not-found" } });
    await removeFromCart({ owner: { visitorKey: stranger }, variantId: variant.id });
    // A visitor with no cart at all reaches nothing either.
    expect(
      await setCartQuantity({
        owner: { visitorKey: newVisitorKey() },
        line: { lineId: ownersLine?.id ?? "" },
        quantity: 5,
        locale: "id",
      }),
    ).toEqual({ ok: false, error: { code: "line-not-found" } });

    expect(await linesOf(owner)).toEqual([
      expect.objectContaining({ variantId: variant.id, quantity: 2 }),
    ]);
  });
});

describe("the cart as the visitor sees it", () => {
  it("prices every line from the catalogue today, not from when it was added", async () => {
    const visitorKey = newVisitorKey();
    const ring = await variantWith({ stock: 5, priceRupiah: 325_000 });
    const tray = await variantWith({ stock: 5, priceRupiah: 150_000 });
    await add(visitorKey, ring.id, 2);
    await add(visitorKey, tray.id, 1);
    expect((await getCart({ owner: { visitorKey }, locale: "id" })).subtotalRupiah).toBe(800_000);

    await prisma.productVariant.update({
      where: { id: ring.id },
      data: { priceRupiah: 350_000 },
    });
    const cart = await getCart({ owner: { visitorKey }, locale: "id" });
    expect(cart.lines.map((l) => [l.variantId, l.unitPriceRupiah, l.lineTotalRupiah])).toEqual([
      [ring.id, 350_000, 700_000],
      [tray.id, 150_000, 150_000],
    ]);
    expect(cart.subtotalRupiah).toBe(850_000);
    expect(cart.count).toBe(3);
  });

  it("describes each line with its title, variant, cover photo and product address", async () => {
    const visitorKey = newVisitorKey();
    const variant = await variantWith({ stock: 5 });
    await add(visitorKey, variant.id, 1);
    const stored = await prisma.productVariant.findUniqueOrThrow({
      where: { id: variant.id },
      include: { product: true },
    });

    const [line] = (await getCart({ owner: { visitorKey }, locale: "en" })).lines;
    expect(line).toMatchObject({
      variantId: variant.id,
      productSlug: stored.product.slug,
      title: variant.titleEn,
      variantLabel: stored.labelEn,
      quantity: 1,
      stock: 5,
      warning: null,
    });
    expect(line?.picture?.fallback).toMatch(/^\/media\/products\/.+\.jpg$/);
  });

  it("warns about lines that changed since they were added and leaves the unbuyable out of the subtotal", async () => {
    const visitorKey = newVisitorKey();
    const lowered = await variantWith({ stock: 5, priceRupiah: 100_000 });
    const soldOut = await variantWith({ stock: 5, priceRupiah: 200_000 });
    const withdrawn = await variantWith({ stock: 5, priceRupiah: 400_000 });
    for (const variant of [lowered, soldOut, withdrawn]) await add(visitorKey, variant.id, 3);

    await prisma.productVariant.update({ where: { id: lowered.id }, data: { stock: 2 } });
    await prisma.productVariant.update({ where: { id: soldOut.id }, data: { stock: 0 } });
    await prisma.product.update({
      where: { id: withdrawn.productId },
      data: { status: "ARCHIVED" },
    });

    const cart = await getCart({ owner: { visitorKey }, locale: "id" });
    expect(cart.lines.map((l) => [l.variantId, l.warning])).toEqual([
      [lowered.id, "exceeds-stock"],
      [soldOut.id, "sold-out"],
      [withdrawn.id, "unavailable"],
    ]);
    expect(cart.subtotalRupiah).toBe(300_000);
    expect(cart.count).toBe(9);
  });

  it("is empty for a visitor without a key or with a key nobody used", async () => {
    expect(await getCart({ owner: null, locale: "id" })).toEqual({
      lines: [],
      subtotalRupiah: 0,
      count: 0,
    });
    expect((await getCart({ owner: { visitorKey: newVisitorKey() }, locale: "id" })).lines).toEqual(
      [],
    );
  });
});

describe("POST /cart", () => {
  async function post(
    fields: Record<string, string>,
    cookie?: string,
    url = "http://localhost/cart",
  ) {
    const request = new Request(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: cookie ? { Cookie: cookie } : {},
    });
    return action({ request, params: {}, context: testContext });
  }

  function answerOf(result: Awaited<ReturnType<typeof post>>) {
    if ("status" in result) throw new Error(`Expected data, got a ${result.status}`);
    return {
      body: result.data as CartActionData,
      status: result.init?.status ?? 200,
      setCookie: new Headers(result.init?.headers).get("Set-Cookie"),
    };
  }

  async function cookieFor(setCookie: string | null): Promise<string> {
    const visitorKey: unknown = await cartCookie.parse(setCookie);
    return await cartCookie.serialize(visitorKey);
  }

  it("adds with JavaScript: answers the title, the pieces added and the cart's count, and sets the visitor cookie once", async () => {
    const variant = await variantWith({ stock: 5, priceRupiah: 250_000 });
    const first = answerOf(
      await post({ intent: "add", variantId: variant.id, quantity: "2", priceRupiah: "1" }),
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      ok: true,
      added: { title: variant.title, quantity: 2 },
      count: 2,
    });
    // Sixty days, so the cart survives closing the browser.
    expect(first.setCookie).toMatch(/^ks_cart=[^;]+;/);
    expect(first.setCookie).toContain("Max-Age=5184000");
    expect(first.setCookie).toContain("HttpOnly");

    const cookie = await cookieFor(first.setCookie);
    const second = answerOf(
      await post({ intent: "add", variantId: variant.id, quantity: "1" }, cookie),
    );
    expect(second.body).toMatchObject({ ok: true, count: 3 });
    expect(second.setCookie).toBeNull();

    // The price in the form was ignored: the cart is priced from the catalogue.
    const request = new Request("http://localhost/cart", { headers: { Cookie: cookie } });
    const page = await loader({ request, params: {}, context: testContext });
    expect(page.cart.subtotalRupiah).toBe(750_000);
    expect(await cartItemCount(request)).toBe(3);
  });

  it("adds without JavaScript: redirects to the cart with the visitor cookie", async () => {
    const variant = await variantWith({ stock: 5 });
    const result = await post({
      intent: "add",
      variantId: variant.id,
      quantity: "1",
      redirectTo: "/cart",
    });
    if (!(result instanceof Response)) throw new Error("Expected a redirect");
    expect(result.status).toBe(302);
    expect(result.headers.get("Location")).toBe("/cart");
    expect(result.headers.get("Set-Cookie")).toMatch(/^ks_cart=/);

    const elsewhere = await post({
      intent: "add",
      variantId: variant.id,
      quantity: "1",
      redirectTo: "https://evil.example/",
    });
    expect(elsewhere instanceof Response && elsewhere.headers.get("Location")).toBe("/cart");
  });

  it("refuses with a sentence in the visitor's language that names the product, and the typed quantity", async () => {
    const variant = await variantWith({ stock: 2 });
    const refused = answerOf(await post({ intent: "add", variantId: variant.id, quantity: "5" }));
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      ok: false,
      error: `Stok ${variant.title} tinggal 2.`,
      field: "quantity",
      intent: "add",
      variantId: variant.id,
      quantity: "5",
    });
    expect(refused.setCookie).toBeNull();

    const english = answerOf(
      await post(
        { intent: "add", variantId: variant.id, quantity: "5" },
        undefined,
        "http://localhost/cart?lng=en",
      ),
    );
    expect(english.body).toMatchObject({ error: `Only 2 of ${variant.titleEn} left.` });
  });

  it("refuses quantities that are not whole numbers from 1 to 99, and unknown requests", async () => {
    const variant = await variantWith({ stock: 5 });
    for (const quantity of ["0", "-1", "1.5", "100", "2e1", "", "dua"]) {
      const refused = answerOf(await post({ intent: "add", variantId: variant.id, quantity }));
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({
        ok: false,
        field: "quantity",
        error: "Jumlah harus bilangan bulat dari 1 sampai 99.",
      });
    }
    expect(answerOf(await post({ intent: "buy", variantId: variant.id })).body).toMatchObject({
      ok: false,
      field: "variantId",
      intent: null,
    });
  });

  it("updates and removes only in the visitor's own cart", async () => {
    const variant = await variantWith({ stock: 5 });
    const added = answerOf(await post({ intent: "add", variantId: variant.id, quantity: "1" }));
    const cookie = await cookieFor(added.setCookie);

    const updated = answerOf(
      await post({ intent: "update", variantId: variant.id, quantity: "3" }, cookie),
    );
    expect(updated.body).toEqual({ ok: true, count: 3 });

    const noCookie = answerOf(
      await post({ intent: "update", variantId: variant.id, quantity: "2" }),
    );
    expect(noCookie.status).toBe(400);
    expect(noCookie.body).toMatchObject({ ok: false, error: expect.stringContaining("keranjang") });

    const removed = await post(
      { intent: "remove", variantId: variant.id, redirectTo: "/cart" },
      cookie,
    );
    expect(removed instanceof Response && removed.headers.get("Location")).toBe("/cart");
    const request = new Request("http://localhost/cart", { headers: { Cookie: cookie } });
    expect(await cartItemCount(request)).toBe(0);
  });
});
