// @ts-check
// What a host shares: the booking page's address and the embed snippet. The snippet's shape belongs to /embed.js
// (built with the booking page); it is made here, in one function, so the two stay easy to align.
import { bookingPageUrl, hostOwner } from "../lib/endpoints.js";

/**
 * The full address of an event type's booking page on this site.
 * @param {string} host @param {string} eventType
 */
export const bookingPageAddress = (host, eventType) => `${location.origin}${bookingPageUrl(hostOwner(host), eventType)}`;

/**
 * The HTML a host pastes into its own site to embed the booking page (served by /embed.js).
 * @param {string} origin this site, such as https://bookings.example.com
 * @param {string} host @param {string} eventType
 */
export const embedSnippet = (origin, host, eventType) =>
  `<script src="${origin}/embed.js" data-schedly="${host}/${eventType}" async></script>`;
