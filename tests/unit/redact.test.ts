import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logError, logInfo } from "~/lib/log.server";
import { maskSecretsInText, redactContext } from "~/lib/redact";
import { readConfig } from "~/config.server";
import { channelsFromConfig } from "~/notifications/channels/channel.server";
import { logChannel } from "~/notifications/channels/log.server";
import { renderMessage, type TemplatePayload } from "~/notifications/templates";

const orderKey = "Zq3vN8kP2xR7tY1uW4sA9dF6gH0jK5lM";
const resetToken = "b2d4f6h8j0l2n4p6r8t0v2x4z6B8D0F2H4J6L8N0P2R";

const ready: TemplatePayload<"order.ready"> = {
  name: "Sari",
  number: "KS-261128-7QX4",
  url: `https://karyasungging.id/orders/KS-261128-7QX4?key=${orderKey}`,
  restArea: "Rest Area KM 234 A (arah Palembang)",
  pickupDay: "2026-12-05",
  window: "09.00–12.00 WIB",
  hours: "08.00–20.00 WIB",
  lastDay: "2026-12-08",
  pickupCode: "482913",
  amountDueRupiah: 1_250_000,
};

const reset: TemplatePayload<"auth.password_reset"> = {
  name: "Sari",
  url: `https://karyasungging.id/reset-password/${resetToken}`,
  expiresAt: "2026-12-05T03:00:00.000Z",
};

describe("masking secrets in a message", () => {
  it("hides the pickup code but its last two digits, and the order's key, keeping the rest", () => {
    const { text } = renderMessage("order.ready", "id", ready);
    const masked = maskSecretsInText(text);
    expect(masked).not.toContain("482913");
    expect(masked).toContain("Kode ambil: ••••13");
    expect(masked).not.toContain(orderKey);
    expect(masked).toContain("/orders/KS-261128-7QX4?key=••••");
    // What the message is about stays readable.
    expect(masked).toContain("KS-261128-7QX4");
    expect(masked).toMatch(/Rp\s1\.250\.000/);
    expect(masked).toContain("Rest Area KM 234 A");
  });

  it("hides the token of reset, confirmation and invitation links", () => {
    const { text } = renderMessage("auth.password_reset", "en", reset);
    expect(maskSecretsInText(text)).not.toContain(resetToken);
    expect(maskSecretsInText(text)).toMatch(/\/reset-password\/••••[\w-]{4}\n/);
    for (const link of [`/verify/${resetToken}`, `/invitation/${resetToken}`]) {
      expect(maskSecretsInText(`open https://k.id${link} now`)).not.toContain(resetToken);
    }
    expect(maskSecretsInText("/cart?session=abcdef123456&x=1")).toBe("/cart?session=••••3456&x=1");
  });

  it("leaves phone numbers, dates, amounts and longer numbers alone", () => {
    const text = "+6281234567890 on 2026-12-05 08.00, Rp 150.000, id 1765432100123, KS-261128-7QX4";
    expect(maskSecretsInText(text)).toBe(text);
  });
});

describe("the app log", () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    vi.stubEnv("LOG_IN_TESTS", "1");
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it("redacts values kept under a secret's name, however deep, and masks codes in any text", () => {
    logInfo("sign-in attempt", {
      userId: "u_1",
      password: "tembaga-ukir-2026",
      headers: { Authorization: "Bearer abc", Cookie: "ks_session=xyz", "set-cookie": ["a=b"] },
      pickupCode: "482913",
      attempts: [{ accessToken: "t0k3n", code: "123456" }],
      idempotencyKey: "order.ready:o_1:2026-12-05",
      note: "buyer read out 482913 at the counter",
    });
    logError(new Error(`no user for https://k.id/reset-password/${resetToken}`), {
      stripeSignature: "t=1,v1=abc",
    });
    const info = JSON.parse(lines[0]!);
    expect(info).toMatchObject({
      message: "sign-in attempt",
      userId: "u_1",
      password: "[redacted]",
      headers: { Authorization: "[redacted]", Cookie: "[redacted]", "set-cookie": "[redacted]" },
      pickupCode: "[redacted]",
      attempts: [{ accessToken: "[redacted]", code: "[redacted]" }],
      idempotencyKey: "order.ready:o_1:2026-12-05",
      note: "buyer read out ••••13 at the counter",
    });
    const error = JSON.parse(lines[1]!);
    expect(error.stripeSignature).toBe("[redacted]");
    expect(lines[1]).not.toContain(resetToken);
    expect(redactContext({ when: new Date(0), n: 482913 })).toEqual({
      when: new Date(0),
      n: 482913,
    });
  });
});

describe("the log channel", () => {
  let dir: string;
  let lines: string[];
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "ks-log-channel-"));
    lines = [];
    vi.stubEnv("LOG_IN_TESTS", "1");
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it("writes the message masked to the process log and in full to the messages file", async () => {
    const file = path.join(dir, "data", "messages.log");
    const channel = logChannel({ messagesFile: file });
    for (const [template, payload] of [
      ["order.ready", ready],
      ["auth.password_reset", reset],
    ] as const) {
      const { subject, text } = renderMessage(template, "id", payload as never);
      await channel.send({
        idempotencyKey: `${template}:1`,
        to: "+6281234567890",
        locale: "id",
        template,
        subject,
        text,
      });
    }

    const stdout = lines.join("\n");
    expect(stdout).not.toContain("482913");
    expect(stdout).not.toContain(orderKey);
    expect(stdout).not.toContain(resetToken);
    expect(stdout).not.toContain("6281234567890");
    expect(JSON.parse(lines[0]!).text).toContain("Kode ambil: ••••13");

    const kept = (await readFile(file, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(kept.map((entry) => entry.template)).toEqual(["order.ready", "auth.password_reset"]);
    expect(kept[0].text).toContain("Kode ambil: 482913");
    expect(kept[0].text).toContain(`?key=${orderKey}`);
    expect(kept[1].text).toContain(`/reset-password/${resetToken}`);
    expect(kept[0].to).toBe("•••890");
    expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it("keeps the full text under DATA_DIR, as the configuration sets it up", async () => {
    const channel = channelsFromConfig(readConfig({ NODE_ENV: "test", DATA_DIR: dir })).LOG!;
    const { subject, text } = renderMessage("auth.password_reset", "en", reset);
    await channel.send({
      idempotencyKey: "k",
      to: "sari@example.test",
      locale: "en",
      template: "auth.password_reset",
      subject,
      text,
    });
    expect(await readFile(path.join(dir, "messages.log"), "utf8")).toContain(resetToken);
    expect(lines.join("\n")).not.toContain(resetToken);
  });
});
