// @ts-check
// Daily charts drawn with uPlot (vendored from npm: assets/vendor/uPlot.esm.js). uPlot draws on a canvas, which
// assistive technology cannot read, so every chart is a <figure> whose caption names it and its series, whose canvas
// is hidden from the accessibility tree, and which carries the same numbers as a table (behind "Show as a table").
// The figure sizes the chart to its own width and follows it when it changes (a phone turned, a window resized).
import uPlot from "./vendor/uPlot.esm.js";
import { el } from "./lib/dom.js";
import { formatLocale } from "./lib/format.js";

/** @typedef {{ label: string, values: number[], color: string, bars?: boolean, format: (value: number) => string }} DailySeries */

/** Tick steps for counts: whole numbers only. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

const HEIGHT = 220;
const DAY_SECONDS = 86400;

const shortDate = new Intl.DateTimeFormat(formatLocale, { timeZone: "UTC", day: "numeric", month: "short" });
const rowDate = new Intl.DateTimeFormat(formatLocale, { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });

/** A local date ("YYYY-MM-DD") as uPlot's x value: seconds at that date's UTC midnight. @param {string} date */
const dateToX = (date) => Date.parse(`${date}T00:00:00Z`) / 1000;

/** The numbers as a table, in a box that scrolls sideways (by keyboard too) when a phone is too narrow. @param {string} title @param {string[]} dates @param {DailySeries[]} series */
function table(title, dates, series) {
  return el("div", { class: "chart-table-box", role: "region", tabindex: "0", "aria-label": `${title}, as a table` }, el("table", { class: "chart-table" },
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: "Date" }), ...series.map((s) => el("th", { scope: "col", text: s.label })))),
    el("tbody", {}, ...dates.map((date, i) => el("tr", { dataset: { date } },
      el("th", { scope: "row", text: rowDate.format(new Date(`${date}T00:00:00Z`)) }),
      ...series.map((s) => el("td", { text: s.format(s.values[i] ?? 0) })))))));
}

/**
 * A daily chart of one or more series over `dates` (every date of the range, zero days included). `marker` (a date in
 * the range, e.g. today) is drawn as a vertical line; `counts` puts ticks on whole numbers only. Returns the figure;
 * call `draw` once it is in the document.
 * @param {{ id: string, title: string, dates: string[], series: DailySeries[], marker?: string, counts?: boolean }} chart
 */
export function dailyChart({ id, title, dates, series, marker, counts }) {
  const plot = el("div", { class: "chart-plot", "aria-hidden": "true" });
  const keys = el("ul", { class: "chart-keys" }, ...series.map((s) => el("li", { dataset: { color: s.color } },
    el("span", { class: `chart-key chart-key-${s.color}` }), s.label)));
  const fig = el("figure", { class: "chart", dataset: { chart: id } },
    el("figcaption", { class: "chart-title", text: title }), keys, plot,
    el("details", { class: "chart-data" }, el("summary", { text: "Show as a table" }), table(title, dates, series)));

  /** @type {uPlot | null} */
  let drawn = null;
  const draw = () => {
    const width = Math.max(240, Math.floor(plot.clientWidth || fig.clientWidth));
    if (drawn) {
      drawn.setSize({ width, height: HEIGHT });
      return;
    }
    const styles = getComputedStyle(fig);
    /** @param {string} name */
    const color = (name) => styles.getPropertyValue(`--chart-${name}`).trim() || "#1f5fbf";
    const markerX = marker ? dateToX(marker) : null;
    /** @type {uPlot.Options} */
    const options = {
      width,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true, range: (_u, min, max) => [min - DAY_SECONDS / 2, max + DAY_SECONDS / 2] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { stroke: color("text"), grid: { show: false }, values: (_u, splits) => splits.map((x) => shortDate.format(new Date(x * 1000))) },
        { stroke: color("text"), grid: { stroke: color("grid") }, incrs: counts ? WHOLE_STEPS : undefined, values: (_u, splits) => splits.map((v) => series[0].format(v)) },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: color(s.color),
          fill: s.bars ? color(s.color) : undefined,
          width: s.bars ? 0 : 2,
          paths: s.bars ? uPlot.paths.bars?.({ size: [0.7, 40] }) : undefined,
          points: { show: false },
        })),
      ],
      hooks: {
        draw: [(u) => {
          if (markerX === null) return;
          const x = Math.round(u.valToPos(markerX, "x", true));
          u.ctx.save();
          u.ctx.strokeStyle = color("marker");
          u.ctx.setLineDash([4, 4]);
          u.ctx.beginPath();
          u.ctx.moveTo(x, u.bbox.top);
          u.ctx.lineTo(x, u.bbox.top + u.bbox.height);
          u.ctx.stroke();
          u.ctx.restore();
        }],
      },
    };
    drawn = new uPlot(options, [dates.map(dateToX), ...series.map((s) => s.values)], plot);
  };
  new ResizeObserver(() => {
    if (fig.isConnected) draw();
  }).observe(plot);
  return { fig, draw };
}
