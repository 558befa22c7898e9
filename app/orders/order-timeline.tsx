import { useTranslation } from "react-i18next";
import type { TimelineStep } from "./timeline";

const markerClass = {
  done: "border-copper-600 bg-copper-600 text-white",
  current: "border-copper-700 bg-white text-copper-700 ring-4 ring-copper-100",
  upcoming: "border-line bg-white text-muted",
} as const;

/**
 * An order's progress as an ordered list: each step says in words whether it is done, where the
 * order is now, or still ahead (the marker's colour only repeats it), with the time it happened.
 */
export function OrderTimeline({ steps }: { steps: TimelineStep[] }) {
  const { t } = useTranslation("orders");
  return (
    <ol className="space-y-0">
      {steps.map((step, index) => {
        const last = index === steps.length - 1;
        return (
          <li
            key={`${step.status}-${index}`}
            aria-current={step.state === "current" ? "step" : undefined}
            className="relative flex gap-3 pb-5 last:pb-0"
          >
            {last ? null : (
              <span
                aria-hidden
                className={`absolute top-7 bottom-0 left-[0.8125rem] w-0.5 ${step.state === "done" ? "bg-copper-600" : "bg-line"}`}
              />
            )}
            <span
              aria-hidden
              className={`relative z-10 flex size-7 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold ${step.exit && step.state === "current" ? "border-ink bg-ink text-paper" : markerClass[step.state]}`}
            >
              {step.state === "done" ? "✓" : step.state === "current" ? "●" : ""}
            </span>
            <div className="min-w-0 pt-0.5">
              <p className={step.state === "upcoming" ? "text-muted" : "font-medium"}>
                {t(`timeline.step.${step.status}`)}
                <span className="sr-only"> ({t(`timeline.state.${step.state}`)})</span>
              </p>
              {step.at ? (
                <p className="text-sm text-muted">
                  <time dateTime={step.at.iso}>{step.at.text}</time>
                </p>
              ) : null}
              {step.notes.length > 0 ? (
                <ul className="mt-1 space-y-1">
                  {step.notes.map((note) => (
                    <li
                      key={`${note.kind}-${note.at.iso}`}
                      className="rounded-md bg-copper-50 px-2 py-1 text-sm text-copper-700"
                    >
                      {t("timeline.paymentFailed")} ·{" "}
                      <time dateTime={note.at.iso}>{note.at.text}</time>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
