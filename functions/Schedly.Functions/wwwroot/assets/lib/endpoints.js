// @ts-check
// The Schedly API's routes, as calls through the shared fetch wrapper. Public routes first, then
// the host's admin routes (authorized with the host API key).
import { request } from "./api.js";

const seg = encodeURIComponent;

/** @typedef {import("./api.js").RequestOptions} RequestOptions */
/** @typedef {{ amount: string, currency: string }} Price */
/** @typedef {{ minutes: number, price?: Price | null }} DurationOption */
/** @typedef {{ slug: string, title: string, description?: string, durationMinutes: number, price?: Price | null, durationOptions?: DurationOption[], questions?: import("../book/questions.js").Question[], requiresApproval?: boolean, payment?: { required: boolean } }} PublicEventType */
/** @typedef {{ slug: string, name: string, eventTypes: PublicEventType[], bio?: string, imageUrl?: string | null, locale?: string, proofOfWork?: boolean }} HostProfile the answer of GET /api/hosts/{host} */
/** @typedef {PublicEventType & { assignment: "roundRobin" | "collective" }} PublicTeamEventType */
/** @typedef {{ host: string, name: string }} TeamMember */
/** @typedef {{ team: string, name: string, members: TeamMember[], eventTypes: PublicTeamEventType[], proofOfWork?: boolean }} TeamProfile the answer of GET /api/teams/{team} */
/**
 * Whose event types a page books: one host, or a team of hosts (`member`: only that member's times, as when a
 * round-robin booking moves and keeps its host).
 * @typedef {{ kind: "host" | "team", slug: string, member?: string }} Owner
 */

/** @param {string} slug @returns {Owner} */
export const hostOwner = (slug) => ({ kind: "host", slug });
/** @param {string} slug @returns {Owner} */
export const teamOwner = (slug) => ({ kind: "team", slug });
/** @param {Owner} owner */
const ownerPath = (owner) => `/api/${owner.kind === "team" ? "teams" : "hosts"}/${seg(owner.slug)}`;

export const publicApi = {
  /** @param {string} host @param {RequestOptions} [options] */
  host: (host, options) => request(`/api/hosts/${seg(host)}`, options),
  /** @param {string} team @param {RequestOptions} [options] */
  team: (team, options) => request(`/api/teams/${seg(team)}`, options),
  /**
   * @param {Owner} owner @param {string} eventType @param {string} start @param {string} end
   * @param {string} timeZone @param {number | null} durationMinutes null: the event type's default length
   * @param {RequestOptions} [options]
   */
  slots: (owner, eventType, start, end, timeZone, durationMinutes, options) =>
    request(`${ownerPath(owner)}/event-types/${seg(eventType)}/slots?start=${start}&end=${end}&timeZone=${seg(timeZone)}${
      durationMinutes ? `&durationMinutes=${durationMinutes}` : ""}${owner.member ? `&host=${seg(owner.member)}` : ""}`, options),
  /** @param {Owner} owner @param {string} eventType @param {object} body @param {string} idempotencyKey */
  book: (owner, eventType, body, idempotencyKey) =>
    request(`${ownerPath(owner)}/event-types/${seg(eventType)}/bookings`, { method: "POST", body, idempotencyKey }),
  /** @param {string} id @param {string} token */
  booking: (id, token) => request(`/api/bookings/${seg(id)}`, { token }),
  /** @param {string} id @param {string} token @param {string} reason */
  cancel: (id, token, reason) => request(`/api/bookings/${seg(id)}/cancel`, { method: "POST", token, body: reason ? { reason } : {} }),
  /** The request the host's approval link names. @param {string} id @param {string} token the approval token */
  approvalRequest: (id, token) => request(`/api/approvals/${seg(id)}`, { token }),
  /** @param {string} id @param {string} token the approval token @param {"approve" | "decline"} answer @param {string} [reason] */
  answerRequest: (id, token, answer, reason) =>
    request(`/api/approvals/${seg(id)}/${answer}`, { method: "POST", token, body: reason ? { reason } : {} }),
  /** @param {string} id @param {string} token @param {string} start */
  reschedule: (id, token, start) => request(`/api/bookings/${seg(id)}/reschedule`, { method: "POST", token, body: { start } }),
};

/** Where the proof-of-work widget fetches its challenge (when the host profile says proofOfWork). */
export const proofOfWorkChallengeUrl = "/api/proof-of-work/challenge";

/** The .ics download for a booking (the token rides in the query, as the calendar route expects). @param {string} id @param {string} token */
export const calendarUrl = (id, token) => `/api/bookings/${seg(id)}/calendar.ics?token=${seg(token)}`;

/**
 * The manage page (in `locale` when given and not English; `extra` query parameters, e.g. for a framed page); the token
 * travels only in the fragment, which browsers never send to a server.
 * @param {string} id @param {string} token @param {string} [locale] @param {Record<string, string>} [extra]
 */
