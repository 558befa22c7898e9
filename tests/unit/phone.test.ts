import { describe, expect, it } from "vitest";
import { formatPhone, normalizePhone } from "~/lib/phone";

describe("normalizePhone", () => {
  it.each([
    "081234567890",
    "0812-3456-7890",
    "0812 3456 7890",
    "(0812) 3456-7890",
    "6281234567890",
    "62 812 3456 7890",
    "+6281234567890",
    "+62 812-3456-7890",
    " +62 (812) 3456 7890 ",
  ])("reads %j as +6281234567890", (typed) => {
    expect(normalizePhone(typed)).toBe("+6281234567890");
  });

  it.each([
    "",
    "0812",
    "12345",
    "0711 352 000",
    "hello",
    "0812345678901234567",
    "+62 812 3456 7890 ext 5",
  ])("rejects %j, which is no WhatsApp number", (typed) => {
    expect(normalizePhone(typed)).toBeNull();
  });
});

describe("formatPhone", () => {
  it("shows a stored number in the international format", () => {
    expect(formatPhone("+6281234567890")).toBe("+62 812 3456 7890");
  });
});
