import { useId } from "react";
import { formatRupiah } from "~/lib/money";

/**
 * A bar chart of monthly sales, drawn on the server as SVG: no JavaScript, no library. It is one
 * image to a screen reader (`role="img"`), named by `title` and described by `summary`, which
 * the page also shows as text; the figures themselves are in the page's table.
 */

export type SalesBar = {
  /** "YYYY-MM". */
  key: string;
  /** Under the bar: "Nov". */
  label: string;
  valueRupiah: number;
};

const WIDTH = 600;
const HEIGHT = 230;
const TOP = 34;
const BOTTOM = 30;
const PLOT = HEIGHT - TOP - BOTTOM;

export function SalesChart({
  bars,
  title,
  summary,
}: {
  /** Oldest first. */
  bars: readonly SalesBar[];
  title: string;
  summary: string;
}) {
  const titleId = useId();
  const max = Math.max(0, ...bars.map((bar) => bar.valueRupiah));
  const slot = WIDTH / Math.max(1, bars.length);
  const barWidth = Math.min(34, slot * 0.62);
  const height = (value: number) => (max === 0 ? 0 : Math.round((value / max) * PLOT));
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="block h-auto w-full"
    >
      <title id={titleId}>{`${title}. ${summary}`}</title>
      {max > 0 ? (
        <g aria-hidden="true">
          <line
            x1={0}
            x2={WIDTH}
            y1={TOP}
            y2={TOP}
            className="stroke-line"
            strokeDasharray="4 4"
            strokeWidth={1}
          />
          <text x={2} y={TOP - 8} className="fill-muted" fontSize={18}>
            {formatRupiah(max)}
          </text>
        </g>
      ) : null}
      <g aria-hidden="true">
        {bars.map((bar, index) => {
          const h = height(bar.valueRupiah);
          const x = index * slot + (slot - barWidth) / 2;
          return (
            <g key={bar.key}>
              {h > 0 ? (
                <rect
                  x={x}
                  y={TOP + PLOT - h}
                  width={barWidth}
                  height={h}
                  rx={3}
                  className="fill-copper-600"
                />
              ) : null}
              <text
                x={index * slot + slot / 2}
                y={HEIGHT - 8}
                textAnchor="middle"
                fontSize={18}
                className="fill-ink"
              >
                {bar.label}
              </text>
            </g>
          );
        })}
        <line
          x1={0}
          x2={WIDTH}
          y1={TOP + PLOT + 0.5}
          y2={TOP + PLOT + 0.5}
          className="stroke-ink"
          strokeWidth={1}
        />
      </g>
    </svg>
  );
}
