import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { currentUser } from "~/accounts/session.server";
import { inspectToken } from "~/accounts/tokens.server";
import { appConfig } from "~/config.server";
import { prisma } from "~/db.server";
import * as layoutRoute from "~/routes/admin";
import * as dashboardRoute from "~/routes/admin._index";
import * as artisanRoute from "~/routes/admin.artisans.$id";
import * as artisansRoute from "~/routes/admin.artisans._index";
import * as auditRoute from "~/routes/admin.audit";
import * as restAreaRoute from "~/routes/admin.rest-areas.$id";
import * as restAreasRoute from "~/routes/admin.rest-areas._index";
import * as userRoute from "~/routes/admin.users.$id";
import * as usersRoute from "~/routes/admin.users._index";
import { seedIfEmpty } from "../../prisma/seed/seed";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";

type Outcome = { status: number; location: string | null; body: unknown };

/** What a loader or action answered: data (with its status), a redirect, or a thrown Response. */
async function outcome(run: Promise<unknown>): Promise<Outcome> {
  try {
    const result = await run;
    if (result instanceof Response) {
      return { status: result.status, location: result.headers.get("Location"), body: null };
    }
    if (result && typeof result === "object" && "init" in result && "data" in result) {
      const init = result.init as ResponseInit | null;
      return { status: init?.status ?? 200, location: null, body: result.data };
    }
    return { status: 200, location: null, body: result };
  } catch (error) {
    if (error instanceof Response) {
      return { status: error.status, location: error.headers.get("Location"), body: null };
    }
    throw error;
  }
}

function get(
  loader: (args: LoaderFunctionArgs) => Promise<unknown>,
  path: string,
  cookie?: string,
  params: Record<string, string> = {},
): Promise<Outcome> {
  return outcome(loader({ request: siteRequest(path, { cookie }), params, context: testContext }));
}

/** A form post as a browser sends it; a list posts one field per value (checkboxes). */
function post(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  cookie: string | undefined,
  fields: Record<string, string | string[]>,
  params: Record<string, string> = {},
): Promise<Outcome> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of [value].flat()) body.append(name, item);
  }
  const request = new Request(new URL(path, "http://localhost"), {
    method: "POST",
    headers: cookie
      ? { Cookie: cookie, "User-Agent": "admin-test" }
      : { "User-Agent": "admin-test" },
    body,
  });
  return outcome(action({ request, params, context: testContext }));
}

type Refused = { ok: false; values: Record<string, string>; errors: Record<string, string> };
type Invited = { ok: true; invitation: { url: string; name: string; message: string } };

let admin: { id: string; email: string };
let adminCookie: string;

beforeAll(async () => {
  await seedIfEmpty(prisma);
  admin = await makeUser({ role: "ADMIN", name: "Admin Uji" });
  adminCookie = await sessionCookieFor(admin.id);
}, 180_000);

async function unlinkedArtisan() {
  return prisma.artisan.findFirstOrThrow({ where: { userId: null }, orderBy: { name: "asc" } });
}

function secretOf(url: string): string {
  return url.slice(url.lastIndexOf("/") + 1);
}

async function rowCounts() {
  const [users, tokens, notifications, audits, assignments] = await Promise.all([
    prisma.user.count(),
    prisma.userToken.count(),
    prisma.notification.count(),
    prisma.auditLog.count(),
    prisma.operatorAssignment.count(),
  ]);
  return { users, tokens, notifications, audits, assignments };
}

