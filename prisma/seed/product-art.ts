// Generated "studio photos" for the demo catalogue: every product gets SVG art that sharp
// rasterises, so seeding needs no network and ships no image files. Only plain SVG 1.1 that
// librsvg renders: gradients, paths, basic shapes, transforms, a clip path and a pattern.
// No filters (they would double the rasterising time), text, images or CSS.

import type { ArtKind, SeedMetal } from "./types";

type Pt = [number, number];
type Attrs = Record<string, string | number>;
type Rng = () => number;
type Palette = { deep: string; edge: string; mid: string; light: string; hi: string };
type Backdrop = { top: string; bottom: string };

/**
 * One object drawn in local units. Standing objects have their origin at the floor contact
 * point and grow upward; flat (lying) and wall objects are centred on the origin.
 */
type Art = {
  svg: string;
  stance: "stand" | "flat" | "wall";
  halfWidth: number;
  height: number;
  /** Half width of the footprint, for the floor shadow of standing objects. */
  base?: number;
  /** Flat and wall objects: their silhouette as unpainted shapes, for the cast shadow. */
  silhouette?: string;
  /** Point the close-up photo centres on; defaults to the upper part of the object. */
  focus?: Pt;
};

const METALS: Record<SeedMetal, Palette> = {
  SILVER: { deep: "#3b4048", edge: "#78808a", mid: "#b3bac3", light: "#dfe3e8", hi: "#ffffff" },
  // Copper's highlights go pink rather than white.
  COPPER: { deep: "#4a1d0a", edge: "#8c3f1c", mid: "#c26a3b", light: "#e99d72", hi: "#ffd9c9" },
  // Aluminium is matte: a narrow range of values and no pure-white highlight.
  ALUMINIUM: { deep: "#56606a", edge: "#808b96", mid: "#a3adb7", light: "#c0c8d0", hi: "#dde3e8" },
};

const LINEN: Backdrop = { top: "#f1e9dc", bottom: "#d8c9b3" };
const SAGE: Backdrop = { top: "#e3e8dc", bottom: "#b5bfab" };
const SLATE: Backdrop = { top: "#d5dae0", bottom: "#8f99a4" };
const BACKDROPS = [LINEN, SAGE, SLATE];

// ---------------------------------------------------------------------------------- primitives

const fmt = (v: number): string => String(Math.round(v * 100) / 100);
const P = (x: number, y: number): string => `${fmt(x)},${fmt(y)}`;

function el(tag: string, attrs: Attrs, inner = ""): string {
  const a = Object.entries(attrs).map(([k, v]) => `${k}="${typeof v === "number" ? fmt(v) : v}"`);
  return inner ? `<${tag} ${a.join(" ")}>${inner}</${tag}>` : `<${tag} ${a.join(" ")}/>`;
}

const path = (d: string, fill: string, more: Attrs = {}) => el("path", { d, fill, ...more });
/** A stroked, unfilled path. */
const line = (d: string, stroke: string, width: number, more: Attrs = {}) =>
  path(d, "none", { stroke, "stroke-width": width, "stroke-linecap": "round", ...more });
const circle = (cx: number, cy: number, r: number, fill: string, more: Attrs = {}) =>
  el("circle", { cx, cy, r, fill, ...more });
const ellipse = (cx: number, cy: number, rx: number, ry: number, fill: string, more: Attrs = {}) =>
  el("ellipse", { cx, cy, rx, ry, fill, ...more });
const rect = (x: number, y: number, w: number, h: number, fill: string, more: Attrs = {}) =>
  el("rect", { x, y, width: w, height: h, fill, ...more });
const group = (transform: string, inner: string) => el("g", { transform }, inner);

/** Points from "x y, x y, …", which keeps long profiles readable on one line. */
const pts = (spec: string): Pt[] =>
  spec.split(",").map((pair): Pt => {
    const [x = 0, y = 0] = pair.trim().split(/\s+/).map(Number);
    return [x, y];
  });

/** Gradient stops from "colour offset [opacity], …"; colours may name palette entries. */
function stops(spec: string, names: Record<string, string>): string {
  return spec
    .split(",")
    .map((part) => {
      const [c = "", o = "0", a = "1"] = part.trim().split(" ");
      return el("stop", {
        offset: Number(o),
        "stop-color": names[c] ?? c,
        "stop-opacity": Number(a),
      });
    })
    .join("");
}
const linear = (id: string, spec: string, attrs: Attrs = {}, names: Record<string, string> = {}) =>
  el("linearGradient", { id, ...attrs }, stops(spec, names));
const radial = (id: string, spec: string, attrs: Attrs = {}, names: Record<string, string> = {}) =>
  el("radialGradient", { id, ...attrs }, stops(spec, names));
const VERTICAL = { x2: 0, y2: 1 };
const DIAGONAL = { x2: 1, y2: 1 };
const USER_SPACE = { gradientUnits: "userSpaceOnUse" };

/** FNV-1a, so a product's seed always picks the same backdrop and details. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: a tiny deterministic generator, seeded from the hash. */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------------------------ geometry

const ellipseD = (cx: number, cy: number, rx: number, ry: number): string => {
  const arc = `A${fmt(rx)} ${fmt(ry)} 0 1 0`;
  return `M${P(cx - rx, cy)}${arc} ${P(cx + rx, cy)}${arc} ${P(cx - rx, cy)}Z`;
};
const polyD = (points: Pt[]): string => `M${points.map(([x, y]) => P(x, y)).join("L")}Z`;
/** Rectangle outline inset by m from the edges of [x0, x1] × [y0, y1]. */
const frameD = (x0: number, x1: number, y0: number, y1: number, m: number): string =>
  polyD([
    [x0 + m, y0 + m],
    [x1 - m, y0 + m],
    [x1 - m, y1 - m],
    [x0 + m, y1 - m],
  ]);
