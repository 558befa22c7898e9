// Generated "studio photos" for the demo catalogue: every product gets SVG art
// that sharp rasterises, so seeding needs no network and ships no image files.
// Only plain SVG 1.1 that librsvg renders: gradients, paths, basic shapes,
// transforms, opacity, a pattern and Gaussian-blur filters. No text or CSS.

import type { ArtKind, SeedMetal } from "./types";

type Pt = [number, number];
type Attrs = Record<string, string | number>;
type Rng = () => number;

/**
 * One object drawn in local units. Standing objects have their origin at the
 * floor contact point (and grow upward); flat and wall objects at their centre.
 */
type Art = {
  svg: string;
  stance: "stand" | "flat" | "wall";
  halfWidth: number;
  height: number;
  /** Half width of the footprint, for the floor shadow. */
  base: number;
  /** Point the close-up photo centres on; defaults to the upper part of the object. */
  focus?: Pt;
  /** Flat and wall objects: their silhouette as unpainted shapes, for the soft cast shadow. */
  silhouette?: string;
};

type Palette = { deep: string; edge: string; mid: string; light: string; hi: string };

const METALS: Record<SeedMetal, Palette> = {
  SILVER: { deep: "#3b4048", edge: "#78808a", mid: "#b3bac3", light: "#dfe3e8", hi: "#ffffff" },
  COPPER: { deep: "#4a1d0a", edge: "#8c3f1c", mid: "#c26a3b", light: "#e99d72", hi: "#ffd9c9" },
  // Aluminium is matte: a narrow value range and no pure-white highlight.
  ALUMINIUM: { deep: "#56606a", edge: "#808b96", mid: "#a3adb7", light: "#c0c8d0", hi: "#dde3e8" },
};

type Backdrop = { top: string; bottom: string };
const BACKDROPS: Backdrop[] = [
  { top: "#f1e9dc", bottom: "#d8c9b3" }, // warm linen
  { top: "#e3e8dc", bottom: "#b5bfab" }, // muted sage
  { top: "#d5dae0", bottom: "#8f99a4" }, // slate
];

// ---------------------------------------------------------------- primitives

const fmt = (v: number): string => String(Math.round(v * 100) / 100);
const P = (x: number, y: number): string => `${fmt(x)},${fmt(y)}`;

function el(tag: string, attrs: Attrs, inner = ""): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => `${k}="${typeof v === "number" ? fmt(v) : v}"`)
    .join(" ");
  return inner ? `<${tag} ${a}>${inner}</${tag}>` : `<${tag} ${a}/>`;
}

const path = (d: string, fill: string, extra: Attrs = {}): string =>
  el("path", { d, fill, ...extra });
const ellipse = (
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  fill: string,
  extra: Attrs = {},
): string => el("ellipse", { cx, cy, rx, ry, fill, ...extra });
const group = (transform: string, inner: string, extra: Attrs = {}): string =>
  el("g", { transform, ...extra }, inner);

/** FNV-1a, so a product slug always picks the same backdrop and details. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: tiny deterministic generator seeded from the hash. */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------ geometry

const ellipseD = (cx: number, cy: number, rx: number, ry: number): string =>
  `M${P(cx - rx, cy)}A${fmt(rx)} ${fmt(ry)} 0 1 0 ${P(cx + rx, cy)}A${fmt(rx)} ${fmt(ry)} 0 1 0 ${P(cx - rx, cy)}Z`;

/** Front half of a horizontal circle of radius r at height y, seen with tilt k. */
const bandD = (r: number, y: number, k: number): string =>
  `M${P(-r, y)}A${fmt(r)} ${fmt(r * k)} 0 0 0 ${P(r, y)}`;

/** Catmull-Rom through the points, as cubic segments continuing from pts[0]. */
function smooth(pts: Pt[]): string {
  let d = "";
  const at = (i: number): Pt => pts[Math.max(0, Math.min(pts.length - 1, i))] ?? [0, 0];
  for (let i = 0; i < pts.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    d += `C${P(p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)} `;
    d += `${P(p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)} ${P(p2[0], p2[1])}`;
  }
  return d;
}

/** Silhouette of a body of revolution from a [radius, y] profile listed top to bottom. */
function latheD(profile: Pt[], k: number): string {
  const [rt, yt] = profile[0] ?? [0, 0];
  const [rb, yb] = profile[profile.length - 1] ?? [0, 0];
  const left = profile.map(([r, y]): Pt => [-r, y]);
  const right = profile.map(([r, y]): Pt => [r, y]).reverse();
  return (
    `M${P(-rt, yt)}${smooth(left)}A${fmt(rb)} ${fmt(rb * k)} 0 0 0 ${P(rb, yb)}` +
    `${smooth(right)}A${fmt(rt)} ${fmt(rt * k)} 0 0 1 ${P(-rt, yt)}Z`
  );
}

/**
 * Shaded metal body: the cylinder gradient, lit from above and darkening toward the floor.
 * Where the body widens downward (a shoulder, a dome) the back of each wider level shows
 * above the outline, so those levels are drawn as ellipses behind it.
 */
function vessel(profile: Pt[], k: number, fill = "url(#cyl)"): string {
  let backs = "";
  let widest = profile[0]?.[0] ?? 0; // the top level's back is hidden by a mouth or lid anyway
  profile.forEach(([r, y], i) => {
    const [r0, y0] = profile[i - 1] ?? [r, y];
    for (let t = 0.1; t <= 1.01; t += 0.1) {
      const rt = r0 + (r - r0) * t;
      if (rt <= widest) continue;
      widest = rt;
      backs += ellipse(0, y0 + (y - y0) * t, rt, rt * k, fill);
    }
  });
  const d = latheD(profile, k);
  return backs + path(d, fill) + path(d, "url(#shade)");
}

/** Open mouth: a lit rim around a dark interior. */
const mouth = (r: number, y: number, k: number, lip: number): string =>
  ellipse(0, y, r, r * k, "url(#top)") +
  ellipse(0, y + lip * k * 0.5, r - lip, (r - lip) * k, "url(#inner)");

/** Oblique projection used for boxes: depth z recedes up and to the right. */
const proj = (x: number, y: number, z: number): Pt => [x + 0.55 * z, y - 0.35 * z];
const polyD = (pts: Pt[]): string => `M${pts.map(([x, y]) => P(x, y)).join("L")}Z`;

