import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/lib/safe-redirect";

describe("safeRedirectPath", () => {
  it.each([
    "/products?metal=silver",
    "/cart",
    "/products/kalung-perak#foto",
    "/sign-in?next=%2Fcart",
  ])("keeps %j, a path on this site", (target) => {
    expect(safeRedirectPath(target)).toBe(target);
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    // Browsers drop TAB, CR and LF inside URLs: each of these would become //evil.example.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\t\t/evil.example",
    // Header splitting and characters a Location header cannot carry.
    "/cart\r\nSet-Cookie: x=1",
    "/produk/kalung-ü",
    "/\u0000",
    // The parser would change these, so they are not what was asked for.
    "/a/../b",
    "/a/./b",
    "/%2e%2e/b",
    "/ /evil.example",
    "",
    null,
    undefined,
  ])("sends %j home instead", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirectPath("//evil.example", "/cart")).toBe("/cart");
  });
});
