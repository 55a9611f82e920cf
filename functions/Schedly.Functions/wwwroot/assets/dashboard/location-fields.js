// @ts-check
// The event-type editor's location: a kind and the one value that kind needs. The rules (E.164
// phone, https links) are the server's; its errors land on the value field via data-field.
import { byId, inputById } from "../lib/dom.js";

/** Kind → the location field it sends, the label and a placeholder. */
const KINDS = /** @type {Record<string, { field: string, label: string, placeholder: string }>} */ ({
  inPerson: { field: "address", label: "Address", placeholder: "12 Rue X, Paris" },
  phone: { field: "phone", label: "Phone number to call (international, +…)", placeholder: "+442079460958" },
  video: { field: "url", label: "Video link (https)", placeholder: "https://…" },
  generatedVideo: { field: "baseUrl", label: "Video server (empty: the default)", placeholder: "https://meet.jit.si" },
  custom: { field: "text", label: "Text", placeholder: "We will email you the details" },
});

/** @typedef {{ kind: string, [field: string]: string | null | undefined }} EventLocation */

const kindSelect = () => byId("type-location-kind", HTMLSelectElement);
const valueInput = () => inputById("type-location-value");

function relabel() {
  const spec = KINDS[kindSelect().value];
  byId("type-location-value-field").hidden = !spec;
  if (!spec) return;
  byId("type-location-value-label").textContent = spec.label;
  valueInput().placeholder = spec.placeholder;
  valueInput().dataset.field = `location.${spec.field}`;
}

/** Shows a stored location (or none). @param {EventLocation | null | undefined} location */
export function fillLocation(location) {
  const kind = location?.kind && KINDS[location.kind] ? location.kind : "";
  kindSelect().value = kind;
  valueInput().value = kind && location ? String(location[KINDS[kind].field] ?? "") : "";
  relabel();
}

/** The location as the form has it: null for "not said". @returns {EventLocation | null} */
export function readLocation() {
  const kind = kindSelect().value;
  const spec = KINDS[kind];
  if (!spec) return null;
  const value = valueInput().value.trim();
  return { kind, [spec.field]: value === "" ? null : value };
}

export function setUpLocationFields() {
  kindSelect().addEventListener("change", relabel);
}