/** A box, or with inset > 0 a truncated pyramid: front, right side and top faces. */
function block(
  x0: number,
  x1: number,
  yb: number,
  yt: number,
  z0: number,
  z1: number,
  inset = 0,
): string {
  const i = inset;
  const front = polyD([
    proj(x0, yb, z0),
    proj(x1, yb, z0),
    proj(x1 - i, yt, z0 + i),
    proj(x0 + i, yt, z0 + i),
  ]);
  const side = polyD([
    proj(x1, yb, z0),
    proj(x1, yb, z1),
    proj(x1 - i, yt, z1 - i),
    proj(x1 - i, yt, z0 + i),
  ]);
  const top = polyD([
    proj(x0 + i, yt, z0 + i),
    proj(x1 - i, yt, z0 + i),
    proj(x1 - i, yt, z1 - i),
    proj(x0 + i, yt, z1 - i),
  ]);
  return path(side, "url(#side)") + path(top, "url(#top)") + path(front, "url(#face)");
}

/** Maps (x, z) drawings onto the top face of a box at height y. */
const onTop = (y: number, inner: string): string =>
  group(`matrix(1,0,0.55,-0.35,0,${fmt(y)})`, inner);
/** Maps (z, y) drawings onto the right side face of a box at x. */
const onSide = (x: number, inner: string): string =>
  group(`matrix(0.55,-0.35,0,1,${fmt(x)},0)`, inner);

// ------------------------------------------------------------------- motifs

/** Incised line: a dark groove with a catch-light on its lower lip. */
function engrave(d: string, w = 2.6): string {
  const line = {
    d,
    fill: "none",
    "stroke-width": w,
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
  };
  return (
    el("path", { ...line, stroke: "url(#glint)", opacity: 0.55, transform: "translate(1.2,1.6)" }) +
    el("path", { ...line, stroke: "url(#ink)", opacity: 0.7 })
  );
}

function flowerD(cx: number, cy: number, r: number, petals: number): string {
  let d = "";
  for (let i = 0; i < petals; i++) {
    const a = (i / petals) * Math.PI * 2;
    const c1 = P(cx + Math.cos(a - 0.5) * r * 0.7, cy + Math.sin(a - 0.5) * r * 0.7);
    const c2 = P(cx + Math.cos(a + 0.5) * r * 0.7, cy + Math.sin(a + 0.5) * r * 0.7);
    d += `M${P(cx, cy)}Q${c1} ${P(cx + Math.cos(a) * r, cy + Math.sin(a) * r)}Q${c2} ${P(cx, cy)}`;
  }
  return d + ellipseD(cx, cy, r * 0.16, r * 0.16);
}

/** Crescent opening to the right. */
const crescentD = (cx: number, cy: number, r: number): string =>
  `M${P(cx, cy - r)}A${fmt(r)} ${fmt(r)} 0 1 0 ${P(cx, cy + r)}A${fmt(r * 0.7)} ${fmt(r)} 0 0 1 ${P(cx, cy - r)}Z`;

/** "Pucuk rebung" bamboo-shoot triangle, the classic Palembang border motif. */
const rebungD = (cx: number, by: number, w: number, h: number): string =>
  `M${P(cx - w / 2, by)}L${P(cx, by - h)}L${P(cx + w / 2, by)}M${P(cx - w / 4, by)}L${P(cx, by - h / 2)}L${P(cx + w / 4, by)}`;

/** Teardrop with a pointed top and a round bottom. */
function dropD(cx: number, top: number, w: number, h: number): string {
  const r = w / 2;
  const c = top + h - r;
  return (
    `M${P(cx, top)}C${P(cx + r * 0.5, top + h * 0.25)} ${P(cx + r, c - r * 0.9)} ${P(cx + r, c)}` +
    `A${fmt(r)} ${fmt(r)} 0 0 1 ${P(cx - r, c)}C${P(cx - r, c - r * 0.9)} ${P(cx - r * 0.5, top + h * 0.25)} ${P(cx, top)}Z`
  );
}

/** Points spaced around an ellipse, optionally only over an angle range. */
function ringPoints(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  n: number,
  a0 = 0,
  a1 = Math.PI * 2,
): Pt[] {
  const closed = Math.abs(a1 - a0 - Math.PI * 2) < 1e-6;
  return Array.from({ length: n }, (_, i) => {
    const a = a0 + ((a1 - a0) * (closed ? i : i + 0.5)) / n;
    return [cx + Math.cos(a) * rx, cy + Math.sin(a) * ry];
  });
}

const dots = (pts: Pt[], r: number): string =>
  pts.map(([x, y]) => el("circle", { cx: x, cy: y, r, fill: "url(#ink)", opacity: 0.6 })).join("");
/** Granulation: tiny soldered metal beads, each lit like a dome. */
const beads = (pts: Pt[], r: number): string =>
  pts.map(([x, y]) => el("circle", { cx: x, cy: y, r, fill: "url(#dome)" })).join("");

/** Repeats a motif round the visible front of a round body, squeezed toward the sides by perspective. */
function around(
  r: number,
  y: number,
  k: number,
  count: number,
  motif: (i: number) => string,
): string {
  let out = "";
  for (let i = 0; i < count; i++) {
    const t = (Math.PI * (i + 0.5)) / count;
    const sx = Math.sin(t);
    if (sx < 0.25) continue;
    out += group(`translate(${P(-r * Math.cos(t), y + r * k * sx)}) scale(${fmt(sx)},1)`, motif(i));
  }
  return out;
}

/** A band of alternating bamboo shoots and small flowers, wrapped round a body. */
const ornamentBand = (r: number, y: number, k: number, count: number, size: number): string =>
  engrave(bandD(r, y - size * 0.6, k), 2) +
  engrave(bandD(r, y + size * 0.6, k), 2) +
  around(r, y, k, count, (i) =>
    engrave(i % 2 ? flowerD(0, 0, size * 0.4, 6) : rebungD(0, size * 0.5, size * 0.8, size), 2),
  );

/** Loop handle on the side of a pot (dir = -1 left, 1 right). */
const sideHandle = (x: number, y: number, dir: number, size: number): string => {
  const d = `M${P(x, y - size * 0.4)}C${P(x + dir * size, y - size * 0.6)} ${P(x + dir * size, y + size * 0.5)} ${P(x, y + size * 0.35)}`;
  return (
    path(d, "none", {
      stroke: "url(#ink)",
      "stroke-width": size * 0.24,
      opacity: 0.5,
      transform: "translate(3,4)",
    }) +
    path(d, "none", {
      stroke: "url(#cyl)",
      "stroke-width": size * 0.2,
      "stroke-linecap": "round",
    }) +
    beads(
      [
        [x, y - size * 0.4],
        [x, y + size * 0.35],
      ],
      size * 0.09,
    )
  );
};