export function manageUrl(id, token, locale, extra = {}) {
  const query = new URLSearchParams(extra);
  if (locale && locale !== "en") query.set("lang", locale);
  const search = query.toString();
  return `/manage${search ? `?${search}` : ""}#id=${seg(id)}&token=${seg(token)}`;
}

/** The booking page of an event type (of a host, or of a team). @param {Owner} owner @param {string} eventType */
export const bookingPageUrl = (owner, eventType) =>
  `/book/${owner.kind === "team" ? "team/" : ""}${seg(owner.slug)}/${seg(eventType)}`;

/**
 * The admin routes of one host, authorized by `key()` (read at each call: the key changes on sign-in/out), or by
 * the session cookie when `key()` is empty (signed in by an emailed link).
 * @param {string} host
 * @param {() => string} key
 */
export function adminApi(host, key) {
  /** @param {string} path @param {RequestOptions} [options] */
  const call = (path, options = {}) => request(`/api/admin/hosts/${seg(host)}${path}`, { ...options, token: key(), session: !key() });
  return {
    config: () => call(""),
    /** @param {object} profile name, email, timeZone, locale, bio, imageUrl, … (PUT /api/admin/hosts/{host}) */
    putProfile: (profile) => call("", { method: "PUT", body: profile }),
    /** @param {Blob} photo a JPEG, PNG or WebP image @returns {Promise<{ imageUrl: string }>} */
    putPhoto: (photo) => call("/photo", { method: "PUT", upload: photo }),
    deletePhoto: () => call("/photo", { method: "DELETE" }),
    /** @param {object} availability */
    putAvailability: (availability) => call("/availability", { method: "PUT", body: availability }),
    /** @param {string} slug @param {object} eventType */
    putEventType: (slug, eventType) => call(`/event-types/${seg(slug)}`, { method: "PUT", body: eventType }),
    /** @param {string} slug */
    deactivateEventType: (slug) => call(`/event-types/${seg(slug)}`, { method: "DELETE" }),
    /**
     * One page of the host's bookings: host-local dates start..end (inclusive), statuses ("" for all, else
     * comma-separated), part of the client's email ("" for any), and the previous page's token.
     * @param {{ start: string, end: string, status: string, email: string, pageSize: number }} query
     * @param {string | null} continuationToken
     */
    bookingsPage: (query, continuationToken) => {
      const params = new URLSearchParams({ start: query.start, end: query.end, pageSize: String(query.pageSize) });
      if (query.status) params.set("status", query.status);
      if (query.email) params.set("email", query.email);
      if (continuationToken) params.set("continuationToken", continuationToken);
      return call(`/bookings?${params}`);
    },
    /** @param {string} id @param {string} start */
    rescheduleBooking: (id, start) => call(`/bookings/${seg(id)}/reschedule`, { method: "POST", body: { start } }),
    /** @param {string} id @param {string} reason */
    cancelBooking: (id, reason) => call(`/bookings/${seg(id)}/cancel`, { method: "POST", body: reason ? { reason } : {} }),
    /** @param {string} id @param {"approve" | "decline"} answer */
    answerRequest: (id, answer) => call(`/bookings/${seg(id)}/${answer}`, { method: "POST", body: {} }),
    /** @param {string} id @param {boolean} noShow */
    setNoShow: (id, noShow) => call(`/bookings/${seg(id)}/no-show`, { method: noShow ? "POST" : "DELETE" }),
    /** @param {string} start @param {string} end */
    analytics: (start, end) => call(`/analytics?start=${seg(start)}&end=${seg(end)}`),
    calendars: () => call("/calendars"),
    /** @param {string} id @param {{ name: string, url?: string }} feed */
    putCalendar: (id, feed) => call(`/calendars/${seg(id)}`, { method: "PUT", body: feed }),
    /** @param {string} id */
    refreshCalendar: (id) => call(`/calendars/${seg(id)}/refresh`, { method: "POST" }),
    /** @param {string} id */
    deleteCalendar: (id) => call(`/calendars/${seg(id)}`, { method: "DELETE" }),
    signOutEverywhere: () => call("/sessions/revoke", { method: "POST" }),
  };
}

/** @typedef {{ host: string, expiresAt: string }} SignInSession */

/** Sign-in by emailed link: ask for a link, redeem it for a session cookie, read and end the session. */
export const signInApi = {
  /** @param {string} email */
  requestLink: (email) => request("/api/sign-in/link", { method: "POST", body: { email } }),
  /** @param {string} token @returns {Promise<SignInSession>} */
  redeem: (token) => request("/api/sign-in/session", { method: "POST", body: { token }, session: true }),
  /** @returns {Promise<SignInSession | null>} null: not signed in */
  current: () => request("/api/sign-in/session", { session: true }),
  end: () => request("/api/sign-in/session", { method: "DELETE", session: true }),
};

/** @typedef {ReturnType<typeof adminApi>} AdminApi */
