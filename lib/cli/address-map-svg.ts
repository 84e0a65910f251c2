/**
 * SVG map of a fleet's address space, made to answer "where is my address space going, and
 * what is close to full" at a glance:
 *   1. "Closest to full": every range the capacity plan sizes (vSwitches, pod CIDRs), fullest
 *      first, as gauges of demand at the pools' planned maximum against what the range holds.
 *   2. One bar per pool (and per private block holding ranges given outside the pools) and one
 *      per VPC. Bars use a log scale per block: every allocated range and every free gap gets a
 *      width that grows with the logarithm of its size, so a /24 next to a /15 stays readable.
 *      Ranges with a fill show it as the dark part of their block; labels give true sizes.
 *   3. Each hybrid link: data centre, link, VPC, and the routes the plan puts in each table.
 * Pure string output.
 */
import { AddressSpace, MapLink, MapRange, MapSpan, RangeRole, usedAddresses } from "./address-space";

export const ROLE_COLORS: Record<RangeRole, string> = {
  [RangeRole.VPC]: "#a0cbe8",
  [RangeRole.NODE_VSWITCH]: "#4e79a7",
  [RangeRole.POD_VSWITCH]: "#59a14f",
  [RangeRole.POD]: "#f28e2b",
  [RangeRole.SERVICE]: "#b07aa1",
  [RangeRole.EDGE_POD]: "#e15759",
  [RangeRole.DATA_CENTER]: "#9c755f",
  [RangeRole.HELD]: "#bab0ac",
};

/** Fill at or above which a range counts as close to full, and as over capacity. */
export const CLOSE_TO_FULL = 0.8;
const FULL = 1;

const WIDTH = 1200;
const MARGIN = 24;
const LABEL_W = 430;
const BAR_X = MARGIN + LABEL_W + 16;
const BAR_W = WIDTH - MARGIN - BAR_X;
const ROW_H = 20;
const MAX_ROWS = 30;
const MAX_VPCS = 20;
const MAX_GAUGES = 8;
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace";
const FREE = "#eef0f3";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmt = (n: bigint | number) => (typeof n === "number" ? Math.round(n) : n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/** 1,048,576 -> "1M", 32,512 -> "32K". */
function compact(n: bigint): string {
  const units: Array<[bigint, string]> = [[1n << 40n, "T"], [1n << 30n, "G"], [1n << 20n, "M"], [1n << 10n, "K"]];
  for (const [u, s] of units) if (n >= u) return `${n / u}${s}`;
  return n.toString();
}

function fraction(n: bigint, d: bigint): number {
  return d === 0n ? 0 : Number((n * 1_000_000n) / d) / 1_000_000;
}

function fillRatio(r: MapRange): number | undefined {
  return r.fill ? r.fill.demand / Math.max(1, r.fill.usable) : undefined;
}

function fillColor(ratio: number): string {
  return ratio >= FULL ? "#cf222e" : ratio >= CLOSE_TO_FULL ? "#bf8700" : "#1a7f37";
}

function fillText(r: MapRange): string {
  const ratio = fillRatio(r);
  if (!r.fill || ratio === undefined) return "";
  const word = ratio >= FULL ? "over capacity" : ratio >= CLOSE_TO_FULL ? "close to full" : "at planned max";
  return `${fmt(r.fill.demand)} / ${fmt(r.fill.usable)} ${r.fill.unit} ${word} (${(ratio * 100).toFixed(0)}%)`;
}

/** A piece of a bar: an allocated stretch (covered by ranges) or a free gap. */
interface Segment {
  readonly start: bigint;
  readonly end: bigint;
  readonly free: boolean;
  x: number;
  w: number;
}

/**
 * The log scale of one span: the span is cut into allocated stretches and free gaps, each gets
 * a width proportional to log2(size) + 2, and addresses are placed linearly inside their piece.
 */
class LogScale {
  readonly segments: Segment[] = [];

  constructor(span: MapSpan, x0: number, w: number) {
    const covered: Array<{ start: bigint; end: bigint }> = [];
    for (const r of [...span.ranges].sort((a, b) => (a.cidr.start < b.cidr.start ? -1 : a.cidr.start > b.cidr.start ? 1 : 0))) {
      const start = r.cidr.start < span.cidr.start ? span.cidr.start : r.cidr.start;
      const end = r.cidr.end > span.cidr.end ? span.cidr.end : r.cidr.end;
      if (start > end) continue;
      const last = covered[covered.length - 1];
      // Only overlapping ranges merge; neighbours that merely touch keep their own widths.
      if (last && start <= last.end) {
        if (end > last.end) last.end = end;
      } else covered.push({ start, end });
    }
    let at = span.cidr.start;
    const pieces: Array<{ start: bigint; end: bigint; free: boolean }> = [];
    for (const c of covered) {
      if (c.start > at) pieces.push({ start: at, end: c.start - 1n, free: true });
      pieces.push({ ...c, free: false });
      at = c.end + 1n;
    }
    if (at <= span.cidr.end) pieces.push({ start: at, end: span.cidr.end, free: true });
    const weight = (p: { start: bigint; end: bigint }) => Math.log2(Number(p.end - p.start + 1n)) + 2;
    const total = pieces.reduce((s, p) => s + weight(p), 0);
    let x = x0;
    for (const p of pieces) {
      const pw = (weight(p) / total) * w;
      this.segments.push({ ...p, x, w: pw });
      x += pw;
    }
  }

  /** x of an address (end + 1 of the span maps to the bar's right edge). */
  x(address: bigint): number {
    for (const s of this.segments) {
      if (address >= s.start && address <= s.end + 1n) return s.x + fraction(address - s.start, s.end - s.start + 1n) * s.w;
    }
    const last = this.segments[this.segments.length - 1];
    return last ? last.x + last.w : 0;
  }

  place(r: MapRange): { x: number; w: number } {
    const x = this.x(r.cidr.start);
    return { x, w: Math.max(2, this.x(r.cidr.end + 1n) - x) };
  }
}

class Canvas {
  readonly parts: string[] = [];
  y = MARGIN;

  text(x: number, y: number, s: string, opts: { size?: number; weight?: string; fill?: string; anchor?: string; mono?: boolean } = {}): void {
    this.parts.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${opts.mono ? MONO : FONT}" font-size="${opts.size ?? 12}"${opts.weight ? ` font-weight="${opts.weight}"` : ""} fill="${opts.fill ?? "#1f2328"}"${opts.anchor ? ` text-anchor="${opts.anchor}"` : ""}>${esc(s)}</text>`);
  }

  rect(x: number, y: number, w: number, h: number, fill: string, extra = "", title?: string): void {
    const t = title ? `<title>${esc(title)}</title>` : "";
    this.parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h}" fill="${fill}"${extra}>${t}</rect>`);
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke = "#8c959f", extra = ""): void {
    this.parts.push(`<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${stroke}"${extra}/>`);
  }
}

