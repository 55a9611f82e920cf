// @ts-check
// A URL slug made from a title as people type it: "Intro Call" → "intro-call", "Séance d'équipe" → "seance-d-equipe".
// Accents are folded (letters decomposed, their marks dropped; ß, æ, ø, œ, ł, đ, þ spelled out), anything else
// that is not a-z or 0-9 becomes one hyphen, and the result is cut to 63 characters without a trailing hyphen.
// The server still checks the slug; this only saves typing.

/** Letters that do not decompose into a base letter and a mark. */
const SPELLED = /** @type {Record<string, string>} */ ({ "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ð": "d", "ı": "i" });

export const MAX_SLUG_LENGTH = 63;

/** @param {string} title */
export function slugFromTitle(title) {
  return title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[ßæøœłđþðı]/g, (letter) => SPELLED[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, "");
}
