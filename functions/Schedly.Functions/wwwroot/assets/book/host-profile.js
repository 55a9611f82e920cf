// @ts-check
// The host's bio and image, and the event type's description, above the booking page.
import { byId } from "../lib/dom.js";

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
  byId("host-profile").hidden = !hasImage && !profile.bio;
}

/** @param {import("./context.js").EventType} type */
export function showDescription(type) {
  const node = byId("type-description");
  node.textContent = type.description ?? "";
  node.hidden = !type.description;
  if (type.description) byId("host-profile").hidden = false;
}