/** Domed lid with a knob, sitting on a rim of radius r at height y; the radial gradient makes it read as a dome. */
function domeLid(r: number, y: number, k: number, rise: number): string {
  const lid: Pt[] = [
    [r, y],
    [r * 0.97, y - rise * 0.3],
    [r * 0.8, y - rise * 0.7],
    [r * 0.45, y - rise * 0.95],
    [r * 0.25, y - rise],
  ];
  const knobY = y - rise - r * 0.25 * k;
  return (
    ellipse(0, y, r * 1.03, r * 1.03 * k, "url(#side)") +
    vessel(lid, k, "url(#dome)") +
    ellipse(0, y - rise, r * 0.25, r * 0.25 * k, "url(#top)") +
    vessel(
      [
        [r * 0.09, knobY],
        [r * 0.07, knobY + r * 0.18],
      ],
      k,
    ) +
    ellipse(0, knobY - 6, r * 0.13, r * 0.1, "url(#dome)")
  );
}

// -------------------------------------------------------------------- kinds

function ring(rand: Rng): Art {
  const cy = -250,
    rx = 150,
    ry = 235,
    depth = 70;
  let band = "";
  // Paint the band from its back edge to its front edge so the strokes sweep into a solid band.
  for (let i = 8; i >= 0; i--) {
    const f = i / 8;
    band += ellipse(depth * f, cy - 10 * f, rx, ry, "none", {
      stroke: i === 0 ? "url(#cyl)" : "url(#side)",
      "stroke-width": 38,
    });
  }
  band += dots(ringPoints(0, cy, rx, ry, 56), 3.2); // milgrain along the front edge
  const sx = depth * 0.45,
    sy = cy - ry - 26;
  const gem = rand() < 0.5;
  const setting =
    ellipse(sx, sy + 14, 84, 42, "url(#side)") +
    ellipse(sx, sy, 80, 40, "url(#top)") +
    beads(ringPoints(sx, sy + 2, 76, 38, 16), 7) +
    (gem
      ? ellipse(sx, sy - 10, 58, 30, "url(#gem)") +
        ellipse(sx - 18, sy - 20, 14, 6, "#ffffff", { opacity: 0.55 })
      : ellipse(sx, sy - 10, 60, 32, "url(#dome)") +
        group(
          `translate(${P(sx, sy - 10)}) scale(1,0.55)`,
          engrave(crescentD(-6, 0, 30), 2.4) + dots([[22, 0]], 5),
        ));
  return { svg: band + setting, stance: "stand", halfWidth: 200, height: 560, base: 150 };
}

function bracelet(): Art {
  const rx = 360,
    k = 0.42,
    h = 84,
    t = 26;
  const ry = rx * k,
    cy = -(ry + h),
    rxi = rx - t,
    ryi = rxi * k;
  // Seen from above, only the back part of the inner wall shows: inner opening minus its copy lowered by h.
  const innerWall = path(ellipseD(0, cy, rxi, ryi) + ellipseD(0, cy + h, rxi, ryi), "url(#inner)", {
    "fill-rule": "evenodd",
  });
  const rim = path(ellipseD(0, cy, rx, ry) + ellipseD(0, cy, rxi, ryi), "url(#top)", {
    "fill-rule": "evenodd",
  });
  const wall = vessel(
    [
      [rx, cy],
      [rx, cy + h],
    ],
    k,
  );
  return {
    svg:
      innerWall +
      rim +
      wall +
      ornamentBand(rx, cy + h / 2, k, 15, 46) +
      beads(ringPoints(0, cy, rx - t / 2, ry - (t / 2) * k, 40), 4),
    stance: "stand",
    halfWidth: rx,
    height: ry * 2 + h,
    base: rx * 0.9,
  };
}

/** Filigree drop shared by the earrings and the necklace pendant. */
function ornamentDrop(cx: number, top: number, w: number, h: number): string {
  const outer = dropD(cx, top, w, h);
  const c = top + h - w / 2;
  return (
    path(outer, "url(#dome)", { stroke: "url(#cyl)", "stroke-width": 10 }) +
    engrave(dropD(cx, top + h * 0.12, w * 0.74, h * 0.8), 2) +
    engrave(flowerD(cx, c, w * 0.24, 8), 2) +
    engrave(crescentD(cx - w * 0.06, top + h * 0.38, w * 0.1), 2) +
    beads(ringPoints(cx, c, w * 0.43, w * 0.43, 11, 0.15, Math.PI - 0.15), 4.5) +
    [-1, 0, 1].map((i) => beads([[cx + i * w * 0.22, top + h + 14 - Math.abs(i) * 10]], 9)).join("")
  );
}

function earrings(rand: Rng): Art {
  const tilts = [-4 - rand() * 6, 3 + rand() * 6];
  const hook = `M${P(-2, -330)}C${P(-2, -420)} ${P(78, -430)} ${P(80, -360)}L${P(80, -300)}`;
  // Drawn hanging from y = -430; shifted so the pair is centred on the origin.
  const pair = (inner: string): string =>
    group(
      "translate(0,200)",
      tilts
        .map((t, i) => group(`translate(${i ? 170 : -170},0) rotate(${fmt(t)},0,-330)`, inner))
        .join(""),
    );
  return {
    svg: pair(
      path(hook, "none", { stroke: "url(#cyl)", "stroke-width": 8, "stroke-linecap": "round" }) +
        beads([[0, -318]], 18) +
        ellipse(0, -290, 9, 14, "none", { stroke: "url(#cyl)", "stroke-width": 5 }) +
        ornamentDrop(0, -276, 200, 290),
    ),
    silhouette: pair(el("path", { d: dropD(0, -300, 200, 330) })),
    stance: "flat",
    halfWidth: 300,
    height: 480,
    base: 0,
    focus: [170, 60],
  };
}

