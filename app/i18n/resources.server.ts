import { createHash } from "node:crypto";
import account from "~/account/messages";
import auth from "~/accounts/messages";
import admin from "~/admin/messages";
import artisans from "~/artisans/messages";
import cart from "~/cart/messages";
import catalog from "~/catalog/messages";
import checkout from "~/checkout/messages";
import operator from "~/operator/messages";
import orders from "~/orders/messages";
import pickup from "~/pickup/messages";
import studio from "~/studio/messages";
import listings from "~/studio/listing-messages";
import photos from "~/studio/photo-messages";
import packing from "~/studio/packing-messages";
import statements from "~/studio/statement-messages";
import notifications from "~/notifications/messages";
import dispatch from "~/dispatch/messages";
import type { namespaces } from "./config";
import en from "./locales/en";
import id from "./locales/id";

/** Every text in both languages, by namespace (see config.ts). */
export const resources = {
  id: {
    common: id,
    catalog: catalog.id,
    pickup: pickup.id,
    cart: cart.id,
    artisans: artisans.id,
    auth: auth.id,
    account: account.id,
    admin: admin.id,
    studio: studio.id,
    operator: operator.id,
    checkout: checkout.id,
    orders: orders.id,
    listings: listings.id,
    photos: photos.id,
    packing: packing.id,
    statements: statements.id,
    notifications: notifications.id,
    dispatch: dispatch.id,
  },
  en: {
    common: en,
    catalog: catalog.en,
    pickup: pickup.en,
    cart: cart.en,
    artisans: artisans.en,
    auth: auth.en,
    account: account.en,
    admin: admin.en,
    studio: studio.en,
    operator: operator.en,
    checkout: checkout.en,
    orders: orders.en,
    listings: listings.en,
    photos: photos.en,
    packing: packing.en,
    statements: statements.en,
    notifications: notifications.en,
    dispatch: dispatch.en,
  },
} satisfies Record<string, Record<(typeof namespaces)[number], unknown>>;

/** Changes with any text, so a browser may keep a language's texts as long as it likes. */
export const translationsVersion = createHash("sha256")
  .update(JSON.stringify(resources))
  .digest("base64url")
  .slice(0, 12);
