// Talks to the Schedly API on the same origin. Every failure becomes an ApiError carrying the
// problem+json document (RFC 9457) when the server sent one, so pages can show its detail.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem ?? null;
  }

  /** The problem kind, such as "slot-unavailable" (the last segment of the type URI), or "". */
  get kind() {
    const type = this.problem?.type ?? "";
    return type.slice(type.lastIndexOf("/") + 1);
  }

  /** Field errors of a validation problem as "field: message" lines. */
  get fieldMessages() {
    const errors = this.problem?.errors ?? {};
    return Object.entries(errors).flatMap(([field, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((m) => (field ? `${field}: ${m}` : m)));
  }
}

export async function request(path, { method = "GET", body, token, idempotencyKey, signal } = {}) {
  const headers = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
      credentials: "omit",
      signal,
    });
  } catch (error) {
    if (error?.name === "AbortError") throw error;
    throw new ApiError(0, { title: "Network error", detail: "Could not reach the server. Check your connection and try again." });
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

const seg = encodeURIComponent;

export const api = {
  host: (host, options) => request(`/api/hosts/${seg(host)}`, options),
  slots: (host, eventType, start, end, timeZone, options) =>
    request(`/api/hosts/${seg(host)}/event-types/${seg(eventType)}/slots?start=${start}&end=${end}&timeZone=${seg(timeZone)}`, options),
  book: (host, eventType, body, idempotencyKey) =>
    request(`/api/hosts/${seg(host)}/event-types/${seg(eventType)}/bookings`, { method: "POST", body, idempotencyKey }),
  booking: (id, token) => request(`/api/bookings/${seg(id)}`, { token }),
  cancel: (id, token, reason) => request(`/api/bookings/${seg(id)}/cancel`, { method: "POST", token, body: reason ? { reason } : {} }),
  reschedule: (id, token, start) => request(`/api/bookings/${seg(id)}/reschedule`, { method: "POST", token, body: { start } }),
};

/** The .ics download for a booking (the token rides in the query, as the calendar route expects). */
export const calendarUrl = (id, token) => `/api/bookings/${seg(id)}/calendar.ics?token=${seg(token)}`;

/** The manage page; the token travels only in the fragment, which browsers never send to a server. */
export const manageUrl = (id, token) => `/manage#id=${seg(id)}&token=${seg(token)}`;
