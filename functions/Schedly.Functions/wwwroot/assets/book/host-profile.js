// @ts-check
// The host's bio and image (or a team's members), and the event type's description, above the booking page.
import { byId } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { nameList } from "../lib/names.js";

/** "with Ada Lovelace", or "with Advisors" for a team. @param {import("./context.js").HostProfile} profile */
export const withWhom = (profile) => t("page.book.withHost", { host: profile.name });

/**
 * Whom a booking is with: the host; for a team's booking the members it went to ("Grace Hopper", or "Ada Lovelace
 * and Grace Hopper" for a collective one).
 * @param {import("./context.js").HostProfile} profile @param {string[] | undefined} hosts the booking's hosts
 */
export function bookedWith(profile, hosts) {
  const members = profile.members;
  if (!members?.length || !hosts?.length) return profile.name;
  return nameList(hosts.map((host) => members.find((member) => member.host === host)?.name ?? host));
}

/** @param {import("./context.js").HostProfile} profile */
export function showHostProfile(profile) {
  const image = byId("host-image", HTMLImageElement);
  // An https image, or a photo uploaded to Schedly (a path on this site, never "//other.site").
  const url = profile.imageUrl ?? "";
  const hasImage = url.startsWith("https://") || (url.startsWith("/") && !url.startsWith("//"));
  image.hidden = !hasImage;
  if (hasImage) {
    image.src = url;
    image.alt = profile.name;
  }
  const bio = byId("host-bio");
  bio.textContent = profile.bio ?? "";
  bio.hidden = !profile.bio;
  showMembers(profile, null);
  byId("host-profile").hidden = !hasImage && !profile.bio && !profile.members?.length;
}

/**
 * A team's members: whom the client meets, one of them (round-robin) or all of them (collective); just the team on
 * the list of event types.
 * @param {import("./context.js").HostProfile} profile
 * @param {import("./context.js").HostProfile["eventTypes"][number] | null} type
 */
function showMembers(profile, type) {
  const node = byId("team-members");
  const names = (profile.members ?? []).map((member) => member.name);
  node.hidden = names.length === 0;
  if (!names.length) return;
  node.textContent = !type?.assignment
    ? t("page.book.teamMembers", { members: nameList(names) })
    : type.assignment === "collective"
    ? t("page.book.teamAllOf", { members: nameList(names) })
    : t("page.book.teamOneOf", { members: nameList(names, "disjunction") });
}

/**
 * @param {import("./context.js").HostProfile} profile
 * @param {import("./context.js").HostProfile["eventTypes"][number]} type
 */
export function showDescription(profile, type) {
  const node = byId("type-description");
  node.textContent = type.description ?? "";
  node.hidden = !type.description;
  showMembers(profile, type);
  if (type.description || profile.members?.length) byId("host-profile").hidden = false;
}
