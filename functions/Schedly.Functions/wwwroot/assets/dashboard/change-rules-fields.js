// @ts-check
// The event-type editor's client change policy. Empty means "any time"/"no limit"; the server checks
// every value and its field errors land beside these inputs via data-field.
import { inputById } from "../lib/dom.js";

/** @typedef {{ cancelNoticeMinutes?: number | null, rescheduleNoticeMinutes?: number | null, maxReschedules?: number | null }} ClientPolicy */

const POLICY_FIELDS = /** @type {const} */ ({
  "type-cancel-notice": "cancelNoticeMinutes",
  "type-reschedule-notice": "rescheduleNoticeMinutes",
  "type-max-reschedules": "maxReschedules",
});

/** @param {ClientPolicy | null | undefined} policy */
export function fillChangeRules(policy) {
  for (const [id, field] of Object.entries(POLICY_FIELDS)) inputById(id).value = String(policy?.[field] ?? "");
}

/** The policy as typed; null when every field is empty. @returns {ClientPolicy | null} */
export function readChangeRules() {
  /** @type {ClientPolicy} */
  const policy = {};
  let any = false;
  for (const [id, field] of Object.entries(POLICY_FIELDS)) {
    const raw = inputById(id).value.trim();
    policy[field] = raw === "" ? null : Number(raw);
    any ||= raw !== "";
  }
  return any ? policy : null;
}
