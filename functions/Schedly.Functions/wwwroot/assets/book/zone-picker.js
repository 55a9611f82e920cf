// @ts-check
// The zone picker: a search box that narrows the zone list (by name or offset, e.g. "kolkata", "new york",
// "+05:30"), with the number of matches announced; choosing a zone reloads the times in it.
import { byId } from "../lib/dom.js";
import { tp } from "../lib/i18n.js";
import { fillZoneSelect } from "../lib/zones.js";

/**
 * @param {import("./context.js").BookingContext} ctx
 * @param {(zone: string) => void} onChange
 */
export function setUpZonePicker(ctx, onChange) {
  const select = byId("zone", HTMLSelectElement);
  const search = byId("zone-search", HTMLInputElement);
  const count = byId("zone-count");
  fillZoneSelect(select, ctx.zone, ctx.hourCycle);

  select.addEventListener("change", () => {
    ctx.zone = select.value;
    onChange(ctx.zone);
  });

  search.addEventListener("input", () => {
    const words = search.value.trim().toLowerCase().replaceAll("_", " ").split(/\s+/).filter(Boolean);
    /** @type {HTMLOptionElement | null} */
    let first = null;
    let matches = 0;
    for (const option of select.options) {
      const text = (option.dataset.search ?? "").replaceAll("_", " ");
      const shown = words.every((word) => text.includes(word));
      option.hidden = !shown;
      if (shown) {
        matches++;
        first ??= option;
      }
    }
    count.textContent = words.length ? tp("page.zone.results", matches) : "";
    // One match is the visitor's answer: take it.
    if (matches === 1 && first && first.value !== ctx.zone) {
      select.value = first.value;
      ctx.zone = first.value;
      onChange(ctx.zone);
    }
  });
}

/** Redraws the zone list's current times (after a 12/24-hour change). @param {import("./context.js").BookingContext} ctx */
export function refreshZoneTimes(ctx) {
  fillZoneSelect(byId("zone", HTMLSelectElement), ctx.zone, ctx.hourCycle);
}