describe("inviting people", () => {
  it("invites an artisan: account without password, profile linked, link, message and audit", async () => {
    const artisan = await unlinkedArtisan();
    const answer = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Siti Aminah",
      email: "Siti.Aminah@Example.id ",
      phone: "0812-7777-1234",
      locale: "en",
      role: "ARTISAN",
      artisanId: artisan.id,
    });
    expect(answer.status).toBe(200);
    const { invitation } = answer.body as Invited;
    expect(invitation.url.startsWith(`${appConfig().publicUrl}/invitation/`)).toBe(true);
    expect(invitation.message).toContain(invitation.url);

    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "siti.aminah@example.id" },
      include: { artisan: true },
    });
    expect(user).toMatchObject({
      role: "ARTISAN",
      locale: "en",
      phone: "+6281277771234",
      passwordHash: null,
    });
    expect(user.artisan?.id).toBe(artisan.id);

    const token = await inspectToken(secretOf(invitation.url), "INVITATION");
    expect(token).toEqual({ ok: true, userId: user.id, target: null });

    const message = await prisma.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(message.template).toBe("auth.invitation");
    expect(message.locale).toBe("en");
    expect(message.payload).toMatchObject({ url: invitation.url, role: "ARTISAN" });

    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.user_invited", entityId: user.id },
    });
    expect(entry).toMatchObject({ actorUserId: admin.id, entityType: "User", ip: "203.0.113.7" });
    expect(entry.details).toMatchObject({ role: "ARTISAN", artisanId: artisan.id });
  });

  it("refuses an e-mail or WhatsApp number that already has an account, creating nothing", async () => {
    const artisan = await unlinkedArtisan();
    const before = await rowCounts();
    const byEmail = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Dewi Lagi",
      email: "PEMBELI@karyasungging.test",
      locale: "id",
      role: "ARTISAN",
      artisanId: artisan.id,
    });
    expect(byEmail.status).toBe(400);
    const refusedEmail = byEmail.body as Refused;
    expect(refusedEmail.errors.email).toBe("Sudah ada akun dengan e-mail ini.");
    expect(refusedEmail.values).toMatchObject({ name: "Dewi Lagi", artisanId: artisan.id });

    const byPhone = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Dewi Lagi",
      phone: "0812 3456 7890",
      locale: "id",
      role: "ARTISAN",
      artisanId: artisan.id,
    });
    expect(byPhone.status).toBe(400);
    expect((byPhone.body as Refused).errors.phone).toBe(
      "Sudah ada akun dengan nomor WhatsApp ini.",
    );

    expect(await rowCounts()).toEqual(before);
    expect((await prisma.artisan.findUniqueOrThrow({ where: { id: artisan.id } })).userId).toBe(
      null,
    );
  });

  it("invites once when two admins send the same e-mail at the same moment", async () => {
    const restArea = await prisma.restArea.findFirstOrThrow();
    const invite = (name: string) =>
      post(usersRoute.action, "/admin/users?index", adminCookie, {
        name,
        email: "serentak@example.id",
        locale: "id",
        role: "OPERATOR",
        restAreaIds: restArea.id,
      });
    const answers = await Promise.all([invite("Serentak Satu"), invite("Serentak Dua")]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    const refused = answers.find((a) => a.status === 400)!.body as Refused;
    expect(refused.errors.email).toBe("Sudah ada akun dengan e-mail ini.");
    expect(await prisma.user.count({ where: { email: "serentak@example.id" } })).toBe(1);
  });

  it("asks for a contact, and for an artisan profile that has no account yet", async () => {
    const linked = await prisma.artisan.findFirstOrThrow({ where: { userId: { not: null } } });
    const before = await rowCounts();
    const noContact = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Tanpa Kontak",
      locale: "id",
      role: "ARTISAN",
      artisanId: linked.id,
    });
    expect(noContact.status).toBe(400);
    expect((noContact.body as Refused).errors.email).toBe("Isi e-mail atau nomor WhatsApp.");

    const taken = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Profil Terpakai",
      email: "profil.terpakai@example.id",
      locale: "id",
      role: "ARTISAN",
      artisanId: linked.id,
    });
    expect(taken.status).toBe(400);
    expect((taken.body as Refused).errors.artisanId).toBe(
      "Profil perajin ini sudah punya akun. Pilih profil lain.",
    );
    expect(await rowCounts()).toEqual(before);
  });

  it("invites an operator for two rest areas, and refuses one without any", async () => {
    const restAreas = await prisma.restArea.findMany({ take: 2, orderBy: { slug: "asc" } });
    const none = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Petugas Kosong",
      phone: "0813 1111 2222",
      locale: "id",
      role: "OPERATOR",
    });
    expect(none.status).toBe(400);
    expect((none.body as Refused).errors.restAreaIds).toBe("Pilih minimal satu rest area.");

    const answer = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Petugas Baru",
      phone: "0813 1111 2222",
      locale: "id",
      role: "OPERATOR",
      restAreaIds: restAreas.map((r) => r.id),
    });
    expect(answer.status).toBe(200);
    const user = await prisma.user.findUniqueOrThrow({
      where: { phone: "+6281311112222" },
      include: { operatorAssignments: true },
    });
    expect(user.role).toBe("OPERATOR");
    expect(user.operatorAssignments.map((a) => a.restAreaId).sort()).toEqual(
      restAreas.map((r) => r.id).sort(),
    );
    const message = await prisma.notification.findFirstOrThrow({ where: { userId: user.id } });
    expect(message).toMatchObject({ template: "auth.invitation", recipient: "+6281311112222" });
  });

  it("sends an invitation again with a new link; the old one stops working", async () => {
    const first = await post(usersRoute.action, "/admin/users?index", adminCookie, {
      name: "Undangan Ulang",
      email: "ulang@example.id",
      locale: "id",
      role: "OPERATOR",
      restAreaIds: [(await prisma.restArea.findFirstOrThrow()).id],
    });
    const oldUrl = (first.body as Invited).invitation.url;
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ulang@example.id" } });

    const again = await post(
      userRoute.action,
      `/admin/users/${user.id}`,
      adminCookie,
      { intent: "resend-invitation" },
      { id: user.id },
    );
    expect(again.status).toBe(200);
    const newUrl = (again.body as Invited).invitation.url;
    expect(newUrl).not.toBe(oldUrl);
    expect(await inspectToken(secretOf(oldUrl), "INVITATION")).toEqual({
      ok: false,
      reason: "expired",
    });
    expect((await inspectToken(secretOf(newUrl), "INVITATION")).ok).toBe(true);
    expect(await prisma.notification.count({ where: { userId: user.id } })).toBe(2);
    expect(
      await prisma.auditLog.count({
        where: { action: "admin.invitation_resent", entityId: user.id },
      }),
    ).toBe(1);

    const withPassword = await makeUser({ role: "OPERATOR" });
    const refused = await post(
      userRoute.action,
      `/admin/users/${withPassword.id}`,
      adminCookie,
      { intent: "resend-invitation" },
      { id: withPassword.id },
    );
    expect(refused.status).toBe(400);
    expect(await prisma.userToken.count({ where: { userId: withPassword.id } })).toBe(0);
  });
});

