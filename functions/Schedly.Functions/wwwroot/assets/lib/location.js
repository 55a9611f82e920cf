// @ts-check
// Where a booking happens, as the server resolved it: a link for video, else the text as written.
import { el } from "./dom.js";
import { t } from "./i18n.js";

/** @typedef {{ kind: string, display: string, url?: string | null }} BookingLocation */

/** The catalog key of the wording before the place, per location kind. */
const LEADS = /** @type {Record<string, string>} */ ({
  inPerson: "page.location.inPerson",
  phone: "page.location.phone",
  video: "page.location.video",
  generatedVideo: "page.location.video",
  custom: "page.location.custom",
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
  const lead = `${t(LEADS[location.kind] ?? "page.location.custom")} `;
  const place = location.url && /^https:\/\//.test(location.url)
    ? el("a", { href: location.url, target: "_blank", rel: "noopener noreferrer", text: location.display })
    : el("span", { class: "pre-line", text: location.display });
  node.replaceChildren(lead, place);
}
