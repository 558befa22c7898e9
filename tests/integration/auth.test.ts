import { beforeAll, describe, expect, it } from "vitest";
import { currentUser, endSession } from "~/accounts/session.server";
import { issueToken } from "~/accounts/tokens.server";
import { cartCookie } from "~/cart/cart-cookie.server";
import { addToCart, cartItemCount, newVisitorKey } from "~/cart/cart.server";
import { prisma } from "~/db.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitation.$token";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { action as signOutAction } from "~/routes/sign-out";
import { action as signUpAction } from "~/routes/sign-up";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";

// Every test signs in from its own address, so the sign-in rate limit (10 a minute a client)
// only trips where a test means it to.
let address = 0;
function client() {
  address += 1;
  return { ...testContext, clientIp: `198.51.100.${address}` };
}

/** A public form as the browser sends it: with the empty bot-trap field. */
function formPost(path: string, fields: Record<string, string>, cookie?: string) {
  return siteRequest(path, { form: { name__confirm: "", ...fields }, cookie });
}

function sessionCookieOf(response: Response): string {
  const header = response.headers.get("Set-Cookie") ?? "";
  const match = /ks_session=[^;]+/.exec(header);
  if (!match) throw new Error(`No session cookie in ${header}`);
  return match[0];
}

async function answered(result: unknown): Promise<{ status: number; body: unknown }> {
  if (result instanceof Response) return { status: result.status, body: null };
  const { data, init } = result as { data: unknown; init?: { status?: number } };
  return { status: init?.status ?? 200, body: data };
}

/** Posts the sign-up form; what it answered, with the session cookie it set, if any. */
async function signUp(fields: Record<string, string>, cookie?: string) {
  const result = (await signUpAction({
    request: formPost("/sign-up", fields, cookie),
    params: {},
    context: client(),
  })) as { data: unknown; init?: { status?: number; headers?: HeadersInit } | null };
  const setCookie = new Headers(result.init?.headers).get("Set-Cookie");
  const session = /ks_session=[^;]+/.exec(setCookie ?? "")?.[0] ?? null;
  return { status: result.init?.status ?? 200, body: result.data, session };
}

beforeAll(async () => {
  await seedIfEmpty(prisma);
});

