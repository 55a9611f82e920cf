// @ts-check
// The event-type editor's client change policy: notices in hours and minutes, the most reschedules as a number.
// Empty means "any time"/"no limit"; the server checks every value and its field errors land beside these inputs via
// data-field.
import { inputById } from "../lib/dom.js";
import { fillHoursMinutes, readHoursMinutes } from "./hours-minutes.js";

/** @typedef {{ cancelNoticeMinutes?: number | null, rescheduleNoticeMinutes?: number | null, maxReschedules?: number | null }} ClientPolicy */

const NOTICE_FIELDS = /** @type {const} */ ({
  "type-cancel-notice": "cancelNoticeMinutes",
  "type-reschedule-notice": "rescheduleNoticeMinutes",
});

/** @param {ClientPolicy | null | undefined} policy */
export function fillChangeRules(policy) {
  for (const [id, field] of Object.entries(NOTICE_FIELDS)) fillHoursMinutes(id, policy?.[field]);
  inputById("type-max-reschedules").value = String(policy?.maxReschedules ?? "");
}

/** The policy as typed; null when every field is empty. @returns {ClientPolicy | null} */
export function readChangeRules() {
  /** @type {ClientPolicy} */
  const policy = {};
  for (const [id, field] of Object.entries(NOTICE_FIELDS)) policy[field] = readHoursMinutes(id);
  const most = inputById("type-max-reschedules").value.trim();
  policy.maxReschedules = most === "" ? null : Number(most);
  return Object.values(policy).some((value) => value !== null) ? policy : null;
}
