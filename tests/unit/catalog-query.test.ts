import { describe, expect, it } from "vitest";
import { catalogHref, parseCatalogQuery } from "~/catalog/catalog-query";

const parse = (search: string) => parseCatalogQuery(new URLSearchParams(search));

describe("parseCatalogQuery", () => {
  it("reads shared filters from the address", () => {
    expect(
      parse(
        "q=Gelang  Perak&metal=silver&category=bracelets&artisan=rosmawati-saleh&min=100.000&max=Rp%20500.000&stock=1&sort=price-asc&page=2",
      ),
    ).toEqual({
      q: "gelang perak",
      metal: "SILVER",
      category: "bracelets",
      artisan: "rosmawati-saleh",
      minPrice: 100_000,
      maxPrice: 500_000,
      inStock: true,
      sort: "price-asc",
      page: 2,
    });
  });

  it("ignores or clamps malformed values instead of failing", () => {
    expect(
      parse("price=abc&min=abc&max=-5&page=-1&sort=drop&metal=gold&category=../../etc"),
    ).toEqual({
      q: "",
      metal: null,
      category: null,
      artisan: null,
      minPrice: null,
      maxPrice: null,
      inStock: false,
      sort: "newest",
      page: 1,
    });
    expect(parse("page=99999999").page).toBe(500);
    expect(parse("min=500000&max=100000")).toMatchObject({ minPrice: 100_000, maxPrice: 500_000 });
  });

  it("bounds the search text", () => {
    expect(parse(`q=${"a".repeat(10_000)}`).q).toHaveLength(100);
    expect(parse("q=gelang").sort).toBe("relevance");
    expect(parse("sort=relevance").sort).toBe("newest");
  });
});

describe("catalogHref", () => {
  it("writes short, shareable addresses and starts a changed filter on page one", () => {
    const query = parse("metal=copper&page=3");
    expect(catalogHref(query)).toBe("/products?metal=copper");
    expect(catalogHref(query, { page: 4 })).toBe("/products?metal=copper&page=4");
    expect(catalogHref(query, { metal: null })).toBe("/products");
    expect(catalogHref(parse("q=tepak"), { sort: "popular" })).toBe(
      "/products?q=tepak&sort=popular",
    );
  });
});
