import { prisma } from "~/db.server";
import { readVisitorKey } from "./cart-cookie.server";

/** Number of pieces in the visitor's cart, for the header. */
export async function cartItemCount(request: Request): Promise<number> {
  const visitorKey = await readVisitorKey(request);
  if (!visitorKey) return 0;
  const result = await prisma.cartItem.aggregate({
    where: { cart: { visitorKey } },
    _sum: { quantity: true },
  });
  return result._sum.quantity ?? 0;
}
