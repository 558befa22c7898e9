import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/generated/prisma/enums";
import type { Locale } from "~/i18n/config";

type Props = {
  locale: Locale;
  cartCount: number;
  /** The signed-in person's way to their own pages, or null for a visitor. */
  account: { role: Role; home: string } | null;
};

export function SiteHeader({ locale, cartCount, account }: Props) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const navClass = ({ isActive }: { isActive: boolean }) =>
    `inline-flex min-h-11 items-center px-2 ${isActive ? "text-copper-700 underline underline-offset-4" : "hover:text-copper-700"}`;
  return (
    <header className="border-b border-line bg-paper/95 print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="mr-auto flex items-center gap-2">
          {/* The monogram is drawn by CSS, so the link's visible text is its name. */}
          <span
            aria-hidden
            className="grid h-9 w-9 place-items-center rounded-full bg-copper-500 font-serif text-lg text-paper before:content-['K']"
          />
          <span className="font-serif text-xl leading-none">Karya Sungging</span>
          <span className="sr-only">, {t("nav.home")}</span>
        </Link>
        <Form method="post" action="/language" className="order-2 sm:order-3">
          <input type="hidden" name="locale" value={locale === "id" ? "en" : "id"} />
          <input type="hidden" name="redirectTo" value={here} />
          <button
            type="submit"
            lang={locale === "id" ? "en" : "id"}
            aria-label={t("nav.switchToLabel")}
            className="min-h-11 rounded-full border border-line px-3 text-sm hover:border-copper-500"
          >
            {locale === "id" ? "EN" : "ID"}
          </button>
        </Form>
        <Link
          to="/cart"
          className="order-3 inline-flex min-h-11 items-center gap-2 rounded-full bg-ink px-3 text-sm text-paper hover:bg-copper-700 sm:order-4 sm:px-4"
          aria-label={t("nav.cartCount", { count: cartCount })}
        >
          <svg
            aria-hidden
            viewBox="0 0 24 24"
            className="h-5 w-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
          >
            <path d="M6 7h12l-1 13H7L6 7Z" strokeLinejoin="round" />
            <path d="M9 7a3 3 0 0 1 6 0" />
          </svg>
          <span aria-hidden className="hidden sm:inline">
            {t("nav.cart")}
          </span>
          <span aria-hidden className="rounded-full bg-paper px-2 text-xs font-semibold text-ink">
            {cartCount}
          </span>
        </Link>
        <Form
          method="get"
          action="/products"
          role="search"
          className="order-4 flex w-full gap-2 sm:order-2 sm:w-auto sm:flex-1"
        >
          <label htmlFor="site-search" className="sr-only">
            {t("nav.searchLabel")}
          </label>
          <input
            id="site-search"
            type="search"
            name="q"
            maxLength={200}
            placeholder={t("nav.searchPlaceholder")}
            className="min-h-11 w-full rounded-full border border-line bg-white px-4 text-base placeholder:text-muted"
          />
          <button
            type="submit"
            className="min-h-11 rounded-full border border-ink px-4 text-sm hover:bg-ink hover:text-paper"
          >
            {t("nav.search")}
          </button>
        </Form>
      </div>
      <nav aria-label={t("nav.menu")} className="mx-auto max-w-6xl px-2 pb-1 text-sm">
        <ul className="flex gap-2 overflow-x-auto">
          <li>
            <NavLink to="/products" className={navClass}>
              {t("nav.products")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/artisans" className={navClass}>
              {t("nav.artisans")}
            </NavLink>
          </li>
          <li>
            <NavLink to="/pickup-points" className={navClass}>
              {t("nav.pickupPoints")}
            </NavLink>
          </li>
          <li className="ml-auto">
            {account ? (
              <NavLink to={account.home} className={navClass}>
                {t(`nav.workspace.${account.role}`)}
              </NavLink>
            ) : (
              <NavLink to="/sign-in" className={navClass}>
                {t("nav.signIn")}
              </NavLink>
            )}
          </li>
        </ul>
      </nav>
    </header>
  );
}