describe("the user list", () => {
  type UserList = {
    query: { page: number; role: string | null; state: string | null };
    total: number;
    pageCount: number;
    users: { id: string; name: string; role: string; state: string }[];
  };

  it("searches by name, e-mail or phone and filters by role and state", async () => {
    const byName = (await get(usersRoute.loader, "/admin/users?q=dewi", adminCookie))
      .body as UserList;
    expect(byName.users.map((u) => u.name)).toContain("Dewi Pembeli");

    const byPhone = (await get(usersRoute.loader, "/admin/users?q=0812%203456", adminCookie))
      .body as UserList;
    expect(byPhone.users.map((u) => u.name)).toEqual(["Dewi Pembeli"]);

    const operators = (await get(usersRoute.loader, "/admin/users?role=OPERATOR", adminCookie))
      .body as UserList;
    expect(operators.users.length).toBeGreaterThan(0);
    expect(operators.users.every((u) => u.role === "OPERATOR")).toBe(true);

    const invited = (await get(usersRoute.loader, "/admin/users?state=invited", adminCookie))
      .body as UserList;
    expect(invited.users.length).toBeGreaterThan(0);
    expect(invited.users.every((u) => u.state === "invited")).toBe(true);
  });

  it("clamps malformed and out-of-range parameters instead of failing", async () => {
    const odd = await get(
      usersRoute.loader,
      "/admin/users?page=abc&role=KING&state=x",
      adminCookie,
    );
    expect(odd.status).toBe(200);
    const list = odd.body as UserList;
    expect(list.query).toMatchObject({ page: 1, role: null, state: null });
    expect(list.users.length).toBe(Math.min(25, list.total));

    const far = (await get(usersRoute.loader, "/admin/users?page=9999", adminCookie))
      .body as UserList;
    expect(far.query.page).toBe(far.pageCount);
    expect(far.users.length).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown or malformed user id", async () => {
    for (const id of ["no-such-user", "../../etc"]) {
      const page = await get(userRoute.loader, `/admin/users/${id}`, adminCookie, { id });
      expect(page.status).toBe(404);
    }
  });
});

