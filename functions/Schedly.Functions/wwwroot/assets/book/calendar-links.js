// @ts-check
// "Add to calendar" links for Google Calendar and Outlook on the web: the entry's title (with the host's name), its
// time in UTC and its place. No token or personal data goes into them.

/** @typedef {{ title: string, start: string, end: string, location: string }} CalendarEntry */

/** "20261203T090000Z" @param {string} iso */
const compactUtc = (iso) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** @param {CalendarEntry} entry */
export function googleCalendarUrl(entry) {
  const params = new URLSearchParams({ action: "TEMPLATE", text: entry.title, dates: `${compactUtc(entry.start)}/${compactUtc(entry.end)}` });
  if (entry.location) params.set("location", entry.location);
  return `https://calendar.google.com/calendar/render?${params}`;
}

/** @param {CalendarEntry} entry */
export function outlookCalendarUrl(entry) {
  const params = new URLSearchParams({
    path: "/calendar/action/compose", rru: "addevent", subject: entry.title,
    startdt: new Date(entry.start).toISOString(), enddt: new Date(entry.end).toISOString(),
  });
  if (entry.location) params.set("location", entry.location);
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`;
}