function necklace(): Art {
  const rx = 340,
    ry = 220,
    cy = -190,
    links: string[] = [];
  const at = (u: number): Pt => [
    rx * Math.sin(u),
    cy - ry * Math.cos(u) + 50 * Math.max(0, -Math.cos(u)) ** 4,
  ];
  const n = 56;
  for (let i = 0; i < n; i++) {
    const u = (i / n) * Math.PI * 2;
    if (Math.abs(u - Math.PI) < 0.06) continue; // the pendant's bail sits here
    const [x, y] = at(u);
    const [x2, y2] = at(u + 0.01);
    const angle = (Math.atan2(y2 - y, x2 - x) * 180) / Math.PI;
    const flatLink = i % 2 === 0;
    links.push(
      group(
        `translate(${P(x, y)}) rotate(${fmt(angle)})`,
        flatLink
          ? ellipse(0, 0, 22, 12, "none", { stroke: "url(#cyl)", "stroke-width": 6.5 })
          : ellipse(0, 0, 21, 5, "url(#cyl)"),
      ),
    );
  }
  const bailY = cy + ry + 50;
  const pendant =
    ellipse(0, bailY + 8, 12, 22, "none", { stroke: "url(#cyl)", "stroke-width": 7 }) +
    ornamentDrop(0, bailY + 30, 190, 280);
  // The chain's silhouette: a narrow band along the loop (outer edge, then inner edge reversed).
  const loop = Array.from({ length: 73 }, (_, i) => at((i / 72) * Math.PI * 2));
  const band = (grow: number): Pt[] =>
    loop.map(([x, y]): Pt => [x * (1 + grow / rx), cy + (y - cy) * (1 + grow / ry)]);
  const chain = el("path", { d: polyD([...band(10), ...band(-10).reverse()]) });
  return {
    svg: links.join("") + pendant,
    silhouette: chain + el("path", { d: dropD(0, bailY, 190, 310) }),
    stance: "flat",
    halfWidth: rx + 20,
    height: 2 * ry + 380,
    base: 0,
    focus: [0, bailY + 170],
  };
}

function brooch(): Art {
  const scallops = ringPoints(0, 0, 262, 262, 18)
    .map(([x, y]) =>
      el("circle", {
        cx: x,
        cy: y,
        r: 40,
        fill: "url(#dome)",
        stroke: "url(#ink)",
        "stroke-width": 1,
        "stroke-opacity": 0.3,
      }),
    )
    .join("");
  const leaves = ringPoints(0, 0, 150, 150, 12)
    .map(([x, y], i) =>
      group(`translate(${P(x, y)}) rotate(${fmt(i * 30 + 90)})`, engrave(flowerD(0, 0, 26, 2), 2)),
    )
    .join("");
  const face =
    el("circle", { cx: 0, cy: 0, r: 262, fill: "url(#dome)" }) +
    beads(ringPoints(0, 0, 236, 236, 36), 8) +
    el("circle", {
      cx: 0,
      cy: 0,
      r: 210,
      fill: "url(#face)",
      stroke: "url(#ink)",
      "stroke-opacity": 0.4,
      "stroke-width": 3,
    }) +
    engrave(ellipseD(0, 0, 190, 190), 2) +
    leaves +
    path(flowerD(0, 0, 110, 8), "url(#dome)", {
      stroke: "url(#ink)",
      "stroke-opacity": 0.5,
      "stroke-width": 2,
    }) +
    engrave(flowerD(0, 0, 70, 8), 2) +
    el("circle", { cx: 0, cy: 0, r: 30, fill: "url(#dome)" });
  // Tilted a little, as if lying on the surface seen from the camera.
  return {
    svg: group("scale(1,0.9)", scallops + face),
    silhouette: el("ellipse", { cx: 0, cy: 0, rx: 300, ry: 270 }),
    stance: "flat",
    halfWidth: 310,
    height: 560,
    base: 0,
  };
}

function tepak(): Art {
  const D = 230;
  const [x0, x1, yb, yt] = [-290, 240, -70, -280];
  const foot = (x: number, z: number): string => {
    const [fx, fy] = proj(x, 0, z);
    return group(
      `translate(${P(fx, fy)})`,
      vessel(
        [
          [26, -72],
          [34, -50],
          [18, -22],
          [30, 0],
        ],
        0.3,
      ),
    );
  };
  const front =
    engrave(
      polyD([
        [x0 + 20, yb - 20],
        [x1 - 20, yb - 20],
        [x1 - 20, yt + 20],
        [x0 + 20, yt + 20],
      ]),
    ) +
    dots(
      Array.from({ length: 22 }, (_, i): Pt => [x0 + 46 + i * ((x1 - x0 - 92) / 21), yt + 38]),
      3,
    ) +
    engrave(
      flowerD((x0 + x1) / 2, (yb + yt) / 2, 58, 8) + ellipseD((x0 + x1) / 2, (yb + yt) / 2, 78, 78),
    ) +
    beads(ringPoints((x0 + x1) / 2, (yb + yt) / 2, 92, 92, 20), 4.5) +
    engrave(crescentD(x0 + 90, (yb + yt) / 2 + 10, 34)) +
    group(
      `translate(${fmt(x1 - 90)},0) scale(-1,1)`,
      engrave(crescentD(0, (yb + yt) / 2 + 10, 34)),
    );
  const lidB = yt + 6,
    lidT = yt - 34,
    lidTop = yt - 130;
  const lid =
    block(x0 - 14, x1 + 14, lidB, lidT, -14, D + 14) +
    block(x0 - 14, x1 + 14, lidT, lidTop, -14, D + 14, 48) +
    Array.from({ length: 9 }, (_, i) =>
      engrave(rebungD(x0 + 34 + i * ((x1 - x0 - 40) / 8.6), lidT - 6, 40, 58)),
    ).join("") +
    dots(
      Array.from({ length: 28 }, (_, i): Pt => [
        x0 - 2 + i * ((x1 - x0 + 4) / 27),
        (lidB + lidT) / 2,
      ]),
      3.5,
    ) +
    onTop(
      lidTop,
      engrave(flowerD((x0 + x1) / 2, D / 2, 70, 8) + ellipseD((x0 + x1) / 2, D / 2, 120, 62)),
    );
  const side = onSide(
    x1,
    engrave(flowerD(D / 2, (yb + yt) / 2, 44, 6)) +
      engrave(
        polyD([
          [18, yb - 18],
          [D - 18, yb - 18],
          [D - 18, yt + 18],
          [18, yt + 18],
        ]),
      ),
  );
  return {
    svg:
      foot(x1 - 40, D - 30) +
      foot(x0 + 40, D - 30) +
      block(x0, x1, yb, yt, 0, D) +
      side +
      front +
      foot(x0 + 40, 30) +
      foot(x1 - 40, 30) +
      lid,
    stance: "stand",
    halfWidth: 380,
    height: 500,
    base: 340,
  };
}

