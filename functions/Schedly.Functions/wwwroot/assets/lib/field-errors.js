// @ts-check
// Shows the server's field errors (the `errors` map of a validation problem) on a form: each field
// whose `data-field` path matches (or contains) an error key is marked aria-invalid and gets the
// message beside it; every message is listed too. The pages never re-check the server's rules.
import { el, uniqueId } from "./dom.js";

/**
 * @typedef {object} FieldErrorOptions
 * @property {boolean} [withFieldNames] list lines as "field: message" (default true)
 * @property {boolean} [besideFields] put each message beside its field too (default true)
 */

/**
 * Removes marks and messages, then shows `pairs` ([field, message]); returns how many there are.
 * @param {HTMLElement} form
 * @param {HTMLElement} list
 * @param {Array<[string, string]>} pairs
 * @param {FieldErrorOptions} [options]
 */
export function showFieldErrors(form, list, pairs, { withFieldNames = true, besideFields = true } = {}) {
  for (const node of form.querySelectorAll("[aria-invalid='true']")) node.removeAttribute("aria-invalid");
  for (const node of form.querySelectorAll(".field-error")) node.remove();
  list.replaceChildren(...pairs.map(([field, message]) => el("li", { text: field && withFieldNames ? `${field}: ${message}` : message })));
  for (const [field, message] of pairs) {
    const input = fieldInput(form, field);
    if (!input) continue;
    input.setAttribute("aria-invalid", "true");
    if (besideFields) showBeside(input, message);
  }
  return pairs.length;
}

/** @param {HTMLElement} form @param {HTMLElement} list */
export const clearFieldErrors = (form, list) => showFieldErrors(form, list, []);

/** Moves focus to the first field marked invalid, if any. @param {HTMLElement} form */
export function focusFirstInvalid(form) {
  /** @type {HTMLElement | null} */ (form.querySelector("[aria-invalid='true']"))?.focus();
}

/**
 * The element for an error key: an exact data-field, else the first one inside it
 * ("weekly.tuesday" → "weekly.tuesday[0].end").
 * @param {HTMLElement} form
 * @param {string} field
 * @returns {HTMLElement | null}
 */
function fieldInput(form, field) {
  const key = CSS.escape(field);
  return form.querySelector(`[data-field="${key}"]`)
    ?? form.querySelector(`[data-field^="${key}."]`)
    ?? form.querySelector(`[data-field^="${key}["]`);
}

/** @param {HTMLElement} input @param {string} message */
function showBeside(input, message) {
  const id = uniqueId("err");
  const anchor = input.closest(".interval") ?? input.parentElement ?? input;
  anchor.after(el(anchor.tagName === "LI" ? "li" : "span", { class: "field-error", id, text: message }));
  input.setAttribute("aria-describedby", id);
}
