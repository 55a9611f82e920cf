// @ts-check
// The event-type editor's lengths offered and client change policy. Empty means "none"/"no limit";
// the server checks every value and its field errors land beside these inputs via data-field.
import { inputById } from "../lib/dom.js";

/** @typedef {{ minutes: number, price?: { amount: string, currency: string } | null }} DurationOption */
/** @typedef {{ cancelNoticeMinutes?: number | null, rescheduleNoticeMinutes?: number | null, maxReschedules?: number | null }} ClientPolicy */

const POLICY_FIELDS = /** @type {const} */ ({
  "type-cancel-notice": "cancelNoticeMinutes",
  "type-reschedule-notice": "rescheduleNoticeMinutes",
  "type-max-reschedules": "maxReschedules",
});

/** @param {DurationOption[] | undefined} options @param {ClientPolicy | null | undefined} policy */
export function fillChangeRules(options, policy) {
  inputById("type-lengths").value = (options ?? []).map((o) => o.minutes).join(", ");
  for (const [id, field] of Object.entries(POLICY_FIELDS)) inputById(id).value = String(policy?.[field] ?? "");
}

/**
 * The lengths as typed (each keeps the price it had), and the policy (null when every field is empty).
 * @param {DurationOption[] | undefined} original
 * @returns {{ durationOptions: Array<DurationOption | { minutes: number }>, clientPolicy: ClientPolicy | null }}
 */
export function readChangeRules(original) {
  const durationOptions = inputById("type-lengths").value.split(",").map((s) => s.trim()).filter(Boolean)
    .map((text) => original?.find((o) => String(o.minutes) === text) ?? { minutes: Number(text) });
  /** @type {ClientPolicy} */
  const policy = {};
  let any = false;
  for (const [id, field] of Object.entries(POLICY_FIELDS)) {
    const raw = inputById(id).value.trim();
    policy[field] = raw === "" ? null : Number(raw);
    any ||= raw !== "";
  }
  return { durationOptions, clientPolicy: any ? policy : null };
}