function tray(): Art {
  const rx = 470,
    k = 0.38,
    h = 26,
    ry = rx * k,
    cy = -(ry + h);
  const medallion =
    engrave(ellipseD(0, 0, 380, 380), 3) +
    ringPoints(0, 0, 380, 380, 28)
      .map(([x, y], i) =>
        group(
          `translate(${P(x, y)}) rotate(${fmt((i * 360) / 28 - 90)})`,
          engrave(rebungD(0, 0, 70, 48)),
        ),
      )
      .join("") +
    dots(ringPoints(0, 0, 300, 300, 60), 5) +
    ringPoints(0, 0, 240, 240, 8)
      .map(([x, y], i) =>
        group(`translate(${P(x, y)}) rotate(${fmt(i * 45)})`, engrave(crescentD(0, 0, 30))),
      )
      .join("") +
    engrave(ellipseD(0, 0, 170, 170)) +
    engrave(flowerD(0, 0, 150, 8)) +
    engrave(flowerD(0, 0, 70, 8));
  return {
    svg:
      vessel(
        [
          [rx, cy],
          [rx - 18, cy + h],
        ],
        k,
      ) +
      ellipse(0, cy, rx, ry, "url(#top)") +
      ellipse(0, cy + 8, rx - 34, (rx - 34) * k, "url(#face)", {
        stroke: "url(#ink)",
        "stroke-width": 3,
        "stroke-opacity": 0.35,
      }) +
      // Circular drawing squashed by the tilt, so the engraving lies in the tray's plane.
      group(`translate(0,${fmt(cy + 8)}) scale(1,${k})`, medallion) +
      beads(ringPoints(0, cy, rx - 16, ry - 16 * k, 64), 5),
    stance: "stand",
    halfWidth: rx,
    height: ry * 2 + h,
    base: rx * 0.95,
  };
}

function bowl(): Art {
  const k = 0.3,
    r = 330,
    top = -280;
  return {
    svg:
      vessel(
        [
          [132, -22],
          [136, 0],
        ],
        k,
      ) + // foot first: it sits behind the bowl
      vessel(
        [
          [r, top],
          [318, top + 70],
          [270, top + 170],
          [170, top + 245],
          [120, top + 258],
          [132, 0],
        ],
        k,
      ) +
      ornamentBand(316, top + 36, k, 17, 40) +
      mouth(r, top, k, 16) +
      path(
        `M${P(-r + 20, top + 6)}A${fmt(r - 20)} ${fmt((r - 20) * k)} 0 0 0 ${P(r * 0.3, top + (r - 20) * k * 0.96)}`,
        "none",
        {
          stroke: "url(#glint)",
          "stroke-width": 6,
          opacity: 0.6,
          "stroke-linecap": "round",
        },
      ),
    stance: "stand",
    halfWidth: r,
    height: -top + r * k,
    base: 140,
  };
}

function tissueBox(): Art {
  const [x0, x1, yb, yt, D] = [-320, 320, 0, -280, 300];
  const pierced = (cols: number, rows: number, w: number, h: number): string => {
    let out = "";
    for (let j = 0; j < rows; j++)
      for (let i = 0; i < cols - (j % 2); i++) {
        const cx = (i + 0.5 + (j % 2) * 0.5) * (w / cols),
          cy = (j + 0.5) * (h / rows);
        out += path(j % 2 ? ellipseD(cx, cy, 6, 6) : flowerD(cx, cy, 13, 4), "url(#ink)", {
          opacity: 0.85,
        });
      }
    return out;
  };
  const slot = polyD([
    [-170, D / 2 - 24],
    [170, D / 2 - 24],
    [170, D / 2 + 24],
    [-170, D / 2 + 24],
  ]);
  const [tx, ty] = proj(0, yt, D / 2);
  const tissue = `M${P(tx - 90, ty + 6)}C${P(tx - 70, ty - 80)} ${P(tx - 20, ty - 130)} ${P(tx + 20, ty - 170)}C${P(tx + 30, ty - 120)} ${P(tx + 70, ty - 90)} ${P(tx + 110, ty - 96)}C${P(tx + 70, ty - 50)} ${P(tx + 80, ty - 10)} ${P(tx + 90, ty + 2)}Z`;
  return {
    svg:
      block(x0, x1, yb, yt, 0, D) +
      onTop(
        yt,
        path(slot, "url(#ink)", { opacity: 0.9 }) +
          engrave(
            polyD([
              [x0 + 24, 24],
              [x1 - 24, 24],
              [x1 - 24, D - 24],
              [x0 + 24, D - 24],
            ]),
          ),
      ) +
      path(tissue, "url(#tissue)", { stroke: "#c9c9c9", "stroke-width": 1.5 }) +
      engrave(
        polyD([
          [x0 + 22, yb - 22],
          [x1 - 22, yb - 22],
          [x1 - 22, yt + 22],
          [x0 + 22, yt + 22],
        ]),
      ) +
      group(`translate(${P(x0 + 50, yt + 50)})`, pierced(12, 5, x1 - x0 - 100, yb - yt - 100)) +
      onSide(
        x1,
        engrave(
          polyD([
            [22, yb - 22],
            [D - 22, yb - 22],
            [D - 22, yt + 22],
            [22, yt + 22],
          ]),
        ) + group(`translate(${P(50, yt + 50)})`, pierced(5, 5, D - 100, yb - yt - 100)),
      ),
    stance: "stand",
    halfWidth: 420,
    height: 560,
    base: 400,
  };
}

function wallHanging(): Art {
  const R = 330;
  const cord = `M${P(-200, -250)}L${P(0, -520)}L${P(200, -250)}`;
  const relief = (d: string): string =>
    path(d, "url(#ink)", { opacity: 0.45, transform: "translate(5,7)" }) +
    path(d, "url(#dome)", { stroke: "url(#ink)", "stroke-opacity": 0.3 });
  const border = ringPoints(0, 0, R - 40, R - 40, 32)
    .map(([x, y], i) =>
      group(
        `translate(${P(x, y)}) rotate(${fmt((i * 360) / 32 + 90)})`,
        engrave(rebungD(0, 0, 56, 40)),
      ),
    )
    .join("");
  const leaves = ringPoints(0, 0, 175, 175, 12)
    .map(([x, y], i) =>
      group(
        `translate(${P(x, y)}) rotate(${fmt(i * 30)})`,
        relief(`M-34,0Q0,-22 34,0Q0,22 -34,0Z`),
      ),
    )
    .join("");
  return {
    svg:
      path(cord, "none", { stroke: "#5b3a29", "stroke-width": 6, "stroke-linejoin": "round" }) +
      el("circle", { cx: 0, cy: -524, r: 9, fill: "#4a4038" }) +
      el("circle", { cx: 0, cy: 0, r: R, fill: "url(#dome)" }) +
      el("circle", { cx: 0, cy: 0, r: R - 22, fill: "url(#side)" }) +
      el("circle", { cx: 0, cy: 0, r: R - 30, fill: "url(#face)" }) +
      border +
      dots(ringPoints(0, 0, R - 96, R - 96, 64), 4) +
      leaves +
      relief(flowerD(0, 0, 120, 8)) +
      relief(ellipseD(0, 0, 34, 34)) +
      ringPoints(0, 0, 225, 225, 4, Math.PI / 4, Math.PI * 2 + Math.PI / 4)
        .map(([x, y], i) =>
          group(`translate(${P(x, y)}) rotate(${fmt(i * 90 + 45)})`, relief(crescentD(0, 0, 26))),
        )
        .join(""),
    silhouette: el("circle", { cx: 0, cy: 0, r: R }),
    stance: "wall",
    halfWidth: R,
    height: 2 * R + 200,
    base: 0,
  };
}

