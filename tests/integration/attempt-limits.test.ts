// The limits on guessing and on sending, under a burst: every request spends its attempt before
// anything is checked or sent, so sixty requests at once get no more than the limit allows, and
// every refusal says when to come back (Retry-After).
import { describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as accountAction } from "~/routes/account._index";
import { action as deleteAction } from "~/routes/account.delete";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as signInAction } from "~/routes/sign-in";
import { makeUser, sessionCookieFor, siteRequest, testContext } from "../setup/accounts";
import { answered, type Answer } from "../setup/orders";

/** RATE_LIMIT_AUTH_PER_MINUTE's default. */
const AUTH_ATTEMPTS = 10;
const BURST = 60;

// Each test comes from its own address, so one test's burst cannot spend another's budget.
let address = 0;
function client() {
  address += 1;
  return { ...testContext, clientIp: `192.0.2.${address}` };
}

/** A public form as the browser sends it: with the empty bot-trap field. */
function publicForm(path: string, fields: Record<string, string>) {
  return siteRequest(path, { form: { name__confirm: "", ...fields } });
}

function burst<T>(count: number, request: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => request(i)));
}

/** Every 429 says in how many seconds to come back, and it is a sensible wait. */
function expectRetryAfter(answers: Answer[], atMostSeconds: number) {
  const refused = answers.filter((answer) => answer.status === 429);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) {
    const seconds = Number(answer.headers.get("Retry-After"));
    expect(Number.isInteger(seconds)).toBe(true);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(atMostSeconds);
  }
}

describe("signing in", () => {
  it("checks at most the limit of passwords sent at once, the right one past it signs nobody in", async () => {
    const user = await makeUser();
    const from = client();
    const answers = await burst(BURST + 1, (i) =>
      answered(
        signInAction({
          request: publicForm("/sign-in", {
            identifier: user.email,
            password: i === BURST ? user.password : `tebakan ${i}`,
          }),
          params: {},
          context: from,
        }),
      ),
    );
    const checked = answers.filter((answer) => answer.status !== 429);
    expect(checked.length).toBeLessThanOrEqual(AUTH_ATTEMPTS);
    const signedIn = answers.filter((answer) => answer.status === 302);
    expect(signedIn.length).toBe(answers.at(-1)!.status === 302 ? 1 : 0);
    expect(
      await prisma.session.count({ where: { userId: user.id } }),
      "sessions of the guessed account",
    ).toBe(signedIn.length);
    expectRetryAfter(answers, 60);
  });
});

describe("asking for a password reset link", () => {
  it("sends at most the limit of links for requests sent at once", async () => {
    const user = await makeUser();
    const from = client();
    const answers = await burst(BURST, () =>
      answered(
        forgotAction({
          request: publicForm("/forgot-password", { identifier: user.email }),
          params: {},
          context: from,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status !== 429).length).toBeLessThanOrEqual(
      AUTH_ATTEMPTS,
    );
    const links = await prisma.userToken.count({
      where: { userId: user.id, purpose: "PASSWORD_RESET" },
    });
    expect(links).toBeGreaterThan(0);
    expect(links).toBeLessThanOrEqual(AUTH_ATTEMPTS);
    expectRetryAfter(answers, 60);
  });
});

describe("the account's own password, asked again", () => {
  it("is compared at most the limit of times for a burst of password changes", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    const from = client();
    const answers = await burst(BURST + 1, (i) =>
      answered(
        accountAction({
          request: siteRequest("/account", {
            cookie,
            form: {
              intent: "password",
              currentPassword: i === BURST ? user.password : `tebakan ${i}`,
              newPassword: "ukiran tembaga baru 2026",
            },
          }),
          params: {},
          context: from,
        }),
      ),
    );
    const compared = answers.filter((answer) => answer.status !== 429);
    expect(compared.length).toBeLessThanOrEqual(AUTH_ATTEMPTS);
    expectRetryAfter(answers, 60);
  });

  it("answers a deletion past the limit with 429 and Retry-After, and keeps the account", async () => {
    const user = await makeUser();
    const cookie = await sessionCookieFor(user.id);
    const from = client();
    const answers = await burst(AUTH_ATTEMPTS + 5, (i) =>
      answered(
        deleteAction({
          request: siteRequest("/account/delete", { cookie, form: { password: `tebakan ${i}` } }),
          params: {},
          context: from,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status !== 429).length).toBeLessThanOrEqual(
      AUTH_ATTEMPTS,
    );
    expectRetryAfter(answers, 60);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);
  });
});

describe("sending the confirmation link again", () => {
  it("sends one link for a burst of resends, and tells the rest when to try again", async () => {
    const user = await makeUser();
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: null } });
    const cookie = await sessionCookieFor(user.id);
    const answers = await burst(20, () =>
      answered(
        accountAction({
          request: siteRequest("/account", { cookie, form: { intent: "resend-email" } }),
          params: {},
          context: client(),
        }),
      ),
    );
    expect(
      await prisma.userToken.count({ where: { userId: user.id, purpose: "VERIFY_EMAIL" } }),
    ).toBe(1);
    expect(
      await prisma.notification.count({
        where: { userId: user.id, template: "auth.verify_contact" },
      }),
    ).toBe(1);
    expect(answers.filter((answer) => answer.status === 302)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(19);
    expectRetryAfter(answers, 60);
  });
});
