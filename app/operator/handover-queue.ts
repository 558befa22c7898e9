import { createStore, get, update, type UseStore } from "idb-keyval";

/**
 * The phone's queue of handovers recorded without signal (browser only). A handover form
 * submitted while offline is kept in IndexedDB with its client id and sent to
 * /operator/handover-queue as soon as the phone is online again (the `online` event, or the next
 * operator page that opens). The server applies each client id once, so sending one twice — two
 * tabs, a retry after a lost answer — records the handover once and answers "already applied".
 */
export type QueuedHandover = {
  clientId: string;
  number: string;
  /** "KS-… · Sari", what the operator reads in the list. */
  label: string;
  fields: Record<string, string>;
  queuedAt: number;
};

export type SentHandover = {
  clientId: string;
  number: string;
  ok: boolean;
  message: string;
};

/** Fired on `window` whenever the queue changes, so every part of the page shows it. */
export const QUEUE_CHANGED = "operator-handover-queue";

export const QUEUE_ENDPOINT = "/operator/handover-queue";

let store: UseStore | null = null;

function queueStore(): UseStore {
  store ??= createStore("karya-sungging-operator", "handovers");
  return store;
}

/** One queue per operator: a phone shared by two operators never sends one's parcels as the other's. */
function key(operatorId: string): string {
  return `queue:${operatorId}`;
}

export async function queuedHandovers(operatorId: string): Promise<QueuedHandover[]> {
  return (await get<QueuedHandover[]>(key(operatorId), queueStore())) ?? [];
}

export async function queueHandover(operatorId: string, entry: QueuedHandover): Promise<void> {
  await update<QueuedHandover[]>(
    key(operatorId),
    (queue = []) => [...queue.filter((item) => item.clientId !== entry.clientId), entry],
    queueStore(),
  );
  window.dispatchEvent(new Event(QUEUE_CHANGED));
}

async function dequeue(operatorId: string, clientId: string): Promise<void> {
  await update<QueuedHandover[]>(
    key(operatorId),
    (queue = []) => queue.filter((item) => item.clientId !== clientId),
    queueStore(),
  );
  window.dispatchEvent(new Event(QUEUE_CHANGED));
}

type ServerAnswer = { ok: boolean; message: string };

function isAnswer(value: unknown): value is ServerAnswer {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ServerAnswer).ok === "boolean" &&
    typeof (value as ServerAnswer).message === "string"
  );
}

export type FlushOutcome = {
  sent: SentHandover[];
  /** Why sending stopped before the queue was empty: no signal, or the session is over. */
  stopped: "offline" | "signed-out" | "server" | null;
};

let flushing: Promise<FlushOutcome> | null = null;

/**
 * Sends every queued handover, oldest first. A handover the server answered (applied, applied
 * before, or refused with a reason) leaves the queue; one that got no answer stays for next time.
 */
export function flushHandovers(operatorId: string): Promise<FlushOutcome> {
  flushing ??= sendAll(operatorId).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendAll(operatorId: string): Promise<FlushOutcome> {
  const sent: SentHandover[] = [];
  for (const entry of await queuedHandovers(operatorId)) {
    if (!navigator.onLine) return { sent, stopped: "offline" };
    let response: Response;
    try {
      response = await fetch(QUEUE_ENDPOINT, {
        method: "POST",
        body: new URLSearchParams(entry.fields),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
    } catch {
      return { sent, stopped: "offline" };
    }
    // Sent to the sign-in page: the session ended. The handover waits for the operator to sign in.
    const type = response.headers.get("Content-Type") ?? "";
    if (response.redirected || !type.includes("json")) return { sent, stopped: "signed-out" };
    if (response.status >= 500) return { sent, stopped: "server" };
    const answer: unknown = await response.json().catch(() => null);
    if (!isAnswer(answer)) return { sent, stopped: "server" };
    await dequeue(operatorId, entry.clientId);
    sent.push({ clientId: entry.clientId, number: entry.number, ...answer });
  }
  return { sent, stopped: null };
}

/** Pages of the console kept for reading without signal; emptied when another operator signs in. */
export const PAGE_CACHE = "operator-pages-v1";
