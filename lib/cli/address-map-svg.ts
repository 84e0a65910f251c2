/**
 * SVG map of a fleet's address space: one bar per pool (and per private block holding ranges
 * given outside the pools) with every range at its position, coloured by use, then one bar
 * per VPC with its vSwitches. Every range also has a labelled row (owner, use, CIDR), so the
 * map reads at a glance even where a block is too thin to see. Pure string output.
 */
import { AddressSpace, MapRange, MapSpan, RangeRole, usedAddresses } from "./address-space";

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

const WIDTH = 1200;
const MARGIN = 24;
const LABEL_W = 430;
const BAR_X = MARGIN + LABEL_W + 16;
const BAR_W = WIDTH - MARGIN - BAR_X;
const ROW_H = 20;
const MAX_ROWS = 30;
const MAX_VPCS = 20;
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmt = (n: bigint) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");

function fraction(n: bigint, d: bigint): number {
  return d === 0n ? 0 : Number((n * 1_000_000n) / d) / 1_000_000;
}

/** x and width of a range inside a span's bar (at least 3 px wide so it stays visible). */
function place(span: MapSpan, r: MapRange, x0: number, w: number): { x: number; w: number } {
  const x = x0 + fraction(r.cidr.start - span.cidr.start, span.cidr.size) * w;
  const width = Math.max(3, fraction(r.cidr.size, span.cidr.size) * w);
  return { x: Math.min(x, x0 + w - width), w: width };
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
}

function describe(r: MapRange): string {
  return `${r.owner} ${r.role}${r.zone ? ` ${r.zone}` : ""} ${r.cidr} (${fmt(r.cidr.size)} addresses, ${r.source})`;
}

function block(c: Canvas, span: MapSpan, r: MapRange, y: number, h: number): void {
  const p = place(span, r, BAR_X, BAR_W);
  // A white edge keeps neighbouring blocks of the same colour apart.
  const edge = r.role === RangeRole.HELD ? ` stroke="#7f7f7f" stroke-dasharray="3 2"` : p.w >= 6 ? ` stroke="#ffffff" stroke-width="1"` : "";
  c.rect(p.x, y, p.w, h, ROLE_COLORS[r.role], `${edge} rx="1"`, describe(r));
}

/** Thin neighbouring ranges of one use that touch on screen merge into one run, so dense pools stay solid. */
function runs(span: MapSpan): Array<{ x: number; w: number; ranges: MapRange[] }> {
  const out: Array<{ x: number; w: number; ranges: MapRange[] }> = [];
  for (const r of span.ranges) {
    const p = place(span, r, BAR_X, BAR_W);
    const last = out[out.length - 1];
    if (last && last.ranges[0].role === r.role && p.w < 6 && last.w / last.ranges.length < 6 && p.x <= last.x + last.w + 0.5) {
      last.w = Math.max(last.w, p.x + p.w - last.x);
      last.ranges.push(r);
    } else out.push({ x: p.x, w: p.w, ranges: [r] });
  }
  return out;
}

function drawSpan(c: Canvas, span: MapSpan, inlineLabels: boolean): void {
  const used = usedAddresses(span);
  const pct = (fraction(used, span.cidr.size) * 100).toFixed(used > 0n && used * 1000n < span.cidr.size ? 2 : 1);
  c.y += 8;
  c.text(MARGIN, c.y + 13, span.title, { size: 13, weight: "bold" });
  c.text(MARGIN, c.y + 29, `${fmt(span.cidr.size)} addresses, ${pct}% used, ${span.ranges.length} range${span.ranges.length === 1 ? "" : "s"}`, { size: 11, fill: "#57606a" });
  const barH = 24;
  c.rect(BAR_X, c.y + 4, BAR_W, barH, "#eef0f3", ` stroke="#c7ccd1" rx="2"`, `${span.title}: ${fmt(span.cidr.size)} addresses`);
  for (const run of runs(span)) {
    if (run.ranges.length === 1) block(c, span, run.ranges[0], c.y + 6, barH - 4);
    else c.rect(run.x, c.y + 6, run.w, barH - 4, ROLE_COLORS[run.ranges[0].role], "", `${run.ranges.length} ${run.ranges[0].role} ranges, ${run.ranges[0].cidr} .. ${run.ranges[run.ranges.length - 1].cidr}`);
  }
  if (inlineLabels) {
    for (const r of span.ranges) {
      const p = place(span, r, BAR_X, BAR_W);
      const full = r.zone ?? r.owner;
      const short = full.slice(full.lastIndexOf("-") + 1);
      const label = [full, short].find((l) => p.w > l.length * 6.8 + 8);
      if (label) c.text(p.x + p.w / 2, c.y + 20, label, { size: 11, fill: "#ffffff", anchor: "middle", weight: "bold" });
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
    block(c, span, r, c.y + 4, 12);
    c.y += ROW_H;
  }
  if (span.ranges.length > shown.length) {
    c.text(MARGIN + 16, c.y + 14, `… and ${span.ranges.length - shown.length} more (see the Markdown report)`, { size: 11, fill: "#57606a" });
    c.y += ROW_H;
  }
  c.parts.push(`<line x1="${MARGIN}" y1="${c.y + 6}" x2="${WIDTH - MARGIN}" y2="${c.y + 6}" stroke="#e1e4e8"/>`);
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
  c.rect(x, c.y + 2, 12, 12, "#eef0f3", ` stroke="#c7ccd1"`);
  c.text(x + 18, c.y + 12, "free", { size: 12 });
  c.y += 30;

  c.text(MARGIN, c.y + 14, "Address pools and given ranges", { size: 15, weight: "bold" });
  c.y += 20;
  for (const span of space.pools) drawSpan(c, span, false);
  if (space.vpcs.length > 0) {
    c.y += 10;
    c.text(MARGIN, c.y + 14, "VPCs and their vSwitches", { size: 15, weight: "bold" });
    c.y += 20;
    for (const span of space.vpcs.slice(0, MAX_VPCS)) drawSpan(c, { ...span, title: `${span.title} ${span.cidr}` }, true);
    if (space.vpcs.length > MAX_VPCS) {
      c.text(MARGIN, c.y + 14, `… and ${space.vpcs.length - MAX_VPCS} more VPCs (see the Markdown report)`, { size: 12, fill: "#57606a" });
      c.y += ROW_H;
    }
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
