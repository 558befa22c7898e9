import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/**
 * "Scan QR" with the phone's back camera (an enhancement: without JavaScript the operator types
 * the code). The scanner library is loaded only when the camera is opened, so no other page,
 * and no operator who types codes, downloads it. A decoded text is handed to `onScan`.
 */
export function QrScanButton({ onScan }: { onScan: (text: string) => void }) {
  const { t } = useTranslation("operator");
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const scanned = useRef(onScan);
  scanned.current = onScan;

  useEffect(() => setHydrated(true), []);

  useEffect(() => {
    const element = video.current;
    if (!open || !element) return;
    let cancelled = false;
    let stop: (() => void) | null = null;
    void (async () => {
      try {
        const { default: QrScanner } = await import("qr-scanner");
        if (cancelled) return;
        const scanner = new QrScanner(
          element,
          (result) => {
            scanner.stop();
            setOpen(false);
            scanned.current(result.data);
          },
          { preferredCamera: "environment", maxScansPerSecond: 8, returnDetailedScanResult: true },
        );
        stop = () => scanner.destroy();
        await scanner.start();
      } catch {
        if (cancelled) return;
        setProblem(t("scan.noCamera"));
        setOpen(false);
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [open, t]);

  if (!hydrated) return null;
  return (
    <div className="mt-3">
      {open ? (
        <div className="rounded-2xl bg-ink p-3 text-paper">
          <p className="mb-2 font-semibold" role="status">
            {t("scan.pointCamera")}
          </p>
          <video
            ref={video}
            className="aspect-square w-full rounded-xl object-cover"
            muted
            playsInline
            aria-label={t("scan.cameraLabel")}
          />
          <button
            type="button"
            onClick={() => setOpen(false)}
            className="mt-3 min-h-12 w-full rounded-full border-2 border-paper px-5 font-semibold"
          >
            {t("scan.close")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setProblem(null);
            setOpen(true);
          }}
          className="min-h-14 w-full rounded-full border-2 border-ink bg-white px-5 text-lg font-semibold hover:border-copper-700 hover:text-copper-700"
        >
          <span aria-hidden>▣ </span>
          {t("scan.open")}
        </button>
      )}
      {problem ? (
        <p role="alert" className="mt-2 font-medium text-red-800">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