function describe(r: MapRange): string {
  const fill = fillText(r);
  return `${r.owner} ${r.role}${r.zone ? ` ${r.zone}` : ""} ${r.cidr} (${fmt(r.cidr.size)} addresses, ${r.source})${fill ? `; ${fill}` : ""}`;
}

/** A range's block: its colour, lighter where unused when the range has a fill. */
function block(c: Canvas, scale: LogScale, r: MapRange, y: number, h: number): void {
  const p = scale.place(r);
  const edge = r.role === RangeRole.HELD ? ` stroke="#7f7f7f" stroke-dasharray="3 2"` : p.w >= 6 ? ` stroke="#ffffff" stroke-width="1"` : "";
  const ratio = fillRatio(r);
  if (ratio === undefined) {
    c.rect(p.x, y, p.w, h, ROLE_COLORS[r.role], `${edge} rx="1"`, describe(r));
    return;
  }
  c.rect(p.x, y, p.w, h, ROLE_COLORS[r.role], `${edge} fill-opacity="0.35" rx="1"`, describe(r));
  const fw = Math.min(1, ratio) * p.w;
  if (fw > 0) c.rect(p.x, y, fw, h, ROLE_COLORS[r.role], ` rx="1"`, describe(r));
  if (ratio >= CLOSE_TO_FULL) c.rect(p.x, y, p.w, h, "none", ` stroke="${fillColor(ratio)}" stroke-width="2" rx="1"`);
}

function spanSummary(span: MapSpan, kind: "pool" | "given" | "vpc"): string {
  const used = usedAddresses(span);
  const pct = (fraction(used, span.cidr.size) * 100).toFixed(used > 0n && used * 1000n < span.cidr.size ? 2 : 1);
  const n = span.ranges.length;
  const ranges = `${n} range${n === 1 ? "" : "s"}`;
  if (kind === "given") return `${ranges} given outside the pools (bar: the private block holding them)`;
  if (kind === "pool") return `${fmt(span.cidr.size)} addresses; ${pct}% allocated to ${ranges}`;
  const fullest = span.ranges.filter((r) => r.fill).sort((a, b) => (fillRatio(b) ?? 0) - (fillRatio(a) ?? 0))[0];
  const carved = `${fmt(span.cidr.size)} addresses; ${pct}% carved into ${n} vSwitch${n === 1 ? "" : "es"}`;
  return fullest ? `${carved}; fullest ${((fillRatio(fullest) ?? 0) * 100).toFixed(0)}%` : carved;
}

