/**
 * Keeps the answer of a slow-changing read (the cooperative's identity, the catalogue's filter
 * choices) in this process for a short while, so that every page view need not ask the database.
 * Each app process keeps its own copy; it is never the only copy of anything. A failed read, or
 * one that found nothing, is not kept.
 */
export function keptFor<T>(ms: number, load: () => Promise<T>): () => Promise<T> {
  let kept: { until: number; value: Promise<T> } | undefined;
  return () => {
    const now = Date.now();
    if (!kept || kept.until <= now) {
      const value = load();
      const entry = { until: now + ms, value };
      kept = entry;
      const forget = () => {
        if (kept === entry) kept = undefined;
      };
      value.then((found) => {
        if (found === null || (Array.isArray(found) && found.length === 0)) forget();
      }, forget);
    }
    return kept.value;
  };
}