describe("deactivating and reactivating", () => {
  it("ends the person's sessions at once, and lets them back in after reactivation", async () => {
    const buyer = await makeUser({ role: "BUYER" });
    const cookie = await sessionCookieFor(buyer.id);
    expect((await currentUser(siteRequest("/account", { cookie })))?.id).toBe(buyer.id);

    const answer = await post(
      userRoute.action,
      `/admin/users/${buyer.id}`,
      adminCookie,
      { intent: "deactivate" },
      { id: buyer.id },
    );
    expect(answer).toMatchObject({
      status: 302,
      location: `/admin/users/${buyer.id}?done=deactivated`,
    });
    expect(await currentUser(siteRequest("/account", { cookie }))).toBeNull();
    expect(await prisma.session.count({ where: { userId: buyer.id, revokedAt: null } })).toBe(0);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.user_deactivated", entityId: buyer.id },
    });
    expect(entry.details).toEqual({ sessionsEnded: 1 });

    const page = (await get(userRoute.loader, `/admin/users/${buyer.id}`, adminCookie, {
      id: buyer.id,
    })) as { body: { user: { state: string; openSessions: number } } };
    expect(page.body.user).toMatchObject({ state: "deactivated", openSessions: 0 });

    const back = await post(
      userRoute.action,
      `/admin/users/${buyer.id}`,
      adminCookie,
      { intent: "reactivate" },
      { id: buyer.id },
    );
    expect(back.status).toBe(302);
    const again = await sessionCookieFor(buyer.id);
    expect((await currentUser(siteRequest("/account", { cookie: again })))?.id).toBe(buyer.id);
  });

  it("refuses to deactivate the admin's own account", async () => {
    const answer = await post(
      userRoute.action,
      `/admin/users/${admin.id}`,
      adminCookie,
      { intent: "deactivate" },
      { id: admin.id },
    );
    expect(answer.status).toBe(400);
    expect((answer.body as Refused).errors.form).toBe(
      "Anda tidak bisa melakukan ini pada akun Anda sendiri.",
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBe(
      null,
    );
    expect(await currentUser(siteRequest("/admin", { cookie: adminCookie }))).not.toBeNull();
  });
});

describe("changing roles", () => {
  function changeRole(userId: string, fields: Record<string, string | string[]>) {
    return post(
      userRoute.action,
      `/admin/users/${userId}`,
      adminCookie,
      { intent: "change-role", ...fields },
      { id: userId },
    );
  }

  it("refuses to change the admin's own role", async () => {
    const answer = await changeRole(admin.id, { role: "BUYER" });
    expect(answer.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("makes a buyer an admin freely", async () => {
    const buyer = await makeUser({ role: "BUYER" });
    expect((await changeRole(buyer.id, { role: "ADMIN" })).status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: buyer.id } })).role).toBe("ADMIN");
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.user_role_changed", entityId: buyer.id },
    });
    expect(entry.details).toMatchObject({ from: "BUYER", to: "ADMIN" });
  });

  it("needs a free artisan profile for an artisan and rest areas for an operator, and lets go of them after", async () => {
    const person = await makeUser({ role: "BUYER" });
    const linked = await prisma.artisan.findFirstOrThrow({ where: { userId: { not: null } } });

    const noProfile = await changeRole(person.id, { role: "ARTISAN" });
    expect(noProfile.status).toBe(400);
    expect((noProfile.body as Refused).errors.artisanId).toBe("Pilih profil perajin.");

    const takenProfile = await changeRole(person.id, { role: "ARTISAN", artisanId: linked.id });
    expect(takenProfile.status).toBe(400);
    expect((takenProfile.body as Refused).errors.artisanId).toBe(
      "Profil perajin ini sudah punya akun. Pilih profil lain.",
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("BUYER");

    const free = await unlinkedArtisan();
    expect((await changeRole(person.id, { role: "ARTISAN", artisanId: free.id })).status).toBe(302);
    expect((await prisma.artisan.findUniqueOrThrow({ where: { id: free.id } })).userId).toBe(
      person.id,
    );

    const noRestAreas = await changeRole(person.id, { role: "OPERATOR" });
    expect(noRestAreas.status).toBe(400);
    expect((noRestAreas.body as Refused).errors.restAreaIds).toBe("Pilih minimal satu rest area.");

    const restArea = await prisma.restArea.findFirstOrThrow();
    expect(
      (await changeRole(person.id, { role: "OPERATOR", restAreaIds: [restArea.id] })).status,
    ).toBe(302);
    expect((await prisma.artisan.findUniqueOrThrow({ where: { id: free.id } })).userId).toBe(null);
    expect(await prisma.operatorAssignment.count({ where: { userId: person.id } })).toBe(1);

    expect((await changeRole(person.id, { role: "BUYER" })).status).toBe(302);
    expect(await prisma.operatorAssignment.count({ where: { userId: person.id } })).toBe(0);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("BUYER");
  });

  it("edits an operator's rest areas, keeping at least one", async () => {
    const [first, second] = await prisma.restArea.findMany({ take: 2, orderBy: { slug: "desc" } });
    const operator = await makeUser({ role: "OPERATOR", restAreaIds: [first!.id] });
    const path = `/admin/users/${operator.id}`;
    const params = { id: operator.id };

    const empty = await post(
      userRoute.action,
      path,
      adminCookie,
      { intent: "set-rest-areas" },
      params,
    );
    expect(empty.status).toBe(400);

    const saved = await post(
      userRoute.action,
      path,
      adminCookie,
      { intent: "set-rest-areas", restAreaIds: [second!.id] },
      params,
    );
    expect(saved.status).toBe(302);
    const assignments = await prisma.operatorAssignment.findMany({
      where: { userId: operator.id },
    });
    expect(assignments.map((a) => a.restAreaId)).toEqual([second!.id]);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.operator_rest_areas_changed", entityId: operator.id },
    });
    expect(entry.details).toEqual({ added: [second!.id], removed: [first!.id] });
  });
});