describe("signing up", () => {
  it("creates a buyer account, signs them in and sends a confirmation link to each contact", async () => {
    const answer = await signUp({
      name: "Siti Aminah",
      email: "Siti.Aminah@Contoh.id",
      phone: "0812-7000-1234",
      password: "tepak sirih tembaga",
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ok: true,
      sentTo: ["+62 812 7000 1234", "siti.aminah@contoh.id"],
      next: "/account",
    });
    const user = await currentUser(siteRequest("/", { cookie: answer.session! }));
    expect(user).toMatchObject({
      name: "Siti Aminah",
      role: "BUYER",
      email: "siti.aminah@contoh.id",
      phone: "+6281270001234",
    });
    const messages = await prisma.notification.findMany({ where: { userId: user!.id } });
    expect(messages.map((m) => m.template).sort()).toEqual([
      "auth.verify_contact",
      "auth.verify_contact",
    ]);
    expect(messages.map((m) => m.recipient).sort()).toEqual([
      "+6281270001234",
      "siti.aminah@contoh.id",
    ]);
    expect(
      await prisma.auditLog.count({ where: { action: "auth.sign_up", actorUserId: user!.id } }),
    ).toBe(1);
  });

  it("answers a taken contact as it answers a new one, creates nothing, and tells the owner", async () => {
    const owner = await makeUser({ phone: "+6281270005555" });
    const before = await prisma.user.count();

    const taken = await signUp({
      name: "Budi",
      phone: "0812 7000 5555",
      email: "",
      password: "perahu kajang ogan",
    });
    const fresh = await signUp({
      name: "Budi",
      phone: "0812 7000 5556",
      email: "",
      password: "perahu kajang ogan",
    });

    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual({ ...(fresh.body as object), sentTo: ["+62 812 7000 5555"] });
    expect(JSON.stringify(taken.body)).not.toContain("perahu kajang");
    // Only the new account is signed in; the taken contact's answer carries no session.
    expect(taken.session).toBeNull();
    expect(fresh.session).not.toBeNull();
    expect(await prisma.user.count()).toBe(before + 1);
    expect(await prisma.user.count({ where: { name: "Budi" } })).toBe(1);

    const notice = await prisma.notification.findFirstOrThrow({
      where: { userId: owner.id, template: "auth.sign_up_attempt" },
    });
    expect(notice).toMatchObject({ recipient: "+6281270005555" });
    expect(notice.payload).toMatchObject({
      contact: "phone",
      signInUrl: expect.stringMatching(/\/sign-in$/),
      resetUrl: expect.stringMatching(/\/forgot-password$/),
    });
    expect(await prisma.notification.count({ where: { recipient: "+6281270005555" } })).toBe(1);
    expect(
      await prisma.auditLog.count({
        where: { action: "auth.sign_up_with_taken_contact", entityId: owner.id },
      }),
    ).toBe(1);

    // Trying again within the hour does not flood the owner's chat.
    await signUp({ name: "Budi", phone: "0812 7000 5555", password: "perahu kajang ogan" });
    expect(
      await prisma.notification.count({
        where: { userId: owner.id, template: "auth.sign_up_attempt" },
      }),
    ).toBe(1);
  });

  it("tells the owner of a taken e-mail, whatever case it is typed in", async () => {
    const owner = await makeUser({ email: "terdaftar@contoh.id" });
    const answer = await signUp({
      name: "Rudi",
      email: "Terdaftar@Contoh.id",
      phone: "",
      password: "perahu kajang ogan",
    });
    expect(answer.body).toMatchObject({ ok: true, sentTo: ["terdaftar@contoh.id"] });
    expect(answer.session).toBeNull();
    expect(
      await prisma.notification.findFirstOrThrow({
        where: { userId: owner.id, template: "auth.sign_up_attempt" },
      }),
    ).toMatchObject({ recipient: "terdaftar@contoh.id", channel: "LOG" });
  });

  it("refuses a common password and a missing contact with clear messages", async () => {
    const result = await answered(
      await signUpAction({
        request: formPost("/sign-up", {
          name: "Rina",
          email: "",
          phone: "",
          password: "password1",
        }),
        params: {},
        context: client(),
      }),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      errors: {
        email: expect.stringMatching(/e-mail atau nomor WhatsApp/),
        password: expect.stringMatching(/terlalu umum/),
      },
    });
  });

  it("moves what the visitor had in the cart into the new account", async () => {
    const variant = await prisma.productVariant.findFirstOrThrow({
      where: { active: true, stock: { gte: 2 }, product: { status: "PUBLISHED" } },
    });
    const visitorKey = newVisitorKey();
    await addToCart({ owner: { visitorKey }, variantId: variant.id, quantity: 2, locale: "id" });
    const cartCookieHeader = (await cartCookie.serialize(visitorKey)).split(";")[0]!;
    const answer = await signUp(
      { name: "Dewi", email: "dewi@contoh.id", phone: "", password: "songket palembang merah" },
      cartCookieHeader,
    );
    const signedIn = siteRequest("/", { cookie: answer.session! });
    expect(await cartItemCount(signedIn)).toBe(2);
    expect(await prisma.cart.count({ where: { visitorKey } })).toBe(0);
  });
});

