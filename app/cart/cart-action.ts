/** The answer of POST /cart, read by the cart page and by the add-to-cart form on product pages. */
export type CartActionData =
  | {
      ok: true;
      /** Only for `intent=add`: the product's title and the pieces just added. */
      added?: { title: string; quantity: number };
      /** Pieces in the cart now. */
      count: number;
    }
  | {
      ok: false;
      /** A sentence in the visitor's language. */
      error: string;
      field: "quantity" | "variantId";
      intent: CartIntent | null;
      /** The line the refused change was for, so the cart page shows the error next to it. */
      variantId: string | null;
      /** The quantity as typed, so a form without JavaScript can show it again. */
      quantity: string | null;
    };

export type CartIntent = "add" | "update" | "remove";
