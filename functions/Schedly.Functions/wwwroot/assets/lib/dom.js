// @ts-check
// Element creation and lookup, shared by every page. Nothing here knows about Schedly.

/**
 * The element with this id, checked to be of the expected kind (HTMLElement unless given).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {new () => T} [kind]
 * @returns {T}
 */
export function byId(id, kind) {
  const node = document.getElementById(id);
  const expected = kind ?? HTMLElement;
  if (!(node instanceof expected)) throw new Error(`The page has no ${expected.name} #${id}.`);
  return /** @type {T} */ (node);
}

/** @param {string} id */
export const inputById = (id) => byId(id, HTMLInputElement);

/** @typedef {Record<string, unknown>} Attributes */

/**
 * Creates an element. `class`, `dataset` and `text` are special; other names set a property when
 * the element has one and the value is not a string, else an attribute (`true` = present).
 * `undefined`, `null` and `false` values are skipped, as are null/undefined children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attributes} [attributes]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = String(value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "text") node.textContent = String(value);
    else if (name in node && typeof value !== "string") /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (node))[name] = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element with attributes (null/undefined skipped) and optional text.
 * @param {string} tag
 * @param {Record<string, string | number | null | undefined>} [attributes]
 * @param {string} [text]
 * @returns {SVGElement}
 */
export function svgEl(tag, attributes = {}, text) {
  const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An id not yet used on the page, e.g. `err-k3j2…`. @param {string} prefix */
export const uniqueId = (prefix) => `${prefix}-${Math.random().toString(36).slice(2)}`;

/**
 * Shows a status line; `isError` adds the `error` class.
 * @param {HTMLElement} node
 * @param {string} text
 * @param {boolean} [isError]
 */
export function setStatus(node, text, isError = false) {
  node.textContent = text;
  node.classList.toggle("error", isError);
}