describe("artisan profiles", () => {
  it("lists artisans with their account state", async () => {
    const page = (await get(artisansRoute.loader, "/admin/artisans", adminCookie)).body as {
      artisans: { name: string; account: string; productCount: number }[];
    };
    const rosmawati = page.artisans.find((a) => a.name === "Rosmawati Saleh");
    expect(rosmawati).toMatchObject({ account: "active" });
    expect(rosmawati!.productCount).toBeGreaterThan(0);
    expect(page.artisans.some((a) => a.account === "none")).toBe(true);
  });

  it("refuses an incomplete profile, keeping what was typed, and saves a valid one without logging bank numbers", async () => {
    const artisan = await unlinkedArtisan();
    const path = `/admin/artisans/${artisan.id}`;
    const params = { id: artisan.id };
    const fields = {
      name: artisan.name,
      village: artisan.village,
      storyId: "Menempa perak sejak muda di Tanjung Batu.",
      storyEn: "",
      specialties: ["SILVER", "COPPER"],
      craftingSince: "1988",
      active: "on",
      bankName: "Bank Sumsel Babel",
      bankAccountNumber: "12-34",
      bankAccountName: "",
    };
    const refused = await post(artisanRoute.action, path, adminCookie, fields, params);
    expect(refused.status).toBe(400);
    const body = refused.body as Refused;
    expect(body.errors.bankAccountNumber).toBe("Nomor rekening terdiri dari 5 sampai 20 angka.");
    expect(body.errors.bankAccountName).toBe(
      "Lengkapi rekening: nama bank, nomor dan nama pemilik.",
    );
    expect(body.values).toMatchObject({ craftingSince: "1988", bankName: "Bank Sumsel Babel" });

    const noStory = await post(
      artisanRoute.action,
      path,
      adminCookie,
      { ...fields, storyId: " ", bankName: "", bankAccountNumber: "" },
      params,
    );
    expect((noStory.body as Refused).errors.storyId).toBe(
      "Tulis kisah perajin dalam Bahasa Indonesia.",
    );
    const tooEarly = await post(
      artisanRoute.action,
      path,
      adminCookie,
      { ...fields, craftingSince: "1939", bankName: "", bankAccountNumber: "" },
      params,
    );
    expect((tooEarly.body as Refused).errors.craftingSince).toBeDefined();

    const saved = await post(
      artisanRoute.action,
      path,
      adminCookie,
      { ...fields, bankAccountNumber: "1234 5678 90", bankAccountName: "Siti Aminah" },
      params,
    );
    expect(saved).toMatchObject({ status: 302, location: `${path}?done=saved` });
    const row = await prisma.artisan.findUniqueOrThrow({ where: { id: artisan.id } });
    expect(row).toMatchObject({
      storyId: "Menempa perak sejak muda di Tanjung Batu.",
      specialties: ["SILVER", "COPPER"],
      craftingSince: 1988,
      bankAccountNumber: "1234567890",
      bankAccountName: "Siti Aminah",
    });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.artisan_updated", entityId: artisan.id },
    });
    expect(entry.details).toMatchObject({
      changed: expect.arrayContaining(["storyId", "bankAccountNumber", "bankName"]),
    });
    expect(JSON.stringify(entry.details)).not.toContain("1234567890");

    const page = (await get(artisanRoute.loader, path, adminCookie, params)).body as {
      artisan: { bankAccountNumber: string };
    };
    expect(page.artisan.bankAccountNumber).toBe("1234567890");
  });
});