/** Front half of a horizontal circle of radius r at height y, seen from above with tilt k. */
const bandD = (r: number, y: number, k: number): string =>
  `M${P(-r, y)}A${fmt(r)} ${fmt(r * k)} 0 0 0 ${P(r, y)}`;

/** n points evenly spaced along the segment from a to b. */
const along = ([ax, ay]: Pt, [bx, by]: Pt, n: number): Pt[] =>
  Array.from({ length: n }, (_, i): Pt => [
    ax + ((bx - ax) * i) / (n - 1),
    ay + ((by - ay) * i) / (n - 1),
  ]);

/** n points round an ellipse, or centred in n slots over the arc a0..a1. */
function ringPoints(cx: number, cy: number, rx: number, ry: number, n: number, a0 = 0, a1 = 0) {
  const [from, span, shift] = a1 > a0 ? [a0, a1 - a0, 0.5] : [0, Math.PI * 2, 0];
  return Array.from({ length: n }, (_, i): Pt => {
    const a = from + (span * (i + shift)) / n;
    return [cx + Math.cos(a) * rx, cy + Math.sin(a) * ry];
  });
}
const onCircle = (r: number, n: number): Pt[] => ringPoints(0, 0, r, r, n);

/** Catmull-Rom curve through the points, as cubic segments continuing from points[0]. */
function smooth(points: Pt[]): string {
  const at = (i: number): Pt => points[Math.max(0, Math.min(points.length - 1, i))] ?? [0, 0];
  let d = "";
  for (let i = 0; i < points.length - 1; i++) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    const c1 = P(p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6);
    const c2 = P(p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6);
    d += `C${c1} ${c2} ${P(p2[0], p2[1])}`;
  }
  return d;
}

/** Outline of a body of revolution from its [radius, y] profile, listed top to bottom. */
function latheD(profile: Pt[], k: number): string {
  const [rt, yt] = profile[0] ?? [0, 0];
  const [rb, yb] = profile[profile.length - 1] ?? [0, 0];
  const left = smooth(profile.map(([r, y]): Pt => [-r, y]));
  const right = smooth(profile.map(([r, y]): Pt => [r, y]).reverse());
  const bottom = `A${fmt(rb)} ${fmt(rb * k)} 0 0 0 ${P(rb, yb)}`;
  return `M${P(-rt, yt)}${left}${bottom}${right}A${fmt(rt)} ${fmt(rt * k)} 0 0 1 ${P(-rt, yt)}Z`;
}

/**
 * A metal body of revolution, lit from above and darkening toward the floor. Where it widens
 * downward (a shoulder, a dome) the back of each wider level shows above the outline, so those
 * levels are drawn as ellipses behind it. The top level is left to a mouth or lid.
 */