function vase(): Art {
  const k = 0.22;
  const profile: Pt[] = [
    [100, -660],
    [88, -640],
    [68, -590],
    [74, -540],
    [150, -470],
    [212, -380],
    [222, -300],
    [190, -180],
    [130, -70],
    [104, -34],
    [120, -12],
    [124, 0],
  ];
  return {
    svg:
      vessel(profile, k) +
      engrave(bandD(72, -560, k)) +
      ornamentBand(220, -330, k, 15, 56) +
      around(205, -230, k, 11, (i) =>
        engrave(i % 2 ? crescentD(0, 0, 14) : flowerD(0, 0, 24, 5), 2),
      ) +
      engrave(bandD(108, -36, k)) +
      mouth(100, -660, k, 14),
    stance: "stand",
    halfWidth: 230,
    height: 690,
    base: 120,
  };
}

function rantang(): Art {
  const r = 190,
    k = 0.26,
    tier = 120,
    n = 4;
  let stack = "";
  for (let i = 0; i < n; i++) {
    const y = -(i + 1) * tier;
    stack +=
      vessel(
        [
          [r, y],
          [r, y + tier - 4],
        ],
        k,
      ) +
      vessel(
        [
          [r + 7, y],
          [r + 7, y + 14],
        ],
        k,
      ) +
      engrave(bandD(r, y + tier - 8, k), 2);
    stack += engrave(flowerD(0, y + tier * 0.5 + r * k, 22, 6), 2);
  }
  const topY = -n * tier;
  const lid = ellipse(0, topY, r + 7, (r + 7) * k, "url(#top)") + domeLid(r * 0.9, topY - 4, k, 26);
  // Carrying frame: two flat bars up the sides joined by a bridge and an arched handle.
  const barTop = topY - 120;
  const bar = (x: number): string =>
    el("rect", {
      x: x - 13,
      y: barTop,
      width: 26,
      height: -barTop - 30,
      rx: 6,
      fill: "url(#cyl)",
    }) +
    Array.from({ length: n }, (_, i) =>
      el("rect", {
        x: x - 20,
        y: -(i + 1) * tier + 18,
        width: 40,
        height: 24,
        rx: 5,
        fill: "url(#face)",
      }),
    ).join("");
  const handle = `M${P(-r - 14, barTop + 10)}C${P(-r + 40, barTop - 130)} ${P(r - 40, barTop - 130)} ${P(r + 14, barTop + 10)}`;
  return {
    svg:
      stack +
      lid +
      bar(-r - 14) +
      bar(r + 14) +
      el("rect", {
        x: -r - 24,
        y: barTop - 6,
        width: 2 * r + 48,
        height: 18,
        rx: 8,
        fill: "url(#face)",
      }) +
      path(handle, "none", { stroke: "url(#cyl)", "stroke-width": 20, "stroke-linecap": "round" }),
    stance: "stand",
    halfWidth: r + 40,
    height: -barTop + 110,
    base: r,
  };
}

function dandang(): Art {
  const k = 0.24;
  const profile: Pt[] = [
    [170, -560],
    [158, -548],
    [150, -520],
    [160, -470],
    [190, -380],
    [222, -240],
    [240, -110],
    [244, -30],
    [236, 0],
  ];
  return {
    svg:
      vessel(profile, k) +
      engrave(bandD(150, -520, k), 2) +
      engrave(bandD(224, -230, k), 2) +
      engrave(bandD(242, -40, k), 2) +
      sideHandle(-178, -420, -1, 80) +
      sideHandle(178, -420, 1, 80) +
      domeLid(170, -560, k, 80),
    stance: "stand",
    halfWidth: 260,
    height: 720,
    base: 240,
  };
}

function kukusan(): Art {
  const k = 0.34,
    r = 230;
  const lowTop = -200,
    stTop = -360;
  // The perforated steaming plate, seen through the open top tier and clipped to its mouth.
  const holes: Pt[] = [];
  for (let ring = 1; ring <= 4; ring++)
    holes.push(...ringPoints(0, 0, ring * 44, ring * 44, ring * 8));
  const lip = r - 18;
  const plate =
    `<clipPath id="mouth">${ellipse(0, stTop + 7 * k, lip, lip * k, "#000")}</clipPath>` +
    el(
      "g",
      { "clip-path": "url(#mouth)" },
      group(
        `translate(0,${fmt(stTop + 45)}) scale(1,${k})`,
        ellipse(0, 0, lip, lip, "url(#face)") + dots(holes, 9),
      ),
    );
  return {
    svg:
      vessel(
        [
          [r, lowTop],
          [r + 12, lowTop + 90],
          [r, -20],
          [r - 14, 0],
        ],
        k,
      ) +
      sideHandle(-r - 6, lowTop + 70, -1, 64) +
      sideHandle(r + 6, lowTop + 70, 1, 64) +
      vessel(
        [
          [r - 4, stTop],
          [r - 4, lowTop + 14],
        ],
        k,
      ) +
      vessel(
        [
          [r + 6, lowTop - 6],
          [r + 6, lowTop + 10],
        ],
        k,
      ) +
      engrave(bandD(r - 4, stTop + 40, k), 2) +
      around(r - 4, stTop + 95, k, 36, () =>
        el("circle", { cx: 0, cy: 0, r: 5, fill: "url(#ink)", opacity: 0.75 }),
      ) +
      sideHandle(-r, stTop + 50, -1, 56) +
      sideHandle(r, stTop + 50, 1, 56) +
      mouth(r - 4, stTop, k, 14) +
      plate,
    stance: "stand",
    halfWidth: r + 70,
    height: -stTop + r * k + 10,
    base: r,
  };
}