describe("rest areas", () => {
  async function freshRestArea() {
    return prisma.restArea.findFirstOrThrow({
      where: { slug: "km-87-b-bakauheni-terbanggi-besar" },
      include: { pickupWindows: { orderBy: { startMinute: "asc" } } },
    });
  }

  const validRules = {
    intent: "update",
    opensAt: "07:00",
    closesAt: "21:00",
    openWeekdays: ["1", "2", "3", "4", "5", "6"],
    holdDays: "5",
    transitDays: "2",
    active: "on",
  };

  it("lists rest areas by region", async () => {
    const page = (await get(restAreasRoute.loader, "/admin/rest-areas", adminCookie)).body as {
      regions: { region: string; restAreas: { name: string }[] }[];
    };
    expect(page.regions.map((r) => r.region)).toEqual(["PALEMBANG", "LAMPUNG", "BENGKULU"]);
    expect(page.regions[1]!.restAreas.map((r) => r.name)).toContain("Rest Area KM 87 B");
  });

  it("refuses closing before opening and keeps the typed values", async () => {
    const restArea = await freshRestArea();
    const answer = await post(
      restAreaRoute.action,
      `/admin/rest-areas/${restArea.id}`,
      adminCookie,
      { ...validRules, opensAt: "18:00", closesAt: "09:00", holdDays: "20" },
      { id: restArea.id },
    );
    expect(answer.status).toBe(400);
    const body = answer.body as Refused & { openWeekdays: string[] };
    expect(body.errors.closesAt).toBe("Jam tutup harus setelah jam buka.");
    expect(body.errors.holdDays).toBe("Tulis angka 1 sampai 14.");
    expect(body.values).toMatchObject({ opensAt: "18:00", closesAt: "09:00", holdDays: "20" });
    expect(body.openWeekdays).toEqual(["1", "2", "3", "4", "5", "6"]);
    const after = await freshRestArea();
    expect(after).toMatchObject({ opensAtMinute: 8 * 60, closesAtMinute: 20 * 60, holdDays: 3 });
  });

  it("refuses hours that would leave a pickup window outside them", async () => {
    const restArea = await freshRestArea();
    const answer = await post(
      restAreaRoute.action,
      `/admin/rest-areas/${restArea.id}`,
      adminCookie,
      { ...validRules, opensAt: "09:00" },
      { id: restArea.id },
    );
    expect(answer.status).toBe(400);
    expect((answer.body as Refused).errors.form).toContain("08.00–11.00");
  });

  it("saves opening hours, days and rules, and records what changed", async () => {
    const restArea = await freshRestArea();
    const answer = await post(
      restAreaRoute.action,
      `/admin/rest-areas/${restArea.id}`,
      adminCookie,
      validRules,
      { id: restArea.id },
    );
    expect(answer).toMatchObject({
      status: 302,
      location: `/admin/rest-areas/${restArea.id}?done=saved`,
    });
    const after = await freshRestArea();
    expect(after).toMatchObject({
      opensAtMinute: 7 * 60,
      closesAtMinute: 21 * 60,
      openWeekdays: [1, 2, 3, 4, 5, 6],
      holdDays: 5,
      transitDays: 2,
      active: true,
    });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { action: "admin.rest_area_updated", entityId: restArea.id },
      orderBy: { createdAt: "desc" },
    });
    expect(entry.details).toMatchObject({
      changes: {
        opensAtMinute: { from: 480, to: 420 },
        closesAtMinute: { from: 1200, to: 1260 },
        holdDays: { from: 3, to: 5 },
        openWeekdays: { from: [1, 2, 3, 4, 5, 6, 7], to: [1, 2, 3, 4, 5, 6] },
      },
    });
  });

  it("adds, changes and deactivates pickup windows within the opening hours", async () => {
    const restArea = await freshRestArea();
    const path = `/admin/rest-areas/${restArea.id}`;
    const params = { id: restArea.id };

    const outside = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      { intent: "add-window", start: "05:00", end: "07:00", capacity: "10" },
      params,
    );
    expect(outside.status).toBe(400);
    expect((outside.body as Refused).errors.start).toContain("di dalam jam buka");

    const overlapping = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      { intent: "add-window", start: "10:00", end: "12:00", capacity: "10" },
      params,
    );
    expect(overlapping.status).toBe(400);

    const badCapacity = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      { intent: "add-window", start: "07:00", end: "08:00", capacity: "501" },
      params,
    );
    expect((badCapacity.body as Refused).errors.capacity).toBe("Tulis kapasitas 1 sampai 500.");

    const added = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      { intent: "add-window", start: "07:00", end: "08:00", capacity: "6" },
      params,
    );
    expect(added).toMatchObject({ status: 302, location: `${path}?done=windowAdded` });
    const early = await prisma.pickupWindow.findFirstOrThrow({
      where: { restAreaId: restArea.id, startMinute: 7 * 60 },
    });
    expect(early).toMatchObject({ endMinute: 8 * 60, capacity: 6, active: true });

    const changed = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      { intent: "update-window", windowId: early.id, start: "07:00", end: "08:00", capacity: "9" },
      params,
    );
    expect(changed.status).toBe(302);
    expect(
      (await prisma.pickupWindow.findUniqueOrThrow({ where: { id: early.id } })).capacity,
    ).toBe(9);

    const deactivated = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      { intent: "deactivate-window", windowId: early.id },
      params,
    );
    expect(deactivated.status).toBe(302);
    expect((await prisma.pickupWindow.findUniqueOrThrow({ where: { id: early.id } })).active).toBe(
      false,
    );
  });

  it("keeps a window's promise to parcels already booked for coming days", async () => {
    const restArea = await freshRestArea();
    const window = restArea.pickupWindows.find((w) => w.active && w.startMinute === 8 * 60)!;
    const tomorrow = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000);
    await prisma.pickupSlot.create({
      data: {
        windowId: window.id,
        date: new Date(`${tomorrow.toISOString().slice(0, 10)}T00:00:00Z`),
        booked: 5,
      },
    });
    const path = `/admin/rest-areas/${restArea.id}`;
    const params = { id: restArea.id };
    const lower = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      { intent: "update-window", windowId: window.id, start: "08:00", end: "11:00", capacity: "4" },
      params,
    );
    expect(lower.status).toBe(400);
    expect((lower.body as Refused).errors.capacity).toContain("5 paket");

    const moved = await post(
      restAreaRoute.action,
      path,
      adminCookie,
      {
        intent: "update-window",
        windowId: window.id,
        start: "08:30",
        end: "11:00",
        capacity: "12",
      },
      params,
    );
    expect(moved.status).toBe(400);
    expect(
      (await prisma.pickupWindow.findUniqueOrThrow({ where: { id: window.id } })).startMinute,
    ).toBe(8 * 60);
  });

  it("answers 404 for an unknown rest area", async () => {
    const page = await get(restAreaRoute.loader, "/admin/rest-areas/nope", adminCookie, {
      id: "nope",
    });
    expect(page.status).toBe(404);
    const change = await post(
      restAreaRoute.action,
      "/admin/rest-areas/nope",
      adminCookie,
      validRules,
      { id: "nope" },
    );
    expect(change.status).toBe(404);
  });
});