function vessel(profile: Pt[], k: number, fill = "url(#cyl)"): string {
  let backs = "";
  let widest = profile[0]?.[0] ?? 0;
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

/** A straight-sided ring of a body: radius r from y down to y + h. */
const drum = (r: number, y: number, h: number, k: number): string =>
  vessel(
    [
      [r, y],
      [r, y + h],
    ],
    k,
  );

/** Open mouth: a lit rim around a dark interior. */
const mouth = (r: number, y: number, k: number, lip: number): string =>
  ellipse(0, y, r, r * k, "url(#top)") +
  ellipse(0, y + lip * k * 0.5, r - lip, (r - lip) * k, "url(#inner)");

/** Oblique projection for boxes: depth z recedes up and to the right. */
const proj = (x: number, y: number, z: number): Pt => [x + 0.55 * z, y - 0.35 * z];

/** A box, or with an inset a truncated pyramid (a lid): its right side, top and front faces. */
function block(x0: number, x1: number, yb: number, yt: number, z0: number, z1: number, inset = 0) {
  const [xa, xb, za, zb] = [x0 + inset, x1 - inset, z0 + inset, z1 - inset];
  const front = polyD([proj(x0, yb, z0), proj(x1, yb, z0), proj(xb, yt, za), proj(xa, yt, za)]);
  const side = polyD([proj(x1, yb, z0), proj(x1, yb, z1), proj(xb, yt, zb), proj(xb, yt, za)]);
  const top = polyD([proj(xa, yt, za), proj(xb, yt, za), proj(xb, yt, zb), proj(xa, yt, zb)]);
  return path(side, "url(#side)") + path(top, "url(#top)") + path(front, "url(#face)");
}

/** Maps drawings in (x, z) onto the top face of a box at height y. */
const onTop = (y: number, inner: string) => group(`matrix(1,0,0.55,-0.35,0,${fmt(y)})`, inner);
/** Maps drawings in (z, y) onto the right side face of a box at x. */
const onSide = (x: number, inner: string) => group(`matrix(0.55,-0.35,0,1,${fmt(x)},0)`, inner);

// -------------------------------------------------------------------------------------- motifs

/** Incised line: a dark groove with a catch-light on its lower lip. */
function engrave(d: string, w = 2.6): string {
  const groove = { "stroke-linejoin": "round" };
  return (
    line(d, "url(#glint)", w, { ...groove, opacity: 0.55, transform: "translate(1.2,1.6)" }) +
    line(d, "url(#ink)", w, { ...groove, opacity: 0.7 })
  );
}

function flowerD(cx: number, cy: number, r: number, petals: number): string {
  const at = (a: number, f: number) => P(cx + Math.cos(a) * r * f, cy + Math.sin(a) * r * f);
  let d = "";
  for (let i = 0; i < petals; i++) {
    const a = (i / petals) * Math.PI * 2;
    d += `M${P(cx, cy)}Q${at(a - 0.5, 0.7)} ${at(a, 1)}Q${at(a + 0.5, 0.7)} ${P(cx, cy)}`;
  }
  return d + ellipseD(cx, cy, r * 0.16, r * 0.16);
}

/** Crescent opening to the right. */
const crescentD = (cx: number, cy: number, r: number): string =>
  `M${P(cx, cy - r)}A${fmt(r)} ${fmt(r)} 0 1 0 ${P(cx, cy + r)}` +
  `A${fmt(r * 0.7)} ${fmt(r)} 0 0 1 ${P(cx, cy - r)}Z`;

/** "Pucuk rebung" bamboo-shoot triangle, the classic Palembang border motif. */
const rebungD = (cx: number, by: number, w: number, h: number): string =>
  `M${P(cx - w / 2, by)}L${P(cx, by - h)}L${P(cx + w / 2, by)}` +
  `M${P(cx - w / 4, by)}L${P(cx, by - h / 2)}L${P(cx + w / 4, by)}`;

/** Teardrop with a pointed top and a round bottom. */
function dropD(cx: number, top: number, w: number, h: number): string {
  const [r, c] = [w / 2, top + h - w / 2];
  return (
    `M${P(cx, top)}C${P(cx + r / 2, top + h / 4)} ${P(cx + r, c - r * 0.9)} ${P(cx + r, c)}` +
    `A${fmt(r)} ${fmt(r)} 0 0 1 ${P(cx - r, c)}` +
    `C${P(cx - r, c - r * 0.9)} ${P(cx - r / 2, top + h / 4)} ${P(cx, top)}Z`
  );
}

/** n copies of a drawing round a circle of radius r, each turned to face outward (+ turn°). */
const radially = (r: number, n: number, draw: string, turn = 0, start = 0): string =>
  Array.from({ length: n }, (_, i) => {
    const a = start + (i * 360) / n;
    return group(`rotate(${fmt(a)}) translate(${fmt(r)},0) rotate(${turn})`, draw);
  }).join("");

const dots = (points: Pt[], r: number): string =>
  points.map(([x, y]) => circle(x, y, r, "url(#ink)", { opacity: 0.6 })).join("");
/** Granulation: tiny soldered metal beads, each lit like a dome. */
const beads = (points: Pt[], r: number): string =>
  points.map(([x, y]) => circle(x, y, r, "url(#dome)")).join("");

/** Repeats a motif round the visible front of a round body, squeezed toward the sides. */
function around(r: number, y: number, k: number, n: number, motif: (i: number) => string) {
  let out = "";
  for (let i = 0; i < n; i++) {
    const t = (Math.PI * (i + 0.5)) / n;
    const sx = Math.sin(t);
    const at = `translate(${P(-r * Math.cos(t), y + r * k * sx)}) scale(${fmt(sx)},1)`;
    if (sx > 0.25) out += group(at, motif(i));
  }
  return out;
}

/** A band of alternating bamboo shoots and small flowers between two grooves, round a body. */
function ornamentBand(r: number, y: number, k: number, n: number, size: number): string {
  const motif = (i: number) =>
    i % 2 ? flowerD(0, 0, size * 0.4, 6) : rebungD(0, size / 2, size * 0.8, size);
  const grooves = bandD(r, y - size * 0.6, k) + bandD(r, y + size * 0.6, k);
  return engrave(grooves, 2) + around(r, y, k, n, (i) => engrave(motif(i), 2));
}

/** A pair of riveted loop handles on either side of a pot, x from its axis. */
function handles(x: number, y: number, size: number): string {
  const [top, bottom] = [y - size * 0.4, y + size * 0.35];
  let out = "";
  for (const dir of [-1, 1]) {
    const [x0, x1] = [dir * x, dir * (x + size)];
    const d = `M${P(x0, top)}C${P(x1, y - size * 0.6)} ${P(x1, y + size * 0.5)} ${P(x0, bottom)}`;
    out += line(d, "url(#ink)", size * 0.24, { opacity: 0.5, transform: "translate(3,4)" });
    out +=
      line(d, "url(#cyl)", size * 0.2) +
      beads(
        [
          [x0, top],
          [x0, bottom],
        ],
        size * 0.09,
      );
  }
  return out;
}

/** Domed lid with a knob on a rim of radius r at height y; the radial gradient reads as a dome. */
function domeLid(r: number, y: number, k: number, rise: number): string {
  const lid = pts("1 0, .97 .3, .8 .7, .45 .95, .25 1").map(([a, b]): Pt => [a * r, y - b * rise]);
  const knobY = y - rise - (r / 4) * k;
  return (
    ellipse(0, y, r * 1.03, r * 1.03 * k, "url(#side)") +
    vessel(lid, k, "url(#dome)") +
    ellipse(0, y - rise, r / 4, (r / 4) * k, "url(#top)") +
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

// --------------------------------------------------------------------------------------- kinds

function ring(rand: Rng): Art {
  const [cy, rx, ry, depth] = [-250, 150, 235, 70];
  let band = "";
  // From the back edge to the front edge, so the strokes sweep into a solid band with depth.
  for (let i = 8; i >= 0; i--) {
    const stroke = { stroke: i === 0 ? "url(#cyl)" : "url(#side)", "stroke-width": 38 };
    band += ellipse((depth * i) / 8, cy - (10 * i) / 8, rx, ry, "none", stroke);
  }
  band += dots(ringPoints(0, cy, rx, ry, 56), 3.2); // milgrain along the front edge
  const [sx, sy] = [depth * 0.45, cy - ry - 26];
  const signet = engrave(crescentD(-6, 0, 30), 2.4) + dots([[22, 0]], 5);
  const top =
    rand() < 0.5
      ? ellipse(sx, sy - 10, 58, 30, "url(#gem)") +
        ellipse(sx - 18, sy - 20, 14, 6, "#fff", { opacity: 0.55 })
      : ellipse(sx, sy - 10, 60, 32, "url(#dome)") +
        group(`translate(${P(sx, sy - 10)}) scale(1,0.55)`, signet);
  const setting =
    ellipse(sx, sy + 14, 84, 42, "url(#side)") +
    ellipse(sx, sy, 80, 40, "url(#top)") +
    beads(ringPoints(sx, sy + 2, 76, 38, 16), 7);
  return { svg: band + setting + top, stance: "stand", halfWidth: 200, height: 560, base: 150 };
}

function bracelet(): Art {
  const [rx, k, h, t] = [360, 0.42, 84, 26];
  const [ry, cy, rxi, ryi] = [rx * k, -(rx * k + h), rx - t, (rx - t) * k];
  const evenodd = { "fill-rule": "evenodd" };
  // Only the back of the inner wall shows: the opening minus its copy lowered by the height.
  const innerWall = ellipseD(0, cy, rxi, ryi) + ellipseD(0, cy + h, rxi, ryi);
  const svg =
    path(innerWall, "url(#inner)", evenodd) +
    path(ellipseD(0, cy, rx, ry) + ellipseD(0, cy, rxi, ryi), "url(#top)", evenodd) +
    drum(rx, cy, h, k) +
    ornamentBand(rx, cy + h / 2, k, 15, 46) +
    beads(ringPoints(0, cy, rx - t / 2, ry - (t / 2) * k, 40), 4);
  return { svg, stance: "stand", halfWidth: rx, height: ry * 2 + h, base: rx * 0.9 };
}

/** Filigree drop shared by the earrings and the necklace pendant. */
function ornamentDrop(cx: number, top: number, w: number, h: number): string {
  const c = top + h - w / 2;
  const bottom = top + h;
  return (
    path(dropD(cx, top, w, h), "url(#dome)", { stroke: "url(#cyl)", "stroke-width": 10 }) +
    engrave(dropD(cx, top + h * 0.12, w * 0.74, h * 0.8), 2) +
    engrave(flowerD(cx, c, w * 0.24, 8) + crescentD(cx - w * 0.06, top + h * 0.38, w * 0.1), 2) +
    beads(ringPoints(cx, c, w * 0.43, w * 0.43, 11, 0.15, Math.PI - 0.15), 4.5) +
    beads(
      [
        [cx - w * 0.22, bottom + 4],
        [cx, bottom + 14],
        [cx + w * 0.22, bottom + 4],
      ],
      9,
    )
  );
}

function earrings(rand: Rng): Art {
  const tilts = [-4 - rand() * 6, 3 + rand() * 6];
  // Each hangs from y = -330; the pair is shifted down so it is centred on the origin.
  const pair = (one: string) =>
    tilts.map((t, i) => group(`translate(${i ? 170 : -170},200) rotate(${fmt(t)},0,-330)`, one));
  const hook = `M${P(-2, -330)}C${P(-2, -420)} ${P(78, -430)} ${P(80, -360)}L${P(80, -300)}`;
  const earring =
    line(hook, "url(#cyl)", 8) +
    beads([[0, -318]], 18) +
    ellipse(0, -290, 9, 14, "none", { stroke: "url(#cyl)", "stroke-width": 5 }) +
    ornamentDrop(0, -276, 200, 290);
  const silhouette = pair(el("path", { d: dropD(0, -300, 200, 330) })).join("");
  const svg = pair(earring).join("");
  return { svg, silhouette, stance: "flat", halfWidth: 300, height: 480, focus: [170, 60] };
}

function necklace(): Art {
  const [rx, ry, cy] = [340, 220, -190];
  // A loop lying on the surface, pulled into a slight V by the pendant's weight.
  const at = (u: number): Pt => {
    const sag = 50 * Math.max(0, -Math.cos(u)) ** 4;
    return [rx * Math.sin(u), cy - ry * Math.cos(u) + sag];
  };
  let links = "";
  for (let i = 0; i < 56; i++) {
    const u = (i / 56) * Math.PI * 2;
    if (Math.abs(u - Math.PI) < 0.06) continue; // the pendant's bail hangs here
    const [[x, y], [x2, y2]] = [at(u), at(u + 0.01)];
    const angle = (Math.atan2(y2 - y, x2 - x) * 180) / Math.PI;
    // Alternate links lie flat (an open oval) and on edge (a thin bar).
    const link =
      i % 2
        ? ellipse(0, 0, 21, 5, "url(#cyl)")
        : ellipse(0, 0, 22, 12, "none", { stroke: "url(#cyl)", "stroke-width": 6.5 });
    links += group(`translate(${P(x, y)}) rotate(${fmt(angle)})`, link);
  }
  const bailY = cy + ry + 50;
  const pendant =
    ellipse(0, bailY + 8, 12, 22, "none", { stroke: "url(#cyl)", "stroke-width": 7 }) +
    ornamentDrop(0, bailY + 30, 190, 280);
  // The chain's silhouette is a narrow band along the loop: outer edge, then inner edge reversed.
  const loop = Array.from({ length: 73 }, (_, i) => at((i / 72) * Math.PI * 2));
  const offset = (g: number) =>
    loop.map(([x, y]): Pt => [x * (1 + g / rx), cy + (y - cy) * (1 + g / ry)]);
  const chain = polyD([...offset(10), ...offset(-10).reverse()]);
  const silhouette = el("path", { d: chain + dropD(0, bailY, 190, 310) });
  const size = { halfWidth: rx + 20, height: 2 * ry + 380 };
  return { svg: links + pendant, silhouette, stance: "flat", ...size, focus: [0, bailY + 170] };
}

function brooch(): Art {
  const outline = { stroke: "url(#ink)", "stroke-opacity": 0.4, "stroke-width": 2 };
  const face =
    onCircle(262, 18)
      .map(([x, y]) => circle(x, y, 40, "url(#dome)", outline))
      .join("") +
    circle(0, 0, 262, "url(#dome)") +
    beads(onCircle(236, 36), 8) +
    circle(0, 0, 210, "url(#face)", outline) +
    engrave(ellipseD(0, 0, 190, 190), 2) +
    radially(150, 12, engrave(flowerD(0, 0, 26, 2), 2), 90) +
    path(flowerD(0, 0, 110, 8), "url(#dome)", outline) +
    engrave(flowerD(0, 0, 70, 8), 2) +
    circle(0, 0, 30, "url(#dome)");
  // Squashed a little: a disc lying on the surface, seen from the camera.
  const svg = group("scale(1,0.9)", face);
  const silhouette = el("ellipse", { cx: 0, cy: 0, rx: 300, ry: 270 });
  return { svg, silhouette, stance: "flat", halfWidth: 310, height: 560 };
}

/** Tepak: the lidded betel-nut box on four feet, offered to guests at Palembang ceremonies. */
function tepak(): Art {
  const [x0, x1, yb, yt, D] = [-290, 240, -70, -280, 230];
  const [mx, my] = [(x0 + x1) / 2, (yb + yt) / 2];
  const footShape = vessel(pts("26 -72, 34 -50, 18 -22, 30 0"), 0.3);
  const feet = (z: number) =>
    [x0 + 40, x1 - 40].map((x) => group(`translate(${P(...proj(x, 0, z))})`, footShape)).join("");
  const front =
    engrave(frameD(x0, x1, yt, yb, 20)) +
    dots(along([x0 + 46, yt + 38], [x1 - 46, yt + 38], 22), 3) +
    engrave(flowerD(mx, my, 58, 8) + ellipseD(mx, my, 78, 78)) +
    beads(ringPoints(mx, my, 92, 92, 20), 4.5) +
    engrave(crescentD(x0 + 90, my + 10, 34)) +
    group(`translate(${fmt(x1 - 90)},0) scale(-1,1)`, engrave(crescentD(0, my + 10, 34)));
  const side = onSide(x1, engrave(flowerD(D / 2, my, 44, 6) + frameD(0, D, yt, yb, 18)));
  // The lid: a deep rim, then a truncated pyramid rising to a flat top.
  const [lidB, lidT, lidTop] = [yt + 6, yt - 34, yt - 130];
  const shoots = along([x0 + 34, lidT - 6], [x1 - 10, lidT - 6], 9).map(([x, y]) =>
    rebungD(x, y, 40, 58),
  );
  const lid =
    block(x0 - 14, x1 + 14, lidB, lidT, -14, D + 14) +
    block(x0 - 14, x1 + 14, lidT, lidTop, -14, D + 14, 48) +
    engrave(shoots.join("")) +
    dots(along([x0 - 2, (lidB + lidT) / 2], [x1 + 2, (lidB + lidT) / 2], 28), 3.5) +
    onTop(lidTop, engrave(flowerD(mx, D / 2, 70, 8) + ellipseD(mx, D / 2, 120, 62)));
  const svg = feet(D - 30) + block(x0, x1, yb, yt, 0, D) + side + front + feet(30) + lid;
  return { svg, stance: "stand", halfWidth: 380, height: 500, base: 340 };
}

function tray(): Art {
  const [rx, k, h] = [470, 0.38, 26];
  const [ry, cy] = [rx * k, -(rx * k + h)];
  const medallion =
    engrave(ellipseD(0, 0, 380, 380), 3) +
    radially(380, 28, engrave(rebungD(0, 0, 70, 48)), -90) +
    dots(onCircle(300, 60), 5) +
    radially(240, 8, engrave(crescentD(0, 0, 30))) +
    engrave(ellipseD(0, 0, 170, 170) + flowerD(0, 0, 150, 8) + flowerD(0, 0, 70, 8));
  const dish = { stroke: "url(#ink)", "stroke-width": 3, "stroke-opacity": 0.35 };
  const svg =
    vessel(
      [
        [rx, cy],
        [rx - 18, cy + h],
      ],
      k,
    ) +
    ellipse(0, cy, rx, ry, "url(#top)") +
    ellipse(0, cy + 8, rx - 34, (rx - 34) * k, "url(#face)", dish) +
    // Drawn as circles and squashed by the tilt, so the engraving lies in the tray's plane.
    group(`translate(0,${fmt(cy + 8)}) scale(1,${k})`, medallion) +
    beads(ringPoints(0, cy, rx - 16, ry - 16 * k, 64), 5);
  return { svg, stance: "stand", halfWidth: rx, height: ry * 2 + h, base: rx * 0.95 };
}

function bowl(): Art {
  const [k, r, top] = [0.3, 330, -280];
  const glint = `M${P(-310, -274)}A310 93 0 0 0 ${P(99, -191)}`; // light caught along the rim
  const svg =
    vessel(pts("330 -280, 318 -210, 270 -110, 170 -35, 126 -22"), k) +
    drum(128, -22, 22, k) + // the foot ring
    ornamentBand(316, top + 36, k, 17, 40) +
    mouth(r, top, k, 16) +
    line(glint, "url(#glint)", 6, { opacity: 0.6 });
  return { svg, stance: "stand", halfWidth: r, height: -top + r * k, base: 140 };
}

function tissueBox(): Art {
  const [x0, x1, yb, yt, D] = [-320, 320, 0, -280, 300];
  // Staggered rows of pierced holes, quatrefoils alternating with round ones, in a w × h panel.
  const pierced = (x: number, y: number, cols: number, rows: number, w: number, h: number) => {
    let holes = "";
    for (let j = 0; j < rows; j++)
      for (let i = 0; i < cols - (j % 2); i++) {
        const [cx, cy] = [x + ((i + 0.5 + (j % 2) / 2) * w) / cols, y + ((j + 0.5) * h) / rows];
        holes += j % 2 ? ellipseD(cx, cy, 6, 6) : flowerD(cx, cy, 13, 4);
      }
    return path(holes, "url(#ink)", { opacity: 0.85 });
  };
  const [tx, ty] = proj(0, yt, D / 2);
  const tissue = // a soft fold of paper standing out of the slot
    `M${P(tx - 90, ty + 6)}C${P(tx - 70, ty - 80)} ${P(tx - 20, ty - 130)} ${P(tx + 20, ty - 170)}` +
    `C${P(tx + 30, ty - 120)} ${P(tx + 70, ty - 90)} ${P(tx + 110, ty - 96)}` +
    `C${P(tx + 70, ty - 50)} ${P(tx + 80, ty - 10)} ${P(tx + 90, ty + 2)}Z`;
  const slot = frameD(-170, 170, D / 2 - 24, D / 2 + 24, 0);
  const svg =
    block(x0, x1, yb, yt, 0, D) +
    onTop(yt, path(slot, "url(#ink)", { opacity: 0.9 }) + engrave(frameD(x0, x1, 0, D, 24))) +
    path(tissue, "url(#tissue)", { stroke: "#c9c9c9", "stroke-width": 1.5 }) +
    engrave(frameD(x0, x1, yt, yb, 22)) +
    pierced(x0 + 50, yt + 50, 12, 5, x1 - x0 - 100, yb - yt - 100) +
    onSide(x1, engrave(frameD(0, D, yt, yb, 22)) + pierced(50, yt + 50, 5, 5, D - 100, 180));
  return { svg, stance: "stand", halfWidth: 420, height: 560, base: 400 };
}

function wallHanging(): Art {
  const R = 330;
  // Raised work: the shape lit like a dome, over its own shadow on the plaque.
  const relief = (d: string) =>
    path(d, "url(#ink)", { opacity: 0.45, transform: "translate(5,7)" }) +
    path(d, "url(#dome)", { stroke: "url(#ink)", "stroke-opacity": 0.3 });
  const svg =
    line("M-200,-250L0,-520L200,-250", "#5b3a29", 6) + // the hanging cord, over a nail
    circle(0, -524, 9, "#4a4038") +
    circle(0, 0, R, "url(#dome)") +
    circle(0, 0, R - 22, "url(#side)") +
    circle(0, 0, R - 30, "url(#face)") +
    radially(R - 40, 32, engrave(rebungD(0, 0, 56, 40)), 90) +
    dots(onCircle(R - 96, 64), 4) +
    radially(175, 12, relief("M-34,0Q0,-22 34,0Q0,22 -34,0Z")) +
    relief(flowerD(0, 0, 120, 8) + ellipseD(0, 0, 34, 34)) +
    radially(225, 4, relief(crescentD(0, 0, 26)), 0, 45);
  const silhouette = el("circle", { cx: 0, cy: 0, r: R });
  return { svg, silhouette, stance: "wall", halfWidth: R, height: 2 * R + 200 };
}

function vase(): Art {
  const k = 0.22;
  const profile = "100 -660, 88 -640, 68 -590, 74 -540, 150 -470, 212 -380, 222 -300, 190 -180";
  const motif = (i: number) => engrave(i % 2 ? crescentD(0, 0, 14) : flowerD(0, 0, 24, 5), 2);
  const svg =
    vessel(pts(`${profile}, 130 -70, 104 -34, 120 -12, 124 0`), k) +
    engrave(bandD(72, -560, k) + bandD(108, -36, k)) +
    ornamentBand(220, -330, k, 15, 56) +
    around(205, -230, k, 11, motif) +
    mouth(100, -660, k, 14);
  return { svg, stance: "stand", halfWidth: 230, height: 690, base: 120 };
}

/** Rantang: a stacked food carrier, its tiers held by a frame with a carrying handle. */
function rantang(): Art {
  const [r, k, tier, n] = [190, 0.26, 120, 4];
  const [topY, barTop] = [-n * tier, -n * tier - 120];
  let stack = "";
  let clips = "";
  for (let i = 1; i <= n; i++) {
    const y = -i * tier;
    stack += drum(r, y, tier - 4, k) + drum(r + 7, y, 14, k);
    stack += engrave(bandD(r, y + tier - 8, k) + flowerD(0, y + tier / 2 + r * k, 22, 6), 2);
    for (const x of [-r - 14, r + 14])
      clips += rect(x - 20, y + 18, 40, 24, "url(#face)", { rx: 5 });
  }
  const bars = [-r - 14, r + 14].map((x) => rect(x - 13, barTop, 26, -barTop - 30, "url(#cyl)"));
  const handle = `M${P(-r - 14, barTop + 10)}C${P(-r + 40, barTop - 130)} ${P(r - 40, barTop - 130)} ${P(r + 14, barTop + 10)}`;
  const svg =
    stack +
    ellipse(0, topY, r + 7, (r + 7) * k, "url(#top)") +
    domeLid(r * 0.9, topY - 4, k, 26) +
    bars.join("") +
    clips +
    rect(-r - 24, barTop - 6, 2 * r + 48, 18, "url(#face)", { rx: 8 }) +
    line(handle, "url(#cyl)", 20);
  return { svg, stance: "stand", halfWidth: r + 40, height: -barTop + 110, base: r };
}

/** Dandang: the tall, tapering rice-steaming pot. */
function dandang(): Art {
  const k = 0.24;
  const profile =
    "170 -560, 158 -548, 150 -520, 160 -470, 190 -380, 222 -240, 240 -110, 244 -30, 236 0";
  const svg =
    vessel(pts(profile), k) +
    engrave(bandD(150, -520, k) + bandD(224, -230, k) + bandD(242, -40, k), 2) +
    handles(178, -420, 80) +
    domeLid(170, -560, k, 80);
  return { svg, stance: "stand", halfWidth: 260, height: 720, base: 240 };
}

/** Kukusan: a two-tier steamer; the top tier is open to show its perforated plate. */
function kukusan(): Art {
  const [k, r, lowTop, top] = [0.34, 230, -200, -360];
  const lip = r - 18;
  const holes = [1, 2, 3, 4].flatMap((i) => onCircle(i * 44, i * 8));
  // The plate sits below the rim, so it is clipped to the mouth: the front wall hides the rest.
  const plate = group(
    `translate(0,${fmt(top + 45)}) scale(1,${k})`,
    circle(0, 0, lip, "url(#face)") + dots(holes, 9),
  );
  const clip = `<clipPath id="mouth">${ellipse(0, top + 7 * k, lip, lip * k, "#000")}</clipPath>`;
  const svg =
    vessel(pts(`${r} ${lowTop}, ${r + 12} ${lowTop + 90}, ${r} -20, ${r - 14} 0`), k) +
    handles(r + 6, lowTop + 70, 64) +
    drum(r - 4, top, lowTop + 14 - top, k) +
    drum(r + 6, lowTop - 6, 16, k) +
    engrave(bandD(r - 4, top + 40, k), 2) +
    around(r - 4, top + 95, k, 36, () => circle(0, 0, 5, "url(#ink)", { opacity: 0.75 })) +
    handles(r, top + 50, 56) +
    mouth(r - 4, top, k, 14) +
    clip +
    el("g", { "clip-path": "url(#mouth)" }, plate);
  return { svg, stance: "stand", halfWidth: r + 70, height: -top + r * k + 10, base: r };
}

/** Wajan: a wok with two ear handles. */
function pan(): Art {
  const [r, k, top] = [420, 0.34, -280];
  const svg =
    handles(r - 8, top + 4, 90) +
    vessel(pts("420 -280, 405 -210, 350 -120, 240 -50, 110 -12, 80 0"), k) +
    ellipse(0, top, r, r * k, "url(#top)") +
    ellipse(0, top + 6, r - 14, (r - 14) * k, "url(#inner)") +
    ellipse(0, top + 40, 190, 60, "url(#dome)", { opacity: 0.5 }); // centre worn bright by use
  return { svg, stance: "stand", halfWidth: r + 80, height: -top + r * k, base: 90 };
}

/** Teko: a kettle with a side handle and a rising spout. */
function kettle(): Art {
  const k = 0.25;
  const spout = "M205,-95C330,-110 380,-250 442,-372L404,-392C350,-280 300,-235 212,-265Z";
  const handle = "M-150,-400C-340,-420 -360,-180 -226,-130";
  const motif = (i: number) => engrave(i % 2 ? flowerD(0, 0, 30, 6) : flowerD(0, 0, 16, 4), 2);
  const svg =
    line(handle, "url(#ink)", 34, { opacity: 0.35, transform: "translate(6,6)" }) +
    line(handle, "url(#cyl)", 30) +
    path(spout, "url(#face)") + // the diagonal gradient runs across the spout: it reads as a tube
    ellipse(423, -382, 21, 8, "url(#inner)", { transform: "rotate(-28,423,-382)" }) +
    vessel(pts("120 -420, 170 -390, 220 -320, 244 -210, 236 -90, 214 -14, 204 0"), k) +
    engrave(bandD(236, -90, k), 2) +
    around(240, -250, k, 9, motif) +
    domeLid(120, -420, k, 70);
  return { svg, stance: "stand", halfWidth: 400, height: 540, base: 210 };
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

// --------------------------------------------------------------------------------------- scene

/** Domes catch the key light above and to the left of centre. */
const KEY_LIGHT = { cx: 0.42, cy: 0.38, r: 0.7, fx: 0.32, fy: 0.26 };

/** The shared gradients every object paints with, in the colours of its metal. */
function metalDefs(p: Palette): string {
  return (
    linear(
      "cyl",
      "edge 0, mid .1, light .27, hi .35, light .44, mid .66, deep .88, edge 1",
      {},
      p,
    ) +
    linear("top", "edge 0, light .55, hi 1", VERTICAL, p) +
    linear("face", "light 0, mid .32, light .5, hi .56, light .64, edge 1", DIAGONAL, p) +
    linear("side", "mid 0, deep 1", {}, p) +
    linear("inner", "deep 0, edge .55, mid 1", VERTICAL, p) +
    radial("dome", "hi 0, light .22, mid .6, edge .88, deep 1", KEY_LIGHT, p) +
    linear("shade", "#fff 0 .3, #fff .3 0, #000 .75 .04, #000 1 .28", VERTICAL) +
    radial("gem", "#ff9c8c 0, #b3202c .35, #4d0610 1", { cx: 0.4, cy: 0.35, r: 0.7 }) +
    linear("tissue", "#fff 0, #f1f1ef .6, #d4d4d0 1", DIAGONAL) +
    // Solid colours as user-space gradients, so motifs can refer to them by id like the rest.
    linear("ink", "deep 0", USER_SPACE, p) +
    linear("glint", "hi 0", USER_SPACE, p) +
    // A radial gradient makes a soft floor shadow far more cheaply than a blur filter.
    radial("shadow", "#1d140c 0 .55, #1d140c .45 .3, #1d140c 1 0")
  );
}

/**
 * Soft shadow cast by a flat or wall object: its silhouette stacked under widening, translucent
 * outlines, which looks like a blur without the cost of a filter.
 */
function castShadow(silhouette: string): string {
  const paint = {
    fill: "#1d140c",
    stroke: "#1d140c",
    "fill-opacity": 0.06,
    "stroke-opacity": 0.06,
  };
  const layer = (w: number) =>
    el("g", { ...paint, "stroke-width": w, "stroke-linejoin": "round" }, silhouette);
  return group("translate(12,20)", [46, 36, 26, 17, 9, 2].map(layer).join(""));
}

/** Seamless paper sweep: the wall fading into the floor, a pool of light behind the object. */
const sweep = (bg: Backdrop): string =>
  linear("bg", `${bg.top} 0, ${bg.top} .62, ${bg.bottom} 1`, VERTICAL) +
  radial("glow", "#fff 0 .4, #fff 1 0", { cx: 800, cy: 560, r: 760, ...USER_SPACE }) +
  rect(0, 0, 1600, 1200, "url(#bg)") +
  rect(0, 0, 1600, 1200, "url(#glow)");

/** Wood grain: lines that spread out toward the camera, which sells the perspective. */
function woodGrain(horizon: number, rand: Rng): string {
  const depth = 1200 - horizon;
  let grain = "";
  for (let i = 0; i < 22; i++) {
    const [y, a] = [horizon + depth * ((i + rand()) / 22) ** 1.4, (rand() - 0.5) * 30];
    const d = `M-10,${fmt(y)}C400,${fmt(y + a)} 900,${fmt(y - a)} 1610,${fmt(y + a * 0.3)}`;
    const colour = rand() < 0.7 ? "#3d200e" : "#e0b07e";
    grain += line(d, colour, 1 + rand() * 5, { opacity: 0.08 + rand() * 0.14 });
  }
  for (const f of [0.3, 0.62]) {
    grain += rect(0, horizon + depth * f ** 1.4, 1600, 3, "#2b150a", { opacity: 0.35 }); // seams
  }
  return grain;
}

/** Songket, Palembang's gold-thread weaving: gold lozenges on maroon, foreshortened. */
function songket(horizon: number): string {
  const gold = "#d6b25a";
  const lozenge =
    path("M32,4L52,20L32,36L12,20Z", "none", { stroke: gold, "stroke-width": 2, opacity: 0.5 }) +
    circle(32, 20, 4, gold, { opacity: 0.6 });
  const tile = { width: 64, height: 40, patternUnits: "userSpaceOnUse" };
  const lying = `translate(0,${horizon}) scale(1,0.6)`;
  return (
    el("pattern", { id: "songket", ...tile, patternTransform: lying }, lozenge) +
    rect(0, horizon, 1600, 1200 - horizon, "url(#songket)") +
    rect(0, 1090, 1600, 28, "#c9a24a", { opacity: 0.55 })
  );
}

/**
 * A wooden table top or a songket cloth below a plain wall from `horizon` down, or filling the
 * whole frame (horizon 0) for a flat lay.
 */
function surface(bg: Backdrop, kind: "wood" | "songket", horizon: number, rand: Rng): string {
  const depth = 1200 - horizon;
  const wall = rect(0, 0, 1600, horizon, "url(#bg)") + rect(0, horizon, 1600, 60, "url(#edge)");
  return (
    linear("bg", `${bg.top} 0, ${bg.bottom} 1`, VERTICAL) +
    linear("wood", "#6a4124 0, #a8744b 1", VERTICAL) +
    linear("cloth", "#5a171c 0, #8c2a30 1", VERTICAL) +
    linear("edge", "#000 0 .3, #000 1 0", VERTICAL) +
    radial("pool", "#fff4e0 0 .22, #fff4e0 1 0", {
      cx: 760,
      cy: horizon + 260,
      r: 700,
      ...USER_SPACE,
    }) +
    rect(0, horizon, 1600, depth, kind === "wood" ? "url(#wood)" : "url(#cloth)") +
    (kind === "wood" ? woodGrain(horizon, rand) : songket(horizon)) +
    (horizon > 0 ? wall : "") +
    rect(0, horizon, 1600, depth, "url(#pool)") // key light pooling on the surface
  );
}

export type ProductArtInput = {
  art: ArtKind;
  metal: SeedMetal;
  variant: number;
  seed: string;
  width?: number;
  height?: number;
};

/**
 * A product "photo" as a complete SVG document (default 1600×1200). The same input always gives
 * the same picture: `seed` picks the backdrop and details, `variant` 0–3 the shot: 0 front view
 * on a paper sweep, 1 closer on wood or songket, 2 close-up detail, 3 smaller and off-centre.
 */
export function productArtSvg(input: ProductArtInput): string {
  const h = hash(input.seed);
  const v = ((Math.trunc(input.variant) % 4) + 4) % 4;
  const rand = rng(h ^ Math.imul(v + 1, 0x9e3779b1));
  const art = KINDS[input.art](rng(h));
  const bg = BACKDROPS[(h + (v === 3 ? 1 : v)) % BACKDROPS.length] ?? LINEN;
  const stand = art.stance === "stand";
  const onSurface = (v === 1 || v === 3) && art.stance !== "wall";

  // Fit the object into a comfortable part of the frame, then frame it per variant.
  const [maxH, maxW] = stand ? [660, 560] : [820, 620];
  const fit = Math.min(maxH / art.height, maxW / art.halfWidth);
  const s = fit * (v === 1 ? 1.1 : v === 2 ? 1.7 : v === 3 ? 0.92 : 1);
  let tx = 800 + (v === 3 ? (h % 2 ? 150 : -150) : 0);
  let ty = stand ? (onSurface ? 990 : 960) : 600;
  if (v === 2) {
    const fallback: Pt = [(rand() - 0.5) * art.halfWidth * 0.6, -art.height * (stand ? 0.6 : 0.15)];
    const [fx, fy] = art.focus ?? fallback;
    [tx, ty] = [800 - fx * s, 600 - fy * s];
  }
  const tilt = art.stance === "flat" && v !== 0 ? (rand() - 0.5) * 18 : 0;

  const b = art.base ?? 0;
  const shadow = art.silhouette
    ? castShadow(art.silhouette)
    : ellipse(b * 0.15, -2, b * 1.45, b * 0.24 + 30, "url(#shadow)", { opacity: 0.55 }) +
      ellipse(b * 0.05, -2, b * 1.05, b * 0.07 + 12, "url(#shadow)");
  // Kitchenware stands on a wooden table; the other pieces alternate between wood and songket.
  const material = input.metal === "ALUMINIUM" || ((h + v) >> 1) % 2 ? "wood" : "songket";
  const scene = onSurface ? surface(bg, material, stand ? 600 : 0, rand) : sweep(bg);
  const vignette =
    radial("vig", "#000 .55 0, #000 1 .3", { cx: 0.5, cy: 0.45, r: 0.75 }) +
    rect(0, 0, 1600, 1200, "url(#vig)");
  const object = group(
    `translate(${P(tx, ty)}) scale(${fmt(s)}) rotate(${fmt(tilt)})`,
    shadow + art.svg,
  );

  const size = `width="${input.width ?? 1600}" height="${input.height ?? 1200}"`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" ${size} viewBox="0 0 1600 1200" preserveAspectRatio="xMidYMid slice">` +
    `<defs>${metalDefs(METALS[input.metal])}</defs>${scene}${object}${vignette}</svg>`
  );
}
