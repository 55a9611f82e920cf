// @ts-check
// The event type's booking questions as form fields, and their answers in the shapes the server
// takes (strings, numbers, booleans, lists of option ids). Every rule is the server's: its field
// errors (answers.{id}) land beside the fields through data-field.
import { byId, el } from "../lib/dom.js";
import { t } from "../lib/i18n.js";

/** @typedef {{ id: string, label: string }} QuestionOption */
/** @typedef {{ id: string, label: string, type: string, required?: boolean, options?: QuestionOption[] }} Question */

/** Input type per question type, for the one-input kinds. */
const INPUT_TYPES = /** @type {Record<string, string>} */ ({ text: "text", email: "email", phone: "tel", number: "number", url: "url" });

/** @param {Question} question @param {string} id */
function field(question, id) {
  const dataField = `answers.${question.id}`;
  const label = el("label", { for: id, text: question.label },
    question.required ? null : el("span", { class: "muted", text: ` ${t("page.optional")}` }));
  switch (question.type) {
    case "longText":
      return el("div", { class: "field" }, label, el("textarea", { id, rows: 3, "data-field": dataField, required: question.required }));
    case "checkbox":
      return el("div", { class: "field check" }, el("input", { id, type: "checkbox", "data-field": dataField }), label);
    case "select":
      return el("div", { class: "field" }, label, el("select", { id, "data-field": dataField },
        el("option", { value: "", text: t("page.choose") }),
        ...(question.options ?? []).map((o) => el("option", { value: o.id, text: o.label }))));
    case "multiSelect":
      return el("fieldset", { class: "field", id, "data-field": dataField },
        el("legend", { text: question.label }),
        ...(question.options ?? []).map((o) => el("label", { class: "check" },
          el("input", { type: "checkbox", value: o.id, name: id }), ` ${o.label}`)));
    default:
      return el("div", { class: "field" }, label, el("input", {
        id, type: INPUT_TYPES[question.type] ?? "text", "data-field": dataField, required: question.required,
        inputmode: question.type === "number" ? "decimal" : undefined,
        placeholder: question.type === "phone" ? "+44…" : undefined,
      }));
  }
}

/** @param {Question} question */
const inputId = (question) => `q-${question.id}`;

/** Draws the questions into #questions (empty when there are none). @param {Question[]} questions */
export function renderQuestions(questions) {
  byId("questions").replaceChildren(...questions.map((q) => field(q, inputId(q))));
}

/**
 * The answers as the form has them; empty fields are left out.
 * @param {Question[]} questions
 * @returns {Record<string, string | number | boolean | string[]>}
 */
export function readAnswers(questions) {
  /** @type {Record<string, string | number | boolean | string[]>} */
  const answers = {};
  for (const question of questions) {
    const node = byId(inputId(question));
    if (question.type === "multiSelect") {
      const ids = [...node.querySelectorAll("input:checked")].map((input) => /** @type {HTMLInputElement} */ (input).value);
      if (ids.length) answers[question.id] = ids;
    } else if (question.type === "checkbox") {
      if (/** @type {HTMLInputElement} */ (node).checked) answers[question.id] = true;
    } else {
      const value = /** @type {HTMLInputElement} */ (node).value.trim();
      if (value === "") continue;
      answers[question.id] = question.type === "number" && Number.isFinite(Number(value)) ? Number(value) : value;
    }
  }
  return answers;
}