describe("the dashboard and the audit log", () => {
  type AuditPage = {
    total: number;
    entries: { action: string; actor: { email: string | null } | null; when: string }[];
    actions: string[];
  };

  it("counts users, invitations and rest areas and shows the latest activity", async () => {
    const page = (await get(dashboardRoute.loader, "/admin", adminCookie)).body as {
      usersByRole: { role: string; count: number }[];
      pendingInvitations: number;
      activeRestAreas: number;
      ordersByStatus: { status: string; count: number }[];
      latestAudit: unknown[];
    };
    expect(page.usersByRole.find((r) => r.role === "ADMIN")!.count).toBeGreaterThan(0);
    expect(page.pendingInvitations).toBeGreaterThan(0);
    expect(page.activeRestAreas).toBe(await prisma.restArea.count({ where: { active: true } }));
    expect(page.ordersByStatus.every((row) => row.count >= 0)).toBe(true);
    expect(page.latestAudit.length).toBeGreaterThan(0);
    expect(page.latestAudit.length).toBeLessThanOrEqual(10);
  });

  it("lists entries newest first and filters them by action, actor and date", async () => {
    const all = (await get(auditRoute.loader, "/admin/audit", adminCookie)).body as AuditPage;
    expect(all.total).toBe(await prisma.auditLog.count());
    expect(all.entries[0]!.when).toMatch(/WIB$/);
    expect(all.actions).toContain("admin.user_invited");

    const invited = (
      await get(auditRoute.loader, "/admin/audit?action=admin.user_invited", adminCookie)
    ).body as AuditPage;
    expect(invited.total).toBe(
      await prisma.auditLog.count({ where: { action: "admin.user_invited" } }),
    );
    expect(invited.entries.every((e) => e.action === "admin.user_invited")).toBe(true);

    const byActor = (
      await get(
        auditRoute.loader,
        `/admin/audit?actor=${encodeURIComponent(admin.email)}`,
        adminCookie,
      )
    ).body as AuditPage;
    expect(byActor.total).toBeGreaterThan(0);
    expect(byActor.entries.every((e) => e.actor?.email === admin.email)).toBe(true);

    const nobody = (await get(auditRoute.loader, "/admin/audit?actor=nobody@nowhere", adminCookie))
      .body as AuditPage;
    expect(nobody.total).toBe(0);

    const past = (
      await get(auditRoute.loader, "/admin/audit?from=2020-01-01&to=2020-01-31", adminCookie)
    ).body as AuditPage;
    expect(past.total).toBe(0);

    const odd = await get(auditRoute.loader, "/admin/audit?from=2026-02-31&page=-4", adminCookie);
    expect(odd.status).toBe(200);
  });
});