function drawSpan(c: Canvas, span: MapSpan, kind: "pool" | "given" | "vpc"): void {
  const scale = new LogScale(span, BAR_X, BAR_W);
  c.y += 8;
  c.text(MARGIN, c.y + 13, span.title, { size: 13, weight: "bold" });
  c.text(MARGIN, c.y + 29, spanSummary(span, kind), { size: 11, fill: "#57606a" });
  const barH = 24;
  c.rect(BAR_X, c.y + 4, BAR_W, barH, FREE, ` stroke="#c7ccd1" rx="2"`, `${span.title}: ${fmt(span.cidr.size)} addresses`);
  for (const s of scale.segments) {
    if (!s.free) continue;
    const size = s.end - s.start + 1n;
    if (s.w > 70) c.text(s.x + s.w / 2, c.y + 20, `free ${compact(size)}`, { size: 10, fill: "#6e7781", anchor: "middle" });
    c.line(s.x, c.y + 4, s.x, c.y + 4 + barH, "#c7ccd1");
  }
  for (const r of span.ranges) block(c, scale, r, c.y + 6, barH - 4);
  if (kind === "vpc") {
    for (const r of span.ranges) {
      const p = scale.place(r);
      const full = r.zone ?? r.owner;
      const short = full.slice(full.lastIndexOf("-") + 1);
      const label = [`${full} /${r.cidr.prefix}`, full, `${short} /${r.cidr.prefix}`, short].find((l) => p.w > l.length * 6.8 + 8);
      const onLight = fillRatio(r) !== undefined && (fillRatio(r) ?? 0) < 0.5;
      if (label) c.text(p.x + p.w / 2, c.y + 20, label, { size: 11, fill: onLight ? "#1f2328" : "#ffffff", anchor: "middle", weight: "bold" });
    }
  }
  c.text(BAR_X, c.y + 42, span.cidr.firstAddress, { size: 10, fill: "#57606a", mono: true });
  c.text(BAR_X + BAR_W, c.y + 42, span.cidr.lastAddress, { size: 10, fill: "#57606a", mono: true, anchor: "end" });
  c.y += 48;
  const shown = span.ranges.slice(0, MAX_ROWS);
  for (const r of shown) {
    c.rect(MARGIN, c.y + 5, 10, 10, ROLE_COLORS[r.role], r.role === RangeRole.HELD ? ` stroke="#7f7f7f" stroke-dasharray="2 1"` : "");
    const what = r.role === RangeRole.NODE_VSWITCH || r.role === RangeRole.POD_VSWITCH ? `${r.role} ${r.zone ?? ""}` : `${r.owner} · ${r.role}`;
    c.text(MARGIN + 16, c.y + 14, what, { size: 12 });
    c.text(MARGIN + LABEL_W - 50, c.y + 14, r.cidr.toString(), { size: 11, mono: true, anchor: "end", fill: "#24292f" });
    c.text(MARGIN + LABEL_W, c.y + 14, r.source, { size: 10, anchor: "end", fill: "#6e7781" });
    c.rect(BAR_X, c.y + 6, BAR_W, 8, "#f3f4f6", ` rx="1"`);
    block(c, scale, r, c.y + 4, 12);
    const ratio = fillRatio(r);
    if (ratio !== undefined) {
      const p = scale.place(r);
      const text = `${(ratio * 100).toFixed(0)}%`;
      // Right of the block when there is room, else inside its right end.
      const right = p.x + p.w + 4 + text.length * 7 < BAR_X + BAR_W;
      c.text(right ? p.x + p.w + 4 : p.x + p.w - 4, c.y + 14, text, { size: 11, weight: "bold", fill: right ? fillColor(ratio) : "#1f2328", anchor: right ? undefined : "end" });
    }
    c.y += ROW_H;
  }
  if (span.ranges.length > shown.length) {
    c.text(MARGIN + 16, c.y + 14, `… and ${span.ranges.length - shown.length} more (see the Markdown report)`, { size: 11, fill: "#57606a" });
    c.y += ROW_H;
  }
  c.line(MARGIN, c.y + 6, WIDTH - MARGIN, c.y + 6, "#e1e4e8");
  c.y += 8;
}

