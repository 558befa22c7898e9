// Artisan portraits for the demo: the seed has no photographs of (invented) people, so each
// artisan gets a warm monogram tile instead of a face.

function hash(text: string): number {
  let h = 2166136261;
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 16777619);
  return h >>> 0;
}

const palettes = [
  ["#7c4120", "#f5dccb"],
  ["#3f4d5a", "#e6ebef"],
  ["#5b4636", "#efe3d3"],
  ["#2f4f4f", "#dfe9e4"],
] as const;

export function portraitSvg({ name, seed }: { name: string; seed: string }): string {
  const h = hash(seed);
  const [dark, light] = palettes[h % palettes.length] ?? palettes[0];
  const initials = name
    .replace(/^(Bu|Pak|Ibu|Bapak)\s+/i, "")
    .split(/\s+/)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
  const petals = Array.from({ length: 12 }, (_, i) => {
    const angle = (i * 30 + (h % 30)) * (Math.PI / 180);
    const x = 400 + Math.cos(angle) * 300;
    const y = 400 + Math.sin(angle) * 300;
    return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="26" fill="${dark}" opacity="0.18"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800">
  <rect width="800" height="800" fill="${light}"/>
  ${petals}
  <circle cx="400" cy="400" r="220" fill="${dark}"/>
  <circle cx="400" cy="400" r="200" fill="none" stroke="${light}" stroke-width="4" stroke-dasharray="6 10" opacity="0.6"/>
  <text x="400" y="400" dy="0.35em" text-anchor="middle" font-family="DejaVu Serif, Georgia, serif" font-size="170" fill="${light}">${initials}</text>
</svg>`;
}
