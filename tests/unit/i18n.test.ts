import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en";
import id from "~/i18n/locales/id";

function leaves(messages: object, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value]]
      : leaves(value as object, `${prefix}${key}.`),
  );
}

describe("translations", () => {
  it("say every text in both Indonesian and English", () => {
    const idLeaves = leaves(id);
    const enLeaves = leaves(en);
    expect(enLeaves.map(([key]) => key)).toEqual(idLeaves.map(([key]) => key));
    for (const [, text] of [...idLeaves, ...enLeaves]) expect(text.trim()).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const enByKey = new Map(leaves(en));
    for (const [key, text] of leaves(id)) {
      expect(placeholders(enByKey.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });
});