/** "Closest to full": gauges for the fullest ranges of the fleet. */
function drawGauges(c: Canvas, space: AddressSpace): void {
  const seen = new Set<string>();
  const ranges: MapRange[] = [];
  for (const r of [...space.vpcs.flatMap((s) => s.ranges), ...space.pools.flatMap((s) => s.ranges)]) {
    const key = `${r.role}|${r.cidr}`;
    if (r.fill && !seen.has(key)) {
      seen.add(key);
      ranges.push(r);
    }
  }
  ranges.sort((a, b) => (fillRatio(b) ?? 0) - (fillRatio(a) ?? 0));
  c.text(MARGIN, c.y + 14, "Closest to full (demand at the pools' planned maximum sizes)", { size: 15, weight: "bold" });
  c.y += 24;
  if (ranges.length === 0) {
    c.text(MARGIN, c.y + 14, "No range has a capacity figure.", { size: 12, fill: "#57606a" });
    c.y += ROW_H;
  }
  const gaugeW = 360;
  for (const r of ranges.slice(0, MAX_GAUGES)) {
    const ratio = fillRatio(r) ?? 0;
    c.rect(MARGIN, c.y + 5, 10, 10, ROLE_COLORS[r.role]);
    c.text(MARGIN + 16, c.y + 14, `${r.owner} · ${r.role}${r.zone ? ` ${r.zone}` : ""}`, { size: 12 });
    c.text(MARGIN + LABEL_W - 50, c.y + 14, r.cidr.toString(), { size: 11, mono: true, anchor: "end" });
    c.rect(BAR_X, c.y + 4, gaugeW, 12, "#f3f4f6", ` stroke="#d0d7de" rx="2"`);
    c.rect(BAR_X, c.y + 4, Math.min(1, ratio) * gaugeW, 12, fillColor(ratio), ` rx="2"`, describe(r));
    c.line(BAR_X + CLOSE_TO_FULL * gaugeW, c.y + 2, BAR_X + CLOSE_TO_FULL * gaugeW, c.y + 18, "#57606a", ` stroke-dasharray="2 2"`);
    c.text(BAR_X + gaugeW + 10, c.y + 14, fillText(r), { size: 11, fill: fillColor(ratio) });
    c.y += ROW_H;
  }
  if (ranges.length > MAX_GAUGES) {
    c.text(MARGIN + 16, c.y + 14, `… ${ranges.length - MAX_GAUGES} more ranges below ${((fillRatio(ranges[MAX_GAUGES]) ?? 0) * 100).toFixed(0)}%`, { size: 11, fill: "#57606a" });
    c.y += ROW_H;
  }
  c.text(BAR_X + CLOSE_TO_FULL * gaugeW, c.y + 10, `${CLOSE_TO_FULL * 100}%: close to full`, { size: 10, fill: "#57606a", anchor: "middle" });
  c.y += 20;
}

function box(c: Canvas, x: number, y: number, w: number, h: number, title: string, lines: string[], color: string): void {
  c.rect(x, y, w, h, "#ffffff", ` stroke="${color}" stroke-width="2" rx="6"`);
  c.rect(x, y, w, 20, color, ` rx="6"`);
  c.text(x + w / 2, y + 14, title, { size: 12, weight: "bold", fill: "#ffffff", anchor: "middle" });
  lines.forEach((l, i) => c.text(x + w / 2, y + 36 + i * 15, l, { size: 11, mono: true, anchor: "middle" }));
}

