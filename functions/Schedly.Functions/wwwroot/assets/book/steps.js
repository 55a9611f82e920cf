// @ts-check
// One address per step of the booking page, so Back, Forward and refresh keep the visitor where they were:
//   /book/{host}/{type}?month=2026-12            choosing a time (the month on screen)
//   /book/{host}/{type}?slot=2026-12-03T09:00Z   the form for that time
//   /book/{host}/{type}?booking={id}#token=…     the confirmation (the manage token only ever in the fragment)
// `lang` is kept in every address.
import { publicApi } from "../lib/endpoints.js";
import { showConfirmation } from "./confirmation.js";

/** The step's parameters as the address has them now. */
export function currentStep() {
  const params = new URLSearchParams(location.search);
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  return { month: params.get("month"), slot: params.get("slot"), booking: params.get("booking"), token };
}

/**
 * An address of this page with `lang` kept and the given step parameters.
 * @param {Record<string, string | null>} step @param {string} [fragment]
 */
function address(step, fragment = "") {
  const params = new URLSearchParams();
  const lang = new URLSearchParams(location.search).get("lang");
  if (lang) params.set("lang", lang);
  for (const [name, value] of Object.entries(step)) if (value) params.set(name, value);
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ""}${fragment}`;
}

/** The month on screen (replaces the entry: paging months is not a step). @param {string} month "YYYY-MM" */
export function showMonthStep(month) {
  const { slot } = currentStep();
  history.replaceState({ step: slot ? "details" : "pick" }, "", address({ month, slot }));
}

/** The visitor picked a time: a new entry, so Back returns to choosing. @param {string} start */
export function pushDetailsStep(start) {
  const { slot } = currentStep();
  if (slot === start) return;
  const next = address({ month: start.slice(0, 7), slot: start });
  if (slot) history.replaceState({ step: "details" }, "", next);
  else history.pushState({ step: "details" }, "", next);
}

/** Back to choosing (the time left the screen or was taken). */
export function showPickStep() {
  const { month } = currentStep();
  history.replaceState({ step: "pick" }, "", address({ month }));
}

/** Booked: the form's entry becomes the confirmation, so Back does not offer the same form again. @param {string} id @param {string} token */
export function showConfirmedStep(id, token) {
  history.replaceState({ step: "confirmed" }, "", address({ booking: id }, `#token=${encodeURIComponent(token)}`));
}

/**
 * On load: an address with `booking` and a fragment token shows that booking's confirmation again (after a refresh or
 * Forward). Returns whether it did.
 * @param {import("./context.js").BookingContext} ctx
 */
export async function restoreConfirmation(ctx) {
  const { booking, token } = currentStep();
  if (!booking || !token) return false;
  try {
    const found = await publicApi.booking(booking, token);
    showConfirmation(ctx, { ...found, manageToken: token });
    return true;
  } catch {
    showPickStep();
    return false;
  }
}
