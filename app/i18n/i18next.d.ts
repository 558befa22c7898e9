import "i18next";
import type { resources } from "./resources.server";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: (typeof resources)["id"];
  }
}
