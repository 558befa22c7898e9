import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useHydrated } from "remix-utils/use-hydrated";
import { inputClass } from "~/components/ui/field";

/** An invitation just made, as the action answers once: the link is never shown again. */
export type SentInvitation = {
  name: string;
  url: string;
  /** When the link stops working, already in words (WIB). */
  expires: string;
  /** The invitation message in the invitee's language, to pass on by hand. */
  message: string;
  phone: string | null;
};

/** wa.me takes the number without its plus; without a number WhatsApp asks whom to send to. */
function whatsappShareUrl(invitation: SentInvitation): string {
  const text = encodeURIComponent(invitation.message);
  const number = invitation.phone?.replace(/\D/g, "");
  return number ? `https://wa.me/${number}?text=${text}` : `https://wa.me/?text=${text}`;
}

/**
 * The invitation link in a read-only field that selects itself when touched, with a copy button
 * (once JavaScript runs) and a WhatsApp share link, for the admin to pass it on themselves.
 */
export function InvitationLink({ invitation }: { invitation: SentInvitation }) {
  const { t } = useTranslation("admin");
  const hydrated = useHydrated();
  const id = useId();
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const fieldId = `${id}-link`;
  const hintId = `${id}-hint`;

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(invitation.url);
      setCopy("copied");
    } catch {
      setCopy("failed");
    }
  }

  return (
    <div
      role="status"
      className="rounded-lg border-l-4 border-emerald-700 bg-emerald-50 p-4 text-emerald-950"
    >
      <p className="font-medium">{t("invitation.sent", { name: invitation.name })}</p>
      <label htmlFor={fieldId} className="mt-3 block font-medium">
        {t("invitation.linkLabel")}
      </label>
      <input
        id={fieldId}
        type="text"
        readOnly
        value={invitation.url}
        aria-describedby={hintId}
        onFocus={(event) => event.currentTarget.select()}
        className={`${inputClass} mt-1 font-mono text-sm`}
      />
      <p id={hintId} className="mt-1 text-sm">
        {t("invitation.linkHint", { expires: invitation.expires })}
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {hydrated ? (
          <button
            type="button"
            onClick={copyLink}
            className="min-h-11 rounded-full bg-ink px-5 font-medium text-paper hover:bg-copper-700"
          >
            {t("invitation.copy")}
          </button>
        ) : null}
        <a
          href={whatsappShareUrl(invitation)}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex min-h-11 items-center rounded-full border border-ink bg-white px-5 font-medium hover:border-copper-700 hover:text-copper-700"
        >
          {t("invitation.shareWhatsApp")}
        </a>
        <span aria-live="polite" className="text-sm font-medium">
          {copy === "copied"
            ? t("invitation.copied")
            : copy === "failed"
              ? t("invitation.copyFailed")
              : null}
        </span>
      </div>
    </div>
  );
}
