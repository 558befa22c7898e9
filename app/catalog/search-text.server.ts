import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import { productSearchText } from "./search-text";

/**
 * Recomputes the search text of the products matching `where`; call it whenever a product, its
 * variants, its artisan's name or its category's names change.
 */
export async function refreshProductSearchText(
  db: PrismaClient | Prisma.TransactionClient,
  where: Prisma.ProductWhereInput,
): Promise<void> {
  const products = await db.product.findMany({
    where,
    select: {
      id: true,
      titleId: true,
      titleEn: true,
      descriptionId: true,
      descriptionEn: true,
      metal: true,
      artisan: { select: { name: true } },
      category: { select: { nameId: true, nameEn: true } },
      variants: { select: { labelId: true, labelEn: true } },
    },
  });
  for (const product of products) {
    const searchText = productSearchText({
      ...product,
      artisanName: product.artisan.name,
      categoryNameId: product.category.nameId,
      categoryNameEn: product.category.nameEn,
      variantLabels: product.variants.flatMap((v) => [v.labelId, v.labelEn ?? ""]),
    });
    await db.product.update({ where: { id: product.id }, data: { searchText } });
  }
}