describe("signing in", () => {
  it("answers a wrong password and an unknown account with the same message", async () => {
    const user = await makeUser();
    const wrong = await answered(
      await signInAction({
        request: formPost("/sign-in", { identifier: user.email, password: "salah sekali 123" }),
        params: {},
        context: client(),
      }),
    );
    const unknown = await answered(
      await signInAction({
        request: formPost("/sign-in", {
          identifier: "tidak.ada@contoh.id",
          password: "salah sekali 123",
        }),
        params: {},
        context: client(),
      }),
    );
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const message = (r: { body: unknown }) => (r.body as { errors: { form: string } }).errors.form;
    expect(message(wrong)).toBe(message(unknown));
    expect(message(wrong)).toMatch(/salah/);
    expect(
      await prisma.auditLog.count({ where: { action: "auth.sign_in_failed" } }),
    ).toBeGreaterThanOrEqual(2);
  });

  it("spends as long on an unknown account as on a wrong password", async () => {
    const user = await makeUser();
    async function timeOf(identifier: string) {
      const started = performance.now();
      await signInAction({
        request: formPost("/sign-in", { identifier, password: "bukan kata sandinya" }),
        params: {},
        context: client(),
      });
      return performance.now() - started;
    }
    // Interleaved, so that a busy machine slows both kinds alike.
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 1; round <= 5; round += 1) {
      known.push(await timeOf(user.email));
      unknown.push(await timeOf(`nobody-${round}@contoh.id`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
    // Both check a password hash (tens of milliseconds); without the decoy check an unknown
    // account would answer in about one, a ratio near 0.02.
    expect(median(unknown) / median(known)).toBeGreaterThan(0.33);
    expect(median(unknown) / median(known)).toBeLessThan(3);
  });

  it("rotates the session: the session this browser had before signing in stops working", async () => {
    const user = await makeUser({ role: "ARTISAN" });
    const before = await sessionCookieFor(user.id);
    const response = (await signInAction({
      request: formPost("/sign-in", { identifier: user.email, password: user.password }, before),
      params: {},
      context: client(),
    })) as Response;
    expect(response.headers.get("Location")).toBe("/studio");
    const after = sessionCookieOf(response);
    expect(after).not.toBe(before);
    expect(await currentUser(siteRequest("/", { cookie: before }))).toBeNull();
    expect(await currentUser(siteRequest("/", { cookie: after }))).toMatchObject({ id: user.id });
  });

  it("goes back to the page that asked for it, but never to another site", async () => {
    const user = await makeUser();
    const signIn = async (next: string) =>
      (
        (await signInAction({
          request: formPost("/sign-in", { identifier: user.email, password: user.password, next }),
          params: {},
          context: client(),
        })) as Response
      ).headers.get("Location");
    expect(await signIn("/cart")).toBe("/cart");
    expect(await signIn("//evil.example/x")).toBe("/account");
    expect(await signIn("https://evil.example")).toBe("/account");
  });

  it("sends a signed-in visitor from the sign-in page to their home", async () => {
    const operator = await makeUser({ role: "OPERATOR" });
    const cookie = await sessionCookieFor(operator.id);
    const thrown = await signInLoader({
      request: siteRequest("/sign-in", { cookie }),
      params: {},
      context: testContext,
    }).catch((r: unknown) => r);
    expect((thrown as Response).headers.get("Location")).toBe("/operator");
  });

  it("trips the rate limit after 10 attempts a minute from one client, and only for that client", async () => {
    const user = await makeUser();
    const attacker = client();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const result = await answered(
        await signInAction({
          request: formPost("/sign-in", { identifier: user.email, password: `tebakan ${i}` }),
          params: {},
          context: attacker,
        }),
      );
      statuses.push(result.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Even the right password waits now…
    const blocked = await answered(
      await signInAction({
        request: formPost("/sign-in", { identifier: user.email, password: user.password }),
        params: {},
        context: attacker,
      }),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ errors: { form: expect.stringMatching(/detik/) } });
    // …while another client signs in.
    const other = (await signInAction({
      request: formPost("/sign-in", { identifier: user.email, password: user.password }),
      params: {},
      context: client(),
    })) as Response;
    expect(other.status).toBe(302);
  });

  it("refuses a form whose hidden bot-trap field was filled in", async () => {
    const user = await makeUser();
    const result = await answered(
      await signInAction({
        request: siteRequest("/sign-in", {
          form: {
            name__confirm: "https://spam.example",
            identifier: user.email,
            password: user.password,
          },
        }),
        params: {},
        context: client(),
      }),
    );
    expect(result.status).toBe(400);
  });
});

describe("sessions", () => {
  it("stop at once when the user is deactivated", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    expect(await currentUser(siteRequest("/", { cookie }))).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await currentUser(siteRequest("/", { cookie }))).toBeNull();
  });

  it("end with signing out, and an expired one does not count", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    const response = (await signOutAction({
      request: siteRequest("/sign-out", { method: "POST", cookie }),
      params: {},
      context: testContext,
    })) as Response;
    expect(response.headers.get("Set-Cookie")).toMatch(/ks_session=;.*Max-Age=0/);
    expect(await currentUser(siteRequest("/", { cookie }))).toBeNull();

    const stale = await sessionCookieFor(user.id);
    await prisma.session.updateMany({
      where: { userId: user.id, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await currentUser(siteRequest("/", { cookie: stale }))).toBeNull();
    expect(await endSession(siteRequest("/", { cookie: stale }))).toMatch(/Max-Age=0/);
  });
});

describe("password reset", () => {
  it("writes a link to the outbox for a known contact and answers the same for an unknown one", async () => {
    const user = await makeUser({ phone: "+6281270009999" });
    await prisma.user.update({ where: { id: user.id }, data: { phoneVerifiedAt: new Date() } });
    const known = await answered(
      await forgotAction({
        request: formPost("/forgot-password", { identifier: "0812 7000 9999" }),
        params: {},
        context: client(),
      }),
    );
    const unknown = await answered(
      await forgotAction({
        request: formPost("/forgot-password", { identifier: "0812 7000 0000" }),
        params: {},
        context: client(),
      }),
    );
    expect(known).toEqual(unknown);
    const message = await prisma.notification.findFirstOrThrow({
      where: { userId: user.id, template: "auth.password_reset" },
    });
    expect(message).toMatchObject({ recipient: "+6281270009999", channel: "LOG" });
    expect((message.payload as { url: string }).url).toMatch(
      /\/reset-password\/[A-Za-z0-9_-]{43}$/,
    );
  });

  it("sends nothing to a contact that is not confirmed, and answers as for any other", async () => {
    // makeUser confirms the e-mail only.
    const user = await makeUser({ phone: "+6281270008888" });
    await prisma.user.update({ where: { id: user.id }, data: { pendingEmail: "baru@contoh.id" } });
    const forgot = async (identifier: string) =>
      answered(
        await forgotAction({
          request: formPost("/forgot-password", { identifier }),
          params: {},
          context: client(),
        }),
      );

    const unconfirmed = await forgot("0812 7000 8888");
    const pending = await forgot("baru@contoh.id");
    const unknown = await forgot("0812 7000 0001");
    expect(unconfirmed).toEqual(unknown);
    expect(pending).toEqual(unknown);
    expect(
      await prisma.notification.count({
        where: {
          template: "auth.password_reset",
          recipient: { in: ["+6281270008888", "baru@contoh.id"] },
        },
      }),
    ).toBe(0);
    expect(
      await prisma.userToken.count({ where: { userId: user.id, purpose: "PASSWORD_RESET" } }),
    ).toBe(0);

    expect(await forgot(user.email)).toEqual(unknown);
    expect(
      await prisma.notification.findFirstOrThrow({
        where: { userId: user.id, template: "auth.password_reset" },
      }),
    ).toMatchObject({ recipient: user.email });
  });

  it("works once, signs out every other session and signs in with the new password", async () => {
    const user = await makeUser();
    const elsewhere = await sessionCookieFor(user.id);
    const { secret } = await prisma.$transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "PASSWORD_RESET" }),
    );
    const page = await resetLoader({
      request: siteRequest(`/reset-password/${secret}`),
      params: { token: secret },
      context: testContext,
    });
    expect(page.problem).toBeNull();

    const reset = () =>
      resetAction({
        request: formPost(`/reset-password/${secret}`, { password: "anyaman bambu baru" }),
        params: { token: secret },
        context: client(),
      });
    const done = (await reset()) as Response;
    expect(done.status).toBe(302);
    expect(await currentUser(siteRequest("/", { cookie: elsewhere }))).toBeNull();
    expect(await currentUser(siteRequest("/", { cookie: sessionCookieOf(done) }))).toMatchObject({
      id: user.id,
    });

    const again = await answered(await reset());
    expect(again).toEqual({ status: 410, body: { problem: "used" } });
    const signIn = (await signInAction({
      request: formPost("/sign-in", { identifier: user.email, password: "anyaman bambu baru" }),
      params: {},
      context: client(),
    })) as Response;
    expect(signIn.status).toBe(302);
  });

  it("refuses an expired link, a forged one and a superseded one with a clear reason", async () => {
    const user = await makeUser();
    const first = await prisma.$transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "PASSWORD_RESET" }),
    );
    const second = await prisma.$transaction((tx) =>
      issueToken(tx, { userId: user.id, purpose: "PASSWORD_RESET" }),
    );
    const problemOf = async (token: string) =>
      (
        await resetLoader({
          request: siteRequest(`/reset-password/${token}`),
          params: { token },
          context: testContext,
        })
      ).problem;
    expect(await problemOf(first.secret)).toBe("expired");
    expect(await problemOf(second.secret)).toBeNull();
    expect(await problemOf("A".repeat(43))).toBe("unknown");
    expect(await problemOf('\'; DROP TABLE "User"; --')).toBe("unknown");

    await prisma.userToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await problemOf(second.secret)).toBe("expired");
    const late = await answered(
      await resetAction({
        request: formPost(`/reset-password/${second.secret}`, { password: "anyaman bambu baru" }),
        params: { token: second.secret },
        context: client(),
      }),
    );
    expect(late).toEqual({ status: 410, body: { problem: "expired" } });
  });
});

