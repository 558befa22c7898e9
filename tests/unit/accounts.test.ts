import { describe, expect, it } from "vitest";
import { parseIdentifier } from "~/accounts/identifier";
import { passwordProblem } from "~/accounts/password-policy.server";
import { renderMessage } from "~/notifications/templates";

describe("parseIdentifier", () => {
  it("reads an e-mail address in any case and a WhatsApp number in any common form", () => {
    expect(parseIdentifier(" Siti@Contoh.ID ")).toEqual({ kind: "email", email: "siti@contoh.id" });
    for (const typed of ["0812-3456-7890", "62812 3456 7890", "+62 812 3456 7890"]) {
      expect(parseIdentifier(typed)).toEqual({ kind: "phone", phone: "+6281234567890" });
    }
  });

  it("refuses what is neither", () => {
    for (const typed of ["siti", "siti@", "12345", "' OR 1=1 --", "a".repeat(300) + "@x.id"]) {
      expect(parseIdentifier(typed)).toBeNull();
    }
  });
});

describe("passwordProblem", () => {
  it("asks for at least 8 and at most 128 characters", () => {
    expect(passwordProblem("tepak7")).toBe("too-short");
    expect(passwordProblem("x".repeat(129))).toBe("too-long");
  });

  it("refuses common and breached passwords and ones built from the person's own details", () => {
    for (const common of ["password", "12345678", "qwertyuiop", "iloveyou1", "karyasungging"]) {
      expect(passwordProblem(common), common).toBe("too-common");
    }
    expect(passwordProblem("rosmawati123", ["rosmawati@contoh.id", "Rosmawati Saleh"])).toBe(
      "too-common",
    );
  });

  it("accepts a few words together", () => {
    expect(passwordProblem("kopi tubruk pagi")).toBeNull();
    expect(passwordProblem("sungging-demo-2026")).toBeNull();
  });
});

describe("renderMessage", () => {
  it("writes the reset message in the recipient's language with the link and its deadline in WIB", () => {
    const payload = {
      name: "Siti",
      url: "https://karyasungging.id/reset-password/abc",
      expiresAt: "2026-11-28T08:30:00.000Z",
    };
    const id = renderMessage("auth.password_reset", "id", payload);
    expect(id.subject).toBe("Atur ulang kata sandi Karya Sungging");
    expect(id.text).toContain("https://karyasungging.id/reset-password/abc");
    expect(id.text).toContain("15.30");
    const en = renderMessage("auth.password_reset", "en", payload);
    expect(en.text).toContain("Hello Siti");
    expect(en.text).toContain("15:30");
  });

  it("tells the old contact what is changing, with the undo link", () => {
    const payload = {
      name: "Siti",
      changes: [
        { contact: "email" as const, kind: "change" as const },
        { contact: "phone" as const, kind: "add" as const },
      ],
      url: "https://karyasungging.id/undo-contact-change/abc",
      expiresAt: "2026-12-12T08:30:00.000Z",
    };
    const id = renderMessage("auth.contact_changing", "id", payload);
    expect(id.text).toContain("e-mail diganti dan nomor WhatsApp ditambahkan");
    expect(id.text).toContain("https://karyasungging.id/undo-contact-change/abc");
    const en = renderMessage("auth.contact_changing", "en", payload);
    expect(en.text).toContain(
      "your e-mail address is being changed and a WhatsApp number is being added",
    );
  });

  it("tells an account's owner that someone tried to sign up with their contact", () => {
    const en = renderMessage("auth.sign_up_attempt", "en", {
      name: "Siti",
      contact: "phone",
      signInUrl: "https://karyasungging.id/sign-in",
      resetUrl: "https://karyasungging.id/forgot-password",
    });
    expect(en.text).toContain("this WhatsApp number");
    expect(en.text).toContain("https://karyasungging.id/forgot-password");
  });
});
