import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

// The framework's floor for `npm run bench`: a tiny fixed page through the same server, root
// layout and rendering as every page. It exists only while the benchmark runs (BENCH_FLOOR=1).
export function loader() {
  if (process.env.BENCH_FLOOR !== "1") throw new Response(null, { status: 404 });
  return { text: "ok" };
}

export const meta: MetaFunction = () => [
  { title: "Benchmark floor" },
  { name: "robots", content: "noindex" },
];

export default function BenchFloor() {
  const { text } = useLoaderData<typeof loader>();
  return <p className="p-4">{text}</p>;
}
