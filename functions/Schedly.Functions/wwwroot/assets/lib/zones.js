// @ts-check
// Time zones: the visitor's own, the list to choose from, and how a zone's name is shown.

const COMMON_ZONES = [
  "UTC", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
  "Europe/Rome", "Europe/Amsterdam", "Europe/Stockholm", "Europe/Warsaw", "Europe/Athens", "Europe/Helsinki",
  "Europe/Istanbul", "Europe/Moscow", "Africa/Cairo", "Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi",
  "Asia/Dubai", "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Bangkok", "Asia/Jakarta", "Asia/Singapore",
  "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Tokyo", "Asia/Seoul", "Australia/Perth", "Australia/Adelaide",
  "Australia/Sydney", "Pacific/Auckland", "Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
  "America/Denver", "America/Phoenix", "America/Chicago", "America/Mexico_City", "America/New_York",
  "America/Toronto", "America/Bogota", "America/Lima", "America/Santiago", "America/Sao_Paulo",
  "America/Argentina/Buenos_Aires", "America/Halifax", "America/St_Johns",
];

/** The browser's zone, or UTC. */
export function detectTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** A zone's name for people: "America/New York". @param {string} zone */
export const zoneLabel = (zone) => zone.replaceAll("_", " ");

/**
 * Every zone the browser knows (or a common list), always including the given ones and UTC.
 * @param {...string} include
 */
function timeZoneChoices(...include) {
  let zones = COMMON_ZONES;
  if (typeof Intl.supportedValuesOf === "function") {
    try {
      zones = Intl.supportedValuesOf("timeZone");
    } catch {
      zones = COMMON_ZONES;
    }
  }
  const all = new Set(zones);
  for (const zone of include) if (zone) all.add(zone);
  if (!all.has("UTC")) all.add("UTC");
  return [...all].sort((a, b) => a.localeCompare(b));
}

/**
 * Fills a <select> with zones and selects `selected`.
 * @param {HTMLSelectElement} select
 * @param {string} selected
 */
export function fillZoneSelect(select, selected) {
  select.replaceChildren(...timeZoneChoices(selected).map((zone) => {
    const option = document.createElement("option");
    option.value = zone;
    option.textContent = zoneLabel(zone);
    option.selected = zone === selected;
    return option;
  }));
}
