// @ts-check
// A length of time typed as hours and minutes (a fieldset.hm with an "-h" and an "-m" input), sent as whole minutes.
// Both empty: null (the server's default, or "no limit"). Minutes over 59 are fine ("0 h 90 min" is 90); anything
// else the server checks, and its error for the minutes field lands on the hours input, which carries the data-field.
import { inputById } from "../lib/dom.js";

/** @param {string} id the fieldset's id @returns {[HTMLInputElement, HTMLInputElement]} */
const parts = (id) => [inputById(`${id}-h`), inputById(`${id}-m`)];

/**
 * Shows `minutes` as hours and minutes; null or undefined leaves both empty.
 * @param {string} id @param {unknown} minutes
 */
export function fillHoursMinutes(id, minutes) {
  const [hours, rest] = parts(id);
  const total = typeof minutes === "number" && Number.isFinite(minutes) ? minutes : null;
  hours.value = total === null ? "" : String(Math.trunc(total / 60));
  rest.value = total === null ? "" : String(total % 60);
}

/**
 * The typed length in minutes: null when both parts are empty, NaN when a part is not a number (the server says so).
 * @param {string} id
 * @returns {number | null}
 */
export function readHoursMinutes(id) {
  const [hours, rest] = parts(id).map((input) => input.value.trim());
  if (hours === "" && rest === "") return null;
  return Number(hours || "0") * 60 + Number(rest || "0");
}
