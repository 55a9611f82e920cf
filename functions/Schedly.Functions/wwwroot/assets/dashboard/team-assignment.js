// @ts-check
// A team booking in the host's list: whom else it is with (collective), and for a round-robin booking why it is this
// host's: the rule that decided and every free member as round-robin weighed them (docs/TEAMS.md).
import { el } from "../lib/dom.js";
import { publicApi } from "../lib/endpoints.js";
import { formatDateLong } from "../lib/format.js";

/** @type {WeakMap<import("./context.js").DashboardContext, Map<string, string>>} "{team}/{eventType}" → the type's title */
const titles = new WeakMap();

/**
 * Reads the teams of these bookings (each once per dashboard) so their rows can name the team's event type, which the
 * host's own configuration does not hold. A team that cannot be read leaves its types named by slug.
 * @param {import("./context.js").DashboardContext} ctx @param {Array<{ team?: string | null }>} bookings
 */
export async function readTeamTitles(ctx, bookings) {
  let known = titles.get(ctx);
  if (!known) titles.set(ctx, known = new Map());
  const map = known;
  const teams = bookings.map((b) => b.team ?? "").filter((team) => team !== "" && !map.has(`${team}/`));
  const missing = [...new Set(teams)];
  await Promise.all(missing.map(async (team) => {
    map.set(`${team}/`, team);
    try {
      /** @type {import("../lib/endpoints.js").TeamProfile} */
      const profile = await publicApi.team(team);
      map.set(`${team}/`, profile.name);
      for (const type of profile.eventTypes) map.set(`${team}/${type.slug}`, type.title);
    } catch {
      // named by slug
    }
  }));
}

/**
 * The title of a team booking's event type (null for a host's own booking, or a team not read).
 * @param {import("./context.js").DashboardContext} ctx @param {{ team?: string | null, eventType: string }} booking
 */
export const teamTypeTitle = (ctx, booking) => (booking.team ? titles.get(ctx)?.get(`${booking.team}/${booking.eventType}`) ?? null : null);

/**
 * @typedef {{ host: string, priority: number, weight: number, credit: number, lastBookedAt?: string | null, competed: boolean }} Candidate
 * @typedef {{ reason: string, candidates: Candidate[] }} Assignment
 */

/** @type {Record<string, string>} the deciding rule, as the host reads it */
const REASONS = {
  onlyFreeMember: "You were the only member free at that time.",
  priority: "You were in the highest priority tier that was free.",
  mostCredit: "You had the most fairness credit (bookings owed for the chances you had).",
  leastRecentlyBooked: "Credit was equal; you were booked least recently.",
  tieBreak: "Every rule was equal; a fixed tie-break from the request decided.",
};

/**
 * The team lines of one booking (none for a host's own booking).
 * @param {{ id: string, hosts?: string[], assignment?: Assignment | null }} booking
 * @param {string} host the signed-in host
 * @param {string} zone the host's zone
 * @returns {HTMLElement[]}
 */
export function teamFacts(booking, host, zone) {
  const others = (booking.hosts ?? []).filter((h) => h !== host);
  const lines = [];
  if (others.length) lines.push(el("p", { class: "small team-with", text: `Team booking, also with ${others.join(", ")}` }));
  const assignment = booking.assignment;
  if (!assignment) return lines;
  const rows = assignment.candidates.map((c) => el("tr", {},
    el("th", { scope: "row", text: c.host === host ? `${c.host} (you)` : c.host }),
    el("td", { text: String(c.priority) }),
    el("td", { text: String(c.weight) }),
    el("td", { text: c.credit.toFixed(2) }),
    el("td", { text: c.lastBookedAt ? formatDateLong(c.lastBookedAt, zone) : "never" }),
    el("td", { text: c.competed ? "yes" : "no (lower tier)" })));
  lines.push(el("details", { class: "small assignment-details" },
    el("summary", { text: "Round-robin: why this booking is yours" }),
    el("p", { class: "assignment-reason", text: REASONS[assignment.reason] ?? assignment.reason }),
    // A narrow screen scrolls the table sideways: the region takes focus so keyboards can scroll it too.
    el("div", { class: "table-scroll", tabindex: "0", role: "region", "aria-label": "Members weighed" },
      el("table", { class: "assignment-table" },
        el("caption", { text: "Members free at that time, as round-robin weighed them (credit in bookings owed)" }),
        el("thead", {}, el("tr", {}, ...["Member", "Priority", "Weight", "Credit", "Last booked", "Competed"].map((h) => el("th", { scope: "col", text: h })))),
        el("tbody", {}, ...rows)))));
  return lines;
}