describe("who may open the admin area", () => {
  const loaders: [string, (args: LoaderFunctionArgs) => Promise<unknown>][] = [
    ["layout", layoutRoute.loader],
    ["dashboard", dashboardRoute.loader],
    ["users", usersRoute.loader],
    ["user", userRoute.loader],
    ["artisans", artisansRoute.loader],
    ["artisan", artisanRoute.loader],
    ["rest areas", restAreasRoute.loader],
    ["rest area", restAreaRoute.loader],
    ["audit", auditRoute.loader],
  ];
  const actions: [string, (args: ActionFunctionArgs) => Promise<unknown>][] = [
    ["users", usersRoute.action],
    ["user", userRoute.action],
    ["artisan", artisanRoute.action],
    ["rest area", restAreaRoute.action],
  ];

  it("answers 403 to buyers, artisans and operators, and changes nothing", async () => {
    const target = await makeUser({ role: "BUYER" });
    const params = { id: target.id };
    for (const role of ["BUYER", "ARTISAN", "OPERATOR"] as const) {
      const cookie = await sessionCookieFor((await makeUser({ role })).id);
      for (const [name, loader] of loaders) {
        expect((await get(loader, "/admin/x", cookie, params)).status, `${role} ${name}`).toBe(403);
      }
      for (const [name, action] of actions) {
        const answer = await post(action, "/admin/x", cookie, { intent: "deactivate" }, params);
        expect(answer.status, `${role} ${name}`).toBe(403);
      }
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).deactivatedAt).toBe(
      null,
    );
  });

  it("sends anonymous visitors to sign in", async () => {
    for (const [name, loader] of loaders) {
      const answer = await get(loader, "/admin/users?role=ADMIN", undefined, { id: "x" });
      expect(answer.status, name).toBe(302);
      expect(answer.location, name).toBe(
        `/sign-in?${new URLSearchParams({ next: "/admin/users?role=ADMIN" })}`,
      );
    }
    for (const [name, action] of actions) {
      const answer = await post(
        action,
        "/admin/users",
        undefined,
        { intent: "deactivate" },
        {
          id: "x",
        },
      );
      expect(answer.status, name).toBe(302);
      expect(answer.location?.startsWith("/sign-in?"), name).toBe(true);
    }
  });

  it("lets an admin in", async () => {
    const page = await get(layoutRoute.loader, "/admin", adminCookie);
    expect(page.status).toBe(200);
  });
});
