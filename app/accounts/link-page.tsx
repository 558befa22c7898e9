import type { HeadersFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * What the pages behind one-time links sent to people (confirm a contact, undo a contact change)
 * share: the address holds the token, and opening it only shows a button, since link scanners
 * open links on their own.
 */

// The address holds the token: never cached, never sent on as a referrer.
export const linkPageHeaders: HeadersFunction = () => ({
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
});

/**
 * After the form is sent, the page keeps the answer's screen: on a link page the link is used up,
 * so asking the loader again would only say so.
 */
export const keepAnswerAfterPost: ShouldRevalidateFunction = ({
  formMethod,
  defaultShouldRevalidate,
}) => (formMethod === "POST" ? false : defaultShouldRevalidate);

export const linkButtonClass =
  "inline-flex min-h-11 items-center rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700";

export function LinkPageFrame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-md px-4 py-8 sm:py-12">
      <h1 className="font-serif text-3xl">{title}</h1>
      <div className="mt-4 space-y-4">{children}</div>
    </div>
  );
}
