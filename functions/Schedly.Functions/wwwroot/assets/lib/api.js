// @ts-check
// The fetch wrapper every page uses to talk to the Schedly API on the same origin. JSON bodies
// (application/json and application/problem+json) are parsed; every failure becomes an ApiError
// carrying the problem document (RFC 9457) when the server sent one, so pages show the server's
// own title, detail and field errors instead of re-checking its rules.
import { hasMessages, t } from "./i18n.js";

/**
 * @typedef {object} ProblemDocument
 * @property {string} [type]
 * @property {string} [title]
 * @property {number} [status]
 * @property {string} [detail]
 * @property {Record<string, string[] | string>} [errors] field path → messages
 */

export class ApiError extends Error {
  /**
   * @param {number} status the HTTP status, or 0 when the server could not be reached
   * @param {ProblemDocument | null} problem
   */
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }

  /** The problem kind, such as "slot-unavailable" (the last segment of the type URI), or "". */
  get kind() {
    const type = this.problem?.type ?? "";
    return type.slice(type.lastIndexOf("/") + 1);
  }

  /**
   * The problem's field errors as [field, message] pairs, one per message.
   * @returns {Array<[string, string]>}
   */
  get fieldErrors() {
    const errors = this.problem?.errors ?? {};
    return Object.entries(errors).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((message) => /** @type {[string, string]} */ ([field, String(message)])));
  }
}

/**
 * @typedef {object} RequestOptions
 * @property {string} [method]
 * @property {unknown} [body] sent as JSON
 * @property {Blob} [upload] sent as it is, with its own type (a photo)
 * @property {string} [token] sent as `Authorization: Bearer`
 * @property {boolean} [session] send the dashboard's session cookie (and the header the server asks of it)
 * @property {string} [idempotencyKey]
 * @property {AbortSignal} [signal]
 */

/** True for the error fetch raises when a request is aborted. @param {unknown} error */
export const isAbort = (error) => error instanceof DOMException && error.name === "AbortError";

// The booking and manage pages carry a catalog; the dashboard (English only) does not.
const NETWORK_PROBLEM = {
  title: "Network error",
  detail: hasMessages ? t("page.error.network") : "Could not reach the server. Check your connection and try again.",
};

/**
 * Sends a request and returns the parsed JSON body (null when there is none).
 * @param {string} path
 * @param {RequestOptions} [options]
 * @returns {Promise<any>}
 */
export async function request(path, { method = "GET", body, upload, token, session = false, idempotencyKey, signal } = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (upload) headers["Content-Type"] = upload.type || "application/octet-stream";
  if (token) headers.Authorization = `Bearer ${token}`;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  // The server accepts a cookie-authenticated change only with this header, which another site cannot send.
  if (session) headers["X-Schedly-Session"] = "1";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: upload ?? (body === undefined ? undefined : JSON.stringify(body)),
      cache: "no-store",
      credentials: session ? "same-origin" : "omit",
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, NETWORK_PROBLEM);
  }
  const json = await readJson(response);
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

/**
 * The body as JSON when the response says it is JSON (or problem+json), else null.
 * @param {Response} response
 */
async function readJson(response) {
  const type = response.headers.get("Content-Type") ?? "";
  const text = await response.text();
  if (!text || !/[/+]json\b/i.test(type)) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
