// @ts-check
// The length choice of an event type that offers several: each with its price. Hidden when there
// is only one length.
import { byId, el } from "../lib/dom.js";
import { tp } from "../lib/i18n.js";
import { formatPrice } from "./price.js";

/** @param {import("../lib/endpoints.js").DurationOption} option */
const label = (option) => [tp("page.minutes", option.minutes), formatPrice(option.price)].filter(Boolean).join(" · ");

/**
 * Fills the length select and calls `onChange` with the minutes picked.
 * @param {import("./context.js").BookingContext} ctx
 * @param {(minutes: number) => void} onChange
 */
export function setUpDurationChoice(ctx, onChange) {
  const options = ctx.type?.durationOptions ?? [];
  const row = byId("duration-row");
  row.hidden = options.length < 2;
  if (row.hidden || !ctx.type) return;
  const select = byId("duration", HTMLSelectElement);
  const initial = ctx.type.durationMinutes;
  select.replaceChildren(...options.map((option) =>
    el("option", { value: String(option.minutes), selected: option.minutes === initial, text: label(option) })));
  ctx.durationMinutes = initial;
  select.addEventListener("change", () => {
    ctx.durationMinutes = Number(select.value);
    onChange(ctx.durationMinutes);
  });
}

/** The subtitle's length and price for the chosen length. @param {import("./context.js").BookingContext} ctx */
export function chosenLengthLabel(ctx) {
  const type = ctx.type;
  if (!type) return "";
  const option = type.durationOptions?.find((o) => o.minutes === (ctx.durationMinutes ?? type.durationMinutes));
  return option ? label(option) : [tp("page.minutes", type.durationMinutes), formatPrice(type.price)].filter(Boolean).join(" · ");
}
