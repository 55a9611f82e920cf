// @ts-check
// Small inline-SVG charts built with DOM APIs only (no library, no canvas, no inline style attributes).
// Every chart is a <figure> with a visible caption and an <svg role="img"> carrying <title>/<desc>;
// every data bar is a <rect class="bar"> with data-value (and data-date or data-key) for tests.
// The viewBox scales the drawing to the container width, so it stays readable at 375 px.

import { el, svgEl, uniqueId } from "./lib/dom.js";

/** @typedef {{ date: string, value: number }} DailyPoint */
/** @typedef {{ key: string, label: string, value: number, display: string, dataValue?: string | number, className?: string }} BarRow */

/**
 * A <figure> with its caption, and a maker for its <svg role="img"> titled and described for assistive technology.
 * @param {string} id @param {string} title @param {string} summary
 */
function figure(id, title, summary) {
  const titleId = uniqueId(`chart-${id}-title`);
  const descId = uniqueId(`chart-${id}-desc`);
  const fig = el("figure", { class: "chart", dataset: { chart: id } }, el("figcaption", { class: "chart-title", text: title }));
  /** @param {number} width @param {number} height @param {string} kind */
  const make = (width, height, kind) => {
    const svg = svgEl("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: `chart-svg ${kind}` });
    svg.append(svgEl("title", { id: titleId }, title), svgEl("desc", { id: descId }, summary));
    fig.append(svg);
    return svg;
  };
  return { fig, make };
}

/** @param {string} id @param {string} title @param {string} text */
function emptyFigure(id, title, text) {
  const { fig } = figure(id, title, text);
  fig.append(el("p", { class: "muted empty chart-empty", text }));
  return fig;
}

/**
 * Vertical bars, one per date (zero days included so the x axis is the whole range).
 * @param {{ id: string, title: string, points: DailyPoint[], unit: string, emptyText: string }} chart
 */
export function dailyBarChart({ id, title, points, unit, emptyText }) {
  const total = points.reduce((sum, p) => sum + p.value, 0);
  if (points.length === 0 || total === 0) return emptyFigure(id, title, emptyText);
  const max = Math.max(...points.map((p) => p.value));
  const width = 600;
  const height = 220;
  const left = 44;
  const right = 8;
  const top = 12;
  const bottom = 34;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const step = plotW / points.length;
  const barW = Math.max(1, step * 0.75);
  const busiest = points.reduce((a, b) => (b.value > a.value ? b : a));
  const { fig, make } = figure(id, title,
    `${total} ${unit} from ${points[0].date} to ${points[points.length - 1].date}; busiest day ${busiest.date} with ${busiest.value}.`);
  const svg = make(width, height, "daily");

  svg.append(
    svgEl("line", { class: "axis", x1: left, y1: top + plotH, x2: width - right, y2: top + plotH }),
    svgEl("text", { class: "tick", x: left - 6, y: top + 14, "text-anchor": "end" }, String(max)),
    svgEl("text", { class: "tick", x: left - 4, y: top + plotH, "text-anchor": "end" }, "0"),
    svgEl("text", { class: "tick", x: left, y: height - 6, "text-anchor": "start" }, points[0].date),
    svgEl("text", { class: "tick", x: width - right, y: height - 6, "text-anchor": "end" }, points[points.length - 1].date));

  points.forEach((p, i) => {
    const h = max === 0 ? 0 : (p.value / max) * plotH;
    const bar = svgEl("rect", {
      class: "bar",
      x: (left + i * step + (step - barW) / 2).toFixed(2),
      y: (top + plotH - h).toFixed(2),
      width: barW.toFixed(2),
      height: h.toFixed(2),
      "data-date": p.date,
      "data-value": p.value,
    });
    bar.append(svgEl("title", {}, `${p.date}: ${p.value} ${unit}`));
    svg.append(bar);
  });
  return fig;
}

/**
 * Horizontal bars with a text label and value at the end.
 * `max` is the full-scale value (e.g. 1 for rates); by default the largest value.
 * @param {{ id: string, title: string, rows: BarRow[], max?: number, emptyText: string, summary?: string }} chart
 */
export function horizontalBarChart({ id, title, rows, max, emptyText, summary }) {
  if (rows.length === 0) return emptyFigure(id, title, emptyText);
  const scale = max ?? Math.max(...rows.map((r) => r.value), 0);
  const width = 400;
  const rowH = 36;
  const labelW = 140;
  const valueW = 86;
  const plotW = width - labelW - valueW;
  const height = rows.length * rowH + 8;
  const { fig, make } = figure(id, title, summary ?? rows.map((r) => `${r.label}: ${r.display}`).join("; "));
  const svg = make(width, height, "hbar");
  rows.forEach((r, i) => {
    const y = 4 + i * rowH;
    const w = scale > 0 ? Math.max(0, Math.min(1, r.value / scale)) * plotW : 0;
    svg.append(
      svgEl("text", { class: "label", x: 0, y: y + rowH / 2 + 5 }, r.label),
      svgEl("rect", { class: "track", x: labelW, y: y + 7, width: plotW, height: rowH - 14, rx: 4 }));
    const bar = svgEl("rect", {
      class: `bar ${r.className ?? ""}`.trim(),
      x: labelW,
      y: y + 7,
      width: w.toFixed(2),
      height: rowH - 14,
      rx: 4,
      "data-key": r.key,
      "data-value": r.dataValue ?? r.value,
    });
    bar.append(svgEl("title", {}, `${r.label}: ${r.display}`));
    svg.append(bar, svgEl("text", { class: "value", x: labelW + plotW + 8, y: y + rowH / 2 + 5 }, r.display));
  });
  return fig;
}