function pan(): Art {
  const r = 420,
    k = 0.34,
    top = -280;
  return {
    svg:
      sideHandle(-r + 8, top + 4, -1, 90) +
      sideHandle(r - 8, top + 4, 1, 90) +
      vessel(
        [
          [r, top],
          [405, top + 70],
          [350, top + 160],
          [240, top + 230],
          [110, top + 268],
          [80, 0],
        ],
        k,
      ) +
      ellipse(0, top, r, r * k, "url(#top)") +
      ellipse(0, top + 6, r - 14, (r - 14) * k, "url(#inner)") +
      // Brushed centre where the wok is worn bright by use.
      ellipse(0, top + 40, 190, 60, "url(#dome)", { opacity: 0.5 }),
    stance: "stand",
    halfWidth: r + 80,
    height: -top + r * k,
    base: 90,
  };
}

function kettle(): Art {
  const k = 0.25;
  const spout = `M${P(205, -95)}C${P(330, -110)} ${P(380, -250)} ${P(442, -372)}L${P(404, -392)}C${P(350, -280)} ${P(300, -235)} ${P(212, -265)}Z`;
  const handle = `M${P(-150, -400)}C${P(-340, -420)} ${P(-360, -180)} ${P(-226, -130)}`;
  return {
    svg:
      path(handle, "none", {
        stroke: "url(#ink)",
        "stroke-width": 34,
        opacity: 0.35,
        transform: "translate(6,6)",
      }) +
      path(handle, "none", { stroke: "url(#cyl)", "stroke-width": 30, "stroke-linecap": "round" }) +
      // The "face" gradient runs across the rising spout, so it reads as a tube.
      path(spout, "url(#face)") +
      ellipse(423, -382, 21, 8, "url(#inner)", { transform: "rotate(-28,423,-382)" }) +
      vessel(
        [
          [120, -420],
          [170, -390],
          [220, -320],
          [244, -210],
          [236, -90],
          [214, -14],
          [204, 0],
        ],
        k,
      ) +
      engrave(bandD(236, -90, k), 2) +
      around(240, -250, k, 9, (i) =>
        engrave(i % 2 ? flowerD(0, 0, 30, 6) : flowerD(0, 0, 16, 4), 2),
      ) +
      domeLid(120, -420, k, 70),
    stance: "stand",
    halfWidth: 400,
    height: 540,
    base: 210,
  };
}

const KINDS: Record<ArtKind, (rand: Rng) => Art> = {
  ring,
  bracelet,
  necklace,
  earrings,
  brooch,
  tepak,
  tray,
  bowl,
  "tissue-box": tissueBox,
  "wall-hanging": wallHanging,
  vase,
  rantang,
  dandang,
  kukusan,
  pan,
  kettle,
};

// -------------------------------------------------------------------- scene

const stop = (offset: number, color: string, opacity = 1): string =>
  el("stop", { offset, "stop-color": color, "stop-opacity": opacity });

function metalDefs(p: Palette): string {
  const lin = (id: string, dir: string, stops: Array<[number, string]>): string =>
    `<linearGradient id="${id}" ${dir}>${stops.map(([o, c]) => stop(o, c)).join("")}</linearGradient>`;
  const solid = (id: string, c: string): string =>
    `<linearGradient id="${id}" gradientUnits="userSpaceOnUse">${stop(0, c)}</linearGradient>`;
  return (
    lin("cyl", 'x2="1" y2="0"', [
      [0, p.edge],
      [0.1, p.mid],
      [0.27, p.light],
      [0.35, p.hi],
      [0.44, p.light],
      [0.66, p.mid],
      [0.88, p.deep],
      [1, p.edge],
    ]) +
    lin("top", 'x2="0" y2="1"', [
      [0, p.edge],
      [0.55, p.light],
      [1, p.hi],
    ]) +
    lin("face", 'x2="1" y2="1"', [
      [0, p.light],
      [0.32, p.mid],
      [0.5, p.light],
      [0.56, p.hi],
      [0.64, p.light],
      [1, p.edge],
    ]) +
    lin("side", 'x2="1" y2="0"', [
      [0, p.mid],
      [1, p.deep],
    ]) +
    lin("inner", 'x2="0" y2="1"', [
      [0, p.deep],
      [0.55, p.edge],
      [1, p.mid],
    ]) +
    `<radialGradient id="dome" cx=".42" cy=".38" r=".7" fx=".32" fy=".26">${stop(0, p.hi)}${stop(0.22, p.light)}${stop(0.6, p.mid)}${stop(0.88, p.edge)}${stop(1, p.deep)}</radialGradient>` +
    `<linearGradient id="shade" x2="0" y2="1">${stop(0, "#fff", 0.3)}${stop(0.3, "#fff", 0)}${stop(0.75, "#000", 0.04)}${stop(1, "#000", 0.28)}</linearGradient>` +
    `<radialGradient id="gem" cx=".4" cy=".35" r=".7">${stop(0, "#ff9c8c")}${stop(0.35, "#b3202c")}${stop(1, "#4d0610")}</radialGradient>` +
    `<linearGradient id="tissue" x2="1" y2="1">${stop(0, "#ffffff")}${stop(0.6, "#f1f1ef")}${stop(1, "#d4d4d0")}</linearGradient>` +
    solid("ink", p.deep) +
    solid("glint", p.hi)
  );
}

// A radial gradient gives a soft floor shadow at a fraction of the cost of a blur filter.
const floorShadowDef = `<radialGradient id="shadow">${stop(0, "#1d140c", 0.55)}${stop(0.45, "#1d140c", 0.3)}${stop(1, "#1d140c", 0)}</radialGradient>`;

/**
 * Soft shadow cast by a flat or wall object: its silhouette stacked with widening
 * translucent outlines. Looks like a blur but avoids an SVG filter, which would
 * double the rasterising time.
 */
function castShadow(silhouette: string): string {
  return [46, 36, 26, 17, 9, 2]
    .map((w) =>
      el(
        "g",
        {
          fill: "#1d140c",
          stroke: "#1d140c",
          "fill-opacity": 0.06,
          "stroke-opacity": 0.06,
          "stroke-width": w,
          "stroke-linejoin": "round",
        },
        silhouette,
      ),
    )
    .join("");
}

/** Seamless paper sweep: wall fading into floor with a soft pool of light behind the object. */
function sweep(bg: Backdrop): string {
  return (
    `<linearGradient id="bg" x2="0" y2="1">${stop(0, bg.top)}${stop(0.62, bg.top)}${stop(1, bg.bottom)}</linearGradient>` +
    `<radialGradient id="glow" cx="800" cy="560" r="760" gradientUnits="userSpaceOnUse">${stop(0, "#ffffff", 0.4)}${stop(1, "#ffffff", 0)}</radialGradient>` +
    el("rect", { width: 1600, height: 1200, fill: "url(#bg)" }) +
    el("rect", { width: 1600, height: 1200, fill: "url(#glow)" })
  );
}

