import { describe, expect, it } from "vitest";
import { resources } from "~/i18n/resources.server";

function leaves(messages: object, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value]]
      : leaves(value as object, `${prefix}${key}.`),
  );
}

const idLeaves = leaves(resources.id);
const enLeaves = leaves(resources.en);

describe("translations", () => {
  it("say every text in both Indonesian and English", () => {
    expect(idLeaves.length).toBeGreaterThan(50);
    expect(enLeaves.map(([key]) => key)).toEqual(idLeaves.map(([key]) => key));
    for (const [key, text] of [...idLeaves, ...enLeaves]) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const enByKey = new Map(enLeaves);
    for (const [key, text] of idLeaves) {
      expect(placeholders(enByKey.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });
});
