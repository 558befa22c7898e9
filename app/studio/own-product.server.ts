import { notFound, type ArtisanOwner } from "~/accounts/permissions.server";
import { prisma } from "~/db.server";
import type { ProductStatus } from "~/generated/prisma/enums";

export type OwnProduct = {
  id: string;
  slug: string;
  status: ProductStatus;
  titleId: string;
  titleEn: string | null;
};

/**
 * The artisan's own product with this slug. Someone else's product, or one that does not exist,
 * is the same 404: an artisan cannot even learn that another's draft exists.
 */
export async function ownProduct(
  owner: ArtisanOwner,
  slug: string | undefined,
): Promise<OwnProduct> {
  const product = slug
    ? await prisma.product.findFirst({
        where: { slug, artisanId: owner.artisanId },
        select: { id: true, slug: true, status: true, titleId: true, titleEn: true },
      })
    : null;
  if (!product) throw notFound();
  return product;
}
