// @ts-check
// The proof-of-work widget on the booking form (ALTCHA, from npm, vendored into /assets/vendor by `npm run vendor`),
// shown only when the host profile says bookings need it. Each booking asks the widget for a fresh solution: the
// server accepts a solution once. The pages' CSP allows no inline style and no blob: workers, so this loads the
// widget's "external" build with its stylesheet and its SHA-256 worker as same-origin files.
import { proofOfWorkChallengeUrl } from "../lib/endpoints.js";

/** The vendored widget; a variable, so TypeScript does not type-check the bundle. */
const WIDGET_MODULE = "/assets/vendor/altcha.min.js";
const WIDGET_STYLES = "/assets/vendor/altcha.css";
const SHA_WORKER = "/assets/vendor/altcha-sha-worker.js";

/** @typedef {HTMLElement & { verify: () => Promise<{ payload: string } | null> }} AltchaWidget */

/**
 * When `enabled`, loads the widget and puts it before `before`. Returns what the form calls on submit: a fresh
 * payload to send as `altcha`, or undefined when proof of work is off.
 * @param {boolean} enabled
 * @param {HTMLElement} before
 * @returns {Promise<() => Promise<string | undefined>>}
 */
export async function setUpProofOfWork(enabled, before) {
  if (!enabled) return async () => undefined;
  const styles = document.createElement("link");
  styles.rel = "stylesheet";
  styles.href = WIDGET_STYLES;
  document.head.append(styles);
  await import(WIDGET_MODULE);
  /** @type {{ algorithms: Map<string, () => Worker> }} */ (Reflect.get(globalThis, "$altcha")).algorithms.set("SHA-256", () => new Worker(SHA_WORKER));
  const widget = /** @type {AltchaWidget} */ (document.createElement("altcha-widget"));
  widget.id = "proof-of-work";
  widget.setAttribute("challenge", proofOfWorkChallengeUrl);
  widget.setAttribute("auto", "off");
  before.before(widget);
  // A widget that cannot verify sends nothing: the server's proof-of-work-required problem then says why on the form.
  return async () => (await widget.verify().catch(() => null))?.payload;
}
