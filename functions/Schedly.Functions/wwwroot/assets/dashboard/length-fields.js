// @ts-check
// The event-type editor's lengths offered: one row per length (minutes, and its own price, in the
// event type's currency; empty price: the event type's). No rows: only the event type's duration.
// Every input carries the server's error path ("durationOptions[1].price.amount"), so its field
// errors land beside the right input.
import { byId, el, inputById } from "../lib/dom.js";

/** @typedef {import("../lib/endpoints.js").DurationOption} DurationOption */

const list = () => byId("type-lengths");

/** @param {Partial<DurationOption>} option */
function lengthRow(option) {
  const remove = el("button", { type: "button", class: "secondary remove-length", text: "Remove" });
  const row = el("li", { class: "length" },
    el("input", { type: "number", class: "length-minutes", min: "1", inputmode: "numeric", value: option.minutes ?? "", autocomplete: "off" }),
    el("input", { type: "text", class: "length-price", inputmode: "decimal", placeholder: "same price", value: option.price?.amount ?? "", autocomplete: "off" }),
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

/** Shows an event type's lengths (or none). @param {DurationOption[] | undefined} options */
export function fillLengths(options) {
  list().replaceChildren(...(options ?? []).map(lengthRow));
  renumber();
}

/**
 * The lengths as the form has them, in order, each with its price in the event type's currency.
 * @returns {DurationOption[]}
 */
export function readLengths() {
  const currency = inputById("type-currency").value.trim().toUpperCase();
  return [...list().querySelectorAll("li.length")].map((row) => {
    const [minutes, price] = row.querySelectorAll("input");
    const amount = price.value.trim();
    const text = minutes.value.trim();
    return { minutes: text === "" ? Number.NaN : Number(text), price: amount ? { amount, currency } : null };
  });
}

export function setUpLengthFields() {
  byId("add-length").addEventListener("click", () => {
    const duration = inputById("type-duration").value.trim();
    const row = lengthRow({ minutes: list().children.length === 0 && duration ? Number(duration) : undefined });
    list().append(row);
    renumber();
    /** @type {HTMLElement | null} */ (row.querySelector(".length-minutes"))?.focus();
  });
}