describe("invitations", () => {
  it("let an invited operator choose a password and land on the operator console", async () => {
    const restArea = await prisma.restArea.findFirstOrThrow({ where: { active: true } });
    const invited = await prisma.user.create({
      data: {
        name: "Pak Hendra",
        phone: "+6281270004444",
        role: "OPERATOR",
        operatorAssignments: { create: { restAreaId: restArea.id } },
      },
    });
    const { secret } = await prisma.$transaction((tx) =>
      issueToken(tx, { userId: invited.id, purpose: "INVITATION" }),
    );
    const page = await invitationLoader({
      request: siteRequest(`/invitation/${secret}`),
      params: { token: secret },
      context: testContext,
    });
    expect(page.invitee).toMatchObject({ name: "Pak Hendra", role: "OPERATOR" });

    const weak = await answered(
      await invitationAction({
        request: siteRequest(`/invitation/${secret}`, {
          form: { name: "Hendra", password: "hendra" },
        }),
        params: { token: secret },
        context: testContext,
      }),
    );
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({
      values: { name: "Hendra" },
      errors: { password: expect.any(String) },
    });

    const accepted = (await invitationAction({
      request: siteRequest(`/invitation/${secret}`, {
        form: { name: "Hendra Saputra", password: "jalan tol kayu agung" },
      }),
      params: { token: secret },
      context: testContext,
    })) as Response;
    expect(accepted.headers.get("Location")).toBe("/operator");
    const user = await currentUser(siteRequest("/", { cookie: sessionCookieOf(accepted) }));
    expect(user).toMatchObject({
      name: "Hendra Saputra",
      role: "OPERATOR",
      restAreaIds: [restArea.id],
    });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: invited.id } });
    expect(stored.phoneVerifiedAt).not.toBeNull();

    const reused = await invitationLoader({
      request: siteRequest(`/invitation/${secret}`),
      params: { token: secret },
      context: testContext,
    });
    expect(reused.problem).toBe("used");
  });
});