/**
 * A wooden table top or a songket cloth (Palembang's gold-thread weaving). Below a
 * plain wall from `horizon` down, or filling the frame (horizon 0) for a flat lay.
 */
function surface(bg: Backdrop, kind: "wood" | "songket", horizon: number, rand: Rng): string {
  const area = { y: horizon, width: 1600, height: 1200 - horizon };
  let top: string;
  if (kind === "wood") {
    top = el("rect", { ...area, fill: "url(#wood)" });
    for (let i = 0; i < 22; i++) {
      // Grain lines spread out toward the camera, which sells the perspective.
      const y = horizon + (1200 - horizon) * ((i + rand()) / 22) ** 1.4;
      const a = (rand() - 0.5) * 30;
      top += path(
        `M-10,${fmt(y)}C400,${fmt(y + a)} 900,${fmt(y - a)} 1610,${fmt(y + a * 0.3)}`,
        "none",
        {
          stroke: rand() < 0.7 ? "#3d200e" : "#e0b07e",
          "stroke-width": 1 + rand() * 5,
          opacity: 0.08 + rand() * 0.14,
        },
      );
    }
    for (const f of [0.3, 0.62]) {
      const y = horizon + (1200 - horizon) * f ** 1.4;
      top += el("rect", { x: 0, y, width: 1600, height: 3, fill: "#2b150a", opacity: 0.35 }); // plank seam
    }
  } else {
    top =
      el("rect", { ...area, fill: "url(#cloth)" }) +
      el("rect", { ...area, fill: "url(#songket)" }) +
      el("rect", { y: 1090, width: 1600, height: 28, fill: "#c9a24a", opacity: 0.55 });
  }
  const wall = horizon > 0 ? el("rect", { width: 1600, height: horizon, fill: "url(#bg)" }) : "";
  const edge =
    horizon > 0 ? el("rect", { y: horizon, width: 1600, height: 60, fill: "url(#edge)" }) : "";
  return (
    `<linearGradient id="bg" x2="0" y2="1">${stop(0, bg.top)}${stop(1, bg.bottom)}</linearGradient>` +
    `<linearGradient id="wood" x2="0" y2="1">${stop(0, "#6a4124")}${stop(1, "#a8744b")}</linearGradient>` +
    `<linearGradient id="cloth" x2="0" y2="1">${stop(0, "#5a171c")}${stop(1, "#8c2a30")}</linearGradient>` +
    `<linearGradient id="edge" x2="0" y2="1">${stop(0, "#000", 0.3)}${stop(1, "#000", 0)}</linearGradient>` +
    `<pattern id="songket" width="64" height="40" patternUnits="userSpaceOnUse" patternTransform="translate(0,${horizon}) scale(1,0.6)">` +
    path("M32,4L52,20L32,36L12,20Z", "none", {
      stroke: "#d6b25a",
      "stroke-width": 2,
      opacity: 0.5,
    }) +
    el("circle", { cx: 32, cy: 20, r: 4, fill: "#d6b25a", opacity: 0.6 }) +
    `</pattern>` +
    wall +
    top +
    edge +
    // Key light pooling on the surface behind the object.
    `<radialGradient id="pool" cx="760" cy="${horizon + 260}" r="700" gradientUnits="userSpaceOnUse">${stop(0, "#fff4e0", 0.22)}${stop(1, "#fff4e0", 0)}</radialGradient>` +
    el("rect", { ...area, fill: "url(#pool)" })
  );
}

export function productArtSvg(input: {
  art: ArtKind;
  metal: SeedMetal;
  variant: number;
  seed: string;
  width?: number;
  height?: number;
}): string {
  const width = input.width ?? 1600;
  const height = input.height ?? 1200;
  const h = hash(input.seed);
  const v = ((Math.trunc(input.variant) % 4) + 4) % 4;
  const rand = rng(h ^ Math.imul(v + 1, 0x9e3779b1));
  const art = KINDS[input.art](rng(h));
  const bg = BACKDROPS[(h + [0, 1, 2, 1][v]!) % BACKDROPS.length] ??
    BACKDROPS[0] ?? { top: "#eee", bottom: "#ccc" };
  const onSurface = (v === 1 || v === 3) && art.stance !== "wall";
  const stand = art.stance === "stand";

  // Fit the object into a comfortable part of the frame, then vary the framing per photo:
  // 0 front view, 1 closer on a surface, 2 close-up detail, 3 smaller and off-centre on a surface.
  const fit = stand
    ? Math.min(660 / art.height, 560 / art.halfWidth)
    : Math.min(820 / art.height, 620 / art.halfWidth);
  const s = fit * ([1, 1.1, 1.7, 0.92][v] ?? 1);
  let tx = 800 + (v === 3 ? (h % 2 ? 1 : -1) * 150 : 0);
  let ty = stand ? (onSurface ? 990 : 960) : 600;
  if (v === 2) {
    const [fx, fy] = art.focus ?? [
      (rand() - 0.5) * art.halfWidth * 0.6,
      stand ? -art.height * 0.6 : -art.height * 0.15,
    ];
    tx = 800 - fx * s;
    ty = 600 - fy * s;
  }
  const tilt = art.stance === "flat" && v !== 0 ? (rand() - 0.5) * 18 : 0;

  const shadow = art.silhouette
    ? group("translate(12,20)", castShadow(art.silhouette))
    : ellipse(art.base * 0.15, -2, art.base * 1.45, art.base * 0.24 + 30, "url(#shadow)", {
        opacity: 0.55,
      }) + ellipse(art.base * 0.05, -2, art.base * 1.05, art.base * 0.07 + 12, "url(#shadow)");
  // Kitchenware sits on a wooden table; other pieces alternate between wood and songket.
  const material = input.metal === "ALUMINIUM" || ((h + v) >> 1) % 2 ? "wood" : "songket";
  const scene = onSurface ? surface(bg, material, stand ? 600 : 0, rand) : sweep(bg);
  const vignette =
    `<radialGradient id="vig" cx=".5" cy=".45" r=".75">${stop(0.55, "#000", 0)}${stop(1, "#000", 0.3)}</radialGradient>` +
    el("rect", { width: 1600, height: 1200, fill: "url(#vig)" });

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 1200" preserveAspectRatio="xMidYMid slice">` +
    `<defs>${metalDefs(METALS[input.metal])}${floorShadowDef}</defs>` +
    scene +
    group(`translate(${P(tx, ty)}) scale(${fmt(s)}) rotate(${fmt(tilt)})`, shadow + art.svg) +
    vignette +
    `</svg>`
  );
}
