// @ts-check
// The event-type editor's lengths offered: one row per length (minutes, and its own price, in the
// event type's currency; empty price: the event type's). No rows: only the event type's duration.
// Every input carries the server's error path ("durationOptions[1].price.amount"), so its field
// errors land beside the right input.
import { formatLocalDecimal, parseLocalDecimal } from "../lib/decimal-input.js";
import { byId, el, inputById } from "../lib/dom.js";
import { readHoursMinutes } from "./hours-minutes.js";

/** @typedef {import("../lib/endpoints.js").DurationOption} DurationOption */

const list = () => byId("type-lengths");

/** @param {Partial<DurationOption>} option @param {string} locale the host's, for the price */
function lengthRow(option, locale) {
  const remove = el("button", { type: "button", class: "secondary remove-length", text: "Remove" });
  const row = el("li", { class: "length" },
    el("input", { type: "number", class: "length-minutes", min: "1", inputmode: "numeric", value: option.minutes ?? "", autocomplete: "off" }),
    el("input", { type: "text", class: "length-price", inputmode: "decimal", placeholder: "same price", value: formatLocalDecimal(option.price?.amount, locale), autocomplete: "off" }),
    remove);
  remove.addEventListener("click", () => { row.remove(); renumber(); });
  return row;
}

/** Field paths and accessible names after adding or removing rows. */
function renumber() {
  [...list().querySelectorAll("li.length")].forEach((row, i) => {
    const [minutes, price] = row.querySelectorAll("input");
    const remove = /** @type {HTMLElement} */ (row.querySelector("button"));
    minutes.dataset.field = `durationOptions[${i}].minutes`;
    price.dataset.field = `durationOptions[${i}].price.amount`;
    remove.dataset.field = `durationOptions[${i}]`;
    minutes.setAttribute("aria-label", `Length ${i + 1} in minutes`);
    price.setAttribute("aria-label", `Length ${i + 1} price`);
    remove.setAttribute("aria-label", `Remove length ${i + 1}`);
  });
}

/** Shows an event type's lengths (or none). @param {DurationOption[] | undefined} options @param {string} locale */
export function fillLengths(options, locale) {
  list().replaceChildren(...(options ?? []).map((option) => lengthRow(option, locale)));
  renumber();
}

/**
 * The lengths as the form has them, in order, each with its price (typed in `locale`) in the event type's currency.
 * @param {string} locale
 * @returns {DurationOption[]}
 */
export function readLengths(locale) {
  const currency = inputById("type-currency").value.trim().toUpperCase();
  return [...list().querySelectorAll("li.length")].map((row) => {
    const [minutes, price] = row.querySelectorAll("input");
    const amount = parseLocalDecimal(price.value, locale);
    const text = minutes.value.trim();
    return { minutes: text === "" ? Number.NaN : Number(text), price: amount ? { amount, currency } : null };
  });
}

/** @param {() => string} locale the host's locale when the button is pressed */
export function setUpLengthFields(locale) {
  byId("add-length").addEventListener("click", () => {
    const duration = readHoursMinutes("type-duration");
    const row = lengthRow({ minutes: list().children.length === 0 && duration ? duration : undefined }, locale());
    list().append(row);
    renumber();
    /** @type {HTMLElement | null} */ (row.querySelector(".length-minutes"))?.focus();
  });
}
