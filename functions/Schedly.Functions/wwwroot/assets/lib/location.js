// @ts-check
// Where a booking happens, as the server resolved it: a link for video, else the text as written.
import { el } from "./dom.js";

/** @typedef {{ kind: string, display: string, url?: string | null }} BookingLocation */

/** Wording per location kind, before the place itself. */
const LEADS = /** @type {Record<string, string>} */ ({
  inPerson: "Where: ",
  phone: "Call: ",
  video: "Join: ",
  generatedVideo: "Join: ",
  custom: "Where: ",
});

/**
 * Fills `node` with the location (hidden when there is none).
 * @param {HTMLElement} node
 * @param {BookingLocation | null | undefined} location
 */
export function showLocation(node, location) {
  node.hidden = !location;
  if (!location) {
    node.replaceChildren();
    return;
  }
  const lead = LEADS[location.kind] ?? "Where: ";
  const place = location.url && /^https:\/\//.test(location.url)
    ? el("a", { href: location.url, target: "_blank", rel: "noopener noreferrer", text: location.display })
    : el("span", { class: "pre-line", text: location.display });
  node.replaceChildren(lead, place);
}
