// @ts-check
// 12 or 24 hours: starts as the visitor's locale shows times, and the visitor can switch.
import { byId } from "../lib/dom.js";
import { prefers12Hours } from "../lib/format.js";
import { refreshZoneTimes } from "./zone-picker.js";

/**
 * @param {import("./context.js").BookingContext} ctx
 * @param {(cycle: import("../lib/format.js").HourCycle) => void} onChange
 */
export function setUpHourCycle(ctx, onChange) {
  const fieldset = byId("hour-cycle");
  const initial = ctx.hourCycle ?? (prefers12Hours() ? "h12" : "h23");
  for (const input of fieldset.querySelectorAll("input[name='hour-cycle']")) {
    if (!(input instanceof HTMLInputElement)) continue;
    input.checked = input.value === initial;
    input.addEventListener("change", () => {
      if (!input.checked) return;
      ctx.hourCycle = input.value === "h12" ? "h12" : "h23";
      refreshZoneTimes(ctx);
      onChange(ctx.hourCycle);
    });
  }
}