function drawLink(c: Canvas, link: MapLink): void {
  c.y += 8;
  c.text(MARGIN, c.y + 13, `Hybrid link ${link.name}: cluster ${link.cluster}'s VPC to the data centre${link.connectivity ? ` (${link.connectivity})` : ""}`, { size: 13, weight: "bold" });
  c.y += 22;
  const boxW = 260;
  const dcLines = link.dataCenterCidrs.length > 0 ? link.dataCenterCidrs.slice(0, 4) : ["(no CIDRs given)"];
  const h = 30 + Math.max(dcLines.length, 2) * 15;
  const xs = [MARGIN, (WIDTH - boxW) / 2, WIDTH - MARGIN - boxW];
  box(c, xs[0], c.y, boxW, h, "data centre", dcLines, ROLE_COLORS[RangeRole.DATA_CENTER]);
  box(c, xs[1], c.y, boxW, h, `link ${link.name}`, ["Express Connect VBR", "BGP"], "#57606a");
  box(c, xs[2], c.y, boxW, h, `VPC of ${link.cluster}`, [link.vpcCidr ?? "(unknown)"], "#4e79a7");
  for (const [a, b] of [[xs[0] + boxW, xs[1]], [xs[1] + boxW, xs[2]]]) {
    c.line(a, c.y + h / 2, b, c.y + h / 2, "#57606a", ` stroke-width="2"`);
    c.text((a + b) / 2, c.y + h / 2 - 4, "⇄", { size: 12, anchor: "middle", fill: "#57606a" });
  }
  c.y += h + 10;
  const rows: Array<[string, string, string, string]> = [
    ...link.routes.map((r): [string, string, string, string] => [`${r.table.toUpperCase()} route table`, r.destination, `→ ${r.nextHop}`, r.reason]),
    ...link.dataCenterRoutes.map((r): [string, string, string, string] => [`data-centre router (${r.kind})`, r.destination, `→ ${r.nextHop}`, r.reason]),
  ];
  for (const [table, dest, hop, why] of rows) {
    c.text(MARGIN + 16, c.y + 14, table, { size: 12 });
    c.text(MARGIN + 250, c.y + 14, dest, { size: 11, mono: true });
    c.text(MARGIN + 390, c.y + 14, hop, { size: 11, mono: true });
    c.text(MARGIN + 390, c.y + 28, why.length > 150 ? `${why.slice(0, 149)}…` : why, { size: 10, fill: "#57606a" });
    c.y += 32;
  }
  if (rows.length === 0) {
    c.text(MARGIN + 16, c.y + 14, "no routes planned", { size: 12, fill: "#57606a" });
    c.y += 18;
  }
  c.line(MARGIN, c.y + 6, WIDTH - MARGIN, c.y + 6, "#e1e4e8");
  c.y += 8;
}

/** Renders the map. `title` names the spec; `subtitle` says region and counts. */
export function renderAddressMap(space: AddressSpace, title: string, subtitle: string): string {
  const c = new Canvas();
  c.text(MARGIN, c.y + 16, title, { size: 20, weight: "bold" });
  c.text(MARGIN, c.y + 36, subtitle, { size: 12, fill: "#57606a" });
  c.y += 52;
  // Legend.
  let x = MARGIN;
  for (const role of Object.values(RangeRole)) {
    const w = 18 + role.length * 6.6 + 18;
    if (x + w > WIDTH - MARGIN) {
      x = MARGIN;
      c.y += 20;
    }
    c.rect(x, c.y + 2, 12, 12, ROLE_COLORS[role], role === RangeRole.HELD ? ` stroke="#7f7f7f" stroke-dasharray="2 1"` : "");
    c.text(x + 18, c.y + 12, role, { size: 12 });
    x += w;
  }
  c.rect(x, c.y + 2, 12, 12, FREE, ` stroke="#c7ccd1"`);
  c.text(x + 18, c.y + 12, "free", { size: 12 });
  c.y += 20;
  c.text(MARGIN, c.y + 12, "Bars use a log scale per block (every range and free gap is as wide as log2 of its size + 2); a range's dark part is its fill at planned maximum; a red or amber outline marks a range over 100% or 80%.", { size: 11, fill: "#57606a" });
  c.y += 26;

  drawGauges(c, space);
  c.text(MARGIN, c.y + 14, "Address pools and given ranges", { size: 15, weight: "bold" });
  c.y += 20;
  for (const span of space.pools) drawSpan(c, span, span.title.startsWith("pools.") ? "pool" : "given");
  if (space.vpcs.length > 0) {
    c.y += 10;
    c.text(MARGIN, c.y + 14, "VPCs and their vSwitches", { size: 15, weight: "bold" });
    c.y += 20;
    for (const span of space.vpcs.slice(0, MAX_VPCS)) drawSpan(c, { ...span, title: `${span.title} ${span.cidr}` }, "vpc");
    if (space.vpcs.length > MAX_VPCS) {
      c.text(MARGIN, c.y + 14, `… and ${space.vpcs.length - MAX_VPCS} more VPCs (see the Markdown report)`, { size: 12, fill: "#57606a" });
      c.y += ROW_H;
    }
  }
  if (space.links.length > 0) {
    c.y += 10;
    c.text(MARGIN, c.y + 14, "Hybrid links and their routes", { size: 15, weight: "bold" });
    c.y += 20;
    for (const link of space.links) drawLink(c, link);
  }
  const height = Math.ceil(c.y + MARGIN);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...c.parts,
    "</svg>",
    "",
  ].join("\n");
}

/** Exposed for tests: the x of an address on a span's log-scale bar of width `w` starting at 0. */
export function logScaleX(span: MapSpan, address: bigint, w = 1000): number {
  return new LogScale(span, 0, w).x(address);
}
