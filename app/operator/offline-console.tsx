import { Link, useRevalidator, type LinkProps } from "@remix-run/react";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  flushHandovers,
  PAGE_CACHE,
  QUEUE_CHANGED,
  queuedHandovers,
  type QueuedHandover,
  type SentHandover,
} from "./handover-queue";

/** Whether the phone has a connection; true while rendering on the server and before hydration. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    const read = () => setOnline(navigator.onLine);
    read();
    window.addEventListener("online", read);
    window.addEventListener("offline", read);
    return () => {
      window.removeEventListener("online", read);
      window.removeEventListener("offline", read);
    };
  }, []);
  return online;
}

/**
 * A link between console pages. Without signal it loads the whole page, which the service worker
 * has kept, instead of asking the server for the page's data.
 */
export function ConsoleLink(props: LinkProps) {
  const online = useOnline();
  return <Link {...props} reloadDocument={!online || props.reloadDocument} />;
}

/** Order numbers whose handover waits in this phone's queue. */
export function useQueuedNumbers(operatorId: string | undefined): ReadonlySet<string> {
  const [numbers, setNumbers] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!operatorId) return;
    const read = async () =>
      setNumbers(new Set((await queuedHandovers(operatorId)).map((entry) => entry.number)));
    const onChanged = () => void read();
    void read();
    window.addEventListener(QUEUE_CHANGED, onChanged);
    return () => window.removeEventListener(QUEUE_CHANGED, onChanged);
  }, [operatorId]);
  return numbers;
}

const LAST_OPERATOR = "karya-sungging-operator";

/**
 * Keeps the console usable on a patchy connection (an enhancement: without JavaScript every page
 * works online as usual). It registers the console's service worker, which keeps the pages last
 * seen readable offline; shows handovers waiting for signal; and sends them when the phone is
 * online again, showing what the server answered for each.
 */
export function OfflineConsole({ operatorId }: { operatorId: string }) {
  const { t } = useTranslation("operator");
  const online = useOnline();
  const revalidator = useRevalidator();
  const [queue, setQueue] = useState<QueuedHandover[]>([]);
  const [sent, setSent] = useState<SentHandover[]>([]);
  const [signedOut, setSignedOut] = useState(false);

  const reload = useCallback(async () => {
    setQueue(await queuedHandovers(operatorId));
  }, [operatorId]);

  const flush = useCallback(async () => {
    const outcome = await flushHandovers(operatorId);
    setSignedOut(outcome.stopped === "signed-out");
    if (outcome.sent.length > 0) {
      // Callers that flushed at the same moment (the signal coming back while the page loads)
      // share one flush and its outcome: each result is shown once.
      setSent((before) => {
        const shown = new Set(before.map((entry) => entry.clientId));
        const fresh = outcome.sent.filter((entry) => !shown.has(entry.clientId));
        return [...fresh, ...before].slice(0, 10);
      });
      // The lists (waiting parcels, counts) have changed on the server.
      revalidator.revalidate();
    }
    await reload();
    // `revalidator` changes identity on every navigation; the flush itself does not depend on it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [operatorId, reload]);

  useEffect(() => {
    // Pages kept by the service worker belong to the operator who saw them.
    void (async () => {
      if (localStorage.getItem(LAST_OPERATOR) !== operatorId) {
        if ("caches" in window) await caches.delete(PAGE_CACHE);
        localStorage.setItem(LAST_OPERATOR, operatorId);
      }
      if ("serviceWorker" in navigator) {
        await navigator.serviceWorker
          .register("/operator-sw.js", { scope: "/operator" })
          .catch(() => undefined);
      }
    })();
    const onChanged = () => void reload();
    const onOnline = () => void flush();
    window.addEventListener(QUEUE_CHANGED, onChanged);
    window.addEventListener("online", onOnline);
    void reload().then(() => (navigator.onLine ? flush() : undefined));
    return () => {
      window.removeEventListener(QUEUE_CHANGED, onChanged);
      window.removeEventListener("online", onOnline);
    };
  }, [operatorId, reload, flush]);

  if (online && queue.length === 0 && sent.length === 0 && !signedOut) return null;
  return (
    <section aria-labelledby="offline-console" className="mx-auto mt-3 max-w-3xl space-y-3 px-4">
      <h2 id="offline-console" className="sr-only">
        {t("offline.title")}
      </h2>
      {online ? null : (
        <p role="status" className="rounded-xl border-2 border-ink bg-silver-100 p-3 font-semibold">
          {t("offline.noSignal")}
        </p>
      )}
      {signedOut ? (
        <p role="alert" className="rounded-xl border-2 border-red-700 bg-red-50 p-3 text-red-800">
          {t("offline.signInAgain")}
        </p>
      ) : null}
      {queue.length > 0 ? (
        <div className="rounded-xl border-2 border-copper-600 bg-copper-50 p-3">
          <p role="status" className="font-semibold">
            {t("offline.waiting", { count: queue.length })}
          </p>
          <ul className="mt-2 space-y-1">
            {queue.map((entry) => (
              <li key={entry.clientId} className="flex items-center gap-2">
                <span aria-hidden>⏳</span>
                {entry.label}
              </li>
            ))}
          </ul>
          {online ? (
            <button
              type="button"
              onClick={() => void flush()}
              className="mt-3 min-h-12 w-full rounded-full bg-ink px-5 font-semibold text-paper"
            >
              {t("offline.sendNow")}
            </button>
          ) : null}
        </div>
      ) : null}
      {sent.length > 0 ? (
        <div className="rounded-xl border border-line bg-white p-3">
          <h3 className="font-semibold">{t("offline.sentTitle")}</h3>
          <ul role="status" className="mt-2 space-y-2">
            {sent.map((entry) => (
              <li
                key={entry.clientId}
                className={`rounded-lg border-l-4 p-2 ${entry.ok ? "border-emerald-700 bg-emerald-50" : "border-red-700 bg-red-50"}`}
              >
                <span className="font-semibold">
                  {entry.ok ? t("offline.sentOk") : t("offline.sentRefused")}
                </span>{" "}
                {entry.message}
              </li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => setSent([])}
            className="mt-3 min-h-12 rounded-full border border-ink px-5 font-medium"
          >
            {t("offline.dismiss")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
