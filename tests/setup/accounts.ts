// Helpers for integration tests that act as a signed-in person: real users and real sessions in
// the test's database, and requests that carry the session cookie as a browser would.
import type { AppLoadContext } from "@remix-run/node";
import { hashPassword } from "~/accounts/password.server";
import { startSession } from "~/accounts/session.server";
import { prisma } from "~/db.server";
import type { Role } from "~/generated/prisma/client";

let counter = 0;

export type TestUser = { id: string; email: string; role: Role; password: string };

/** A user of the given role; artisans get a fresh artisan profile, operators their rest areas. */
export async function makeUser(
  options: {
    role?: Role;
    name?: string;
    email?: string;
    phone?: string | null;
    password?: string;
    restAreaIds?: string[];
    artisanId?: string;
  } = {},
): Promise<TestUser & { artisanId: string | null }> {
  counter += 1;
  const role = options.role ?? "BUYER";
  const email = options.email ?? `${role.toLowerCase()}-${counter}-${Date.now()}@example.test`;
  const password = options.password ?? "tembaga-ukir-2026";
  const user = await prisma.user.create({
    data: {
      email,
      phone: options.phone ?? null,
      name: options.name ?? `Uji ${role} ${counter}`,
      role,
      passwordHash: await hashPassword(password),
      emailVerifiedAt: new Date(),
    },
  });
  let artisanId: string | null = null;
  if (role === "ARTISAN") {
    if (options.artisanId) {
      await prisma.artisan.update({ where: { id: options.artisanId }, data: { userId: user.id } });
      artisanId = options.artisanId;
    } else {
      const cooperative = await prisma.cooperative.findFirstOrThrow();
      const artisan = await prisma.artisan.create({
        data: {
          slug: `uji-perajin-${counter}-${Date.now()}`,
          name: user.name,
          village: "Tanjung Batu",
          cooperativeId: cooperative.id,
          storyId: "Perajin uji.",
          userId: user.id,
        },
      });
      artisanId = artisan.id;
    }
  }
  if (role === "OPERATOR") {
    const restAreaIds = options.restAreaIds ?? [
      (await prisma.restArea.findFirstOrThrow({ where: { active: true } })).id,
    ];
    await prisma.operatorAssignment.createMany({
      data: restAreaIds.map((restAreaId) => ({ userId: user.id, restAreaId })),
    });
  }
  return { id: user.id, email, role, password, artisanId };
}

export const testContext: AppLoadContext = { clientIp: "203.0.113.7", cspNonce: "test-nonce" };

/** A browser's cookie header for a fresh session of `userId`. */
export async function sessionCookieFor(userId: string): Promise<string> {
  const setCookie = await startSession(
    prisma,
    userId,
    new Request("http://localhost/"),
    testContext,
  );
  return setCookie.split(";")[0]!;
}

/** A request to this site, as a browser would send it (a cookie, a form). */
export function siteRequest(
  path: string,
  {
    cookie,
    form,
    method,
  }: { cookie?: string; form?: Record<string, string>; method?: string } = {},
): Request {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  return new Request(new URL(path, "http://localhost"), {
    method: method ?? (form ? "POST" : "GET"),
    headers,
    body: form ? new URLSearchParams(form) : undefined,
  });
}
