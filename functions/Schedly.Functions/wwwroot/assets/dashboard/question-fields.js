// @ts-check
// The event-type editor's booking questions: one row per question (id, label, type, required) and,
// for select/multiSelect, one row per option (stable id, label). Every input carries the server's
// error path ("questions[1].options[0].id"), so its field errors land beside the right input.
import { byId, el } from "../lib/dom.js";

/** @typedef {{ id: string, label: string }} QuestionOption */
/** @typedef {{ id: string, label: string, type: string, required?: boolean, options?: QuestionOption[] | null }} BookingQuestion */

const TYPES = /** @type {const} */ ({
  text: "Short text", longText: "Long text", email: "Email", phone: "Phone", number: "Number",
  url: "Link", checkbox: "Checkbox", select: "One choice", multiSelect: "Several choices",
});
const WITH_OPTIONS = new Set(["select", "multiSelect"]);

const list = () => byId("type-questions");

/** @param {QuestionOption} option */
function optionRow(option) {
  const remove = el("button", { type: "button", class: "secondary remove-option", text: "Remove option" });
  const row = el("li", { class: "question-option" },
    el("input", { type: "text", class: "option-id", value: option.id, autocomplete: "off" }),
    el("input", { type: "text", class: "option-label", value: option.label, autocomplete: "off" }),
    remove);
  remove.addEventListener("click", () => { row.remove(); renumber(); });
  return row;
}

/** @param {BookingQuestion} question */
function questionRow(question) {
  const type = el("select", { class: "question-type" },
    ...Object.entries(TYPES).map(([value, text]) => el("option", { value, text, selected: value === question.type })));
  const options = el("ul", { class: "question-options" }, ...(question.options ?? []).map(optionRow));
  const addOption = el("button", { type: "button", class: "secondary add-option", text: "Add option" });
  const optionsBox = el("div", { class: "question-options-box" }, options, addOption);
  const remove = el("button", { type: "button", class: "secondary remove-question", text: "Remove question" });
  const row = el("li", { class: "question" },
    el("input", { type: "text", class: "question-id", value: question.id, autocomplete: "off" }),
    el("input", { type: "text", class: "question-label", value: question.label, autocomplete: "off" }),
    type,
    el("label", { class: "check" }, el("input", { type: "checkbox", class: "question-required", checked: question.required === true }), " Required"),
    optionsBox, remove);
  const showOptions = () => { optionsBox.hidden = !WITH_OPTIONS.has(type.value); };
  type.addEventListener("change", showOptions);
  addOption.addEventListener("click", () => {
    options.append(optionRow({ id: `option-${options.children.length + 1}`, label: "" }));
    renumber();
  });
  remove.addEventListener("click", () => { row.remove(); renumber(); });
  showOptions();
  return row;
}

/** Field paths and accessible names after adding or removing rows. */
function renumber() {
  [...list().querySelectorAll("li.question")].forEach((row, i) => {
    const n = `Question ${i + 1}`;
    const set = (/** @type {string} */ selector, /** @type {string} */ field, /** @type {string} */ label) => {
      const node = row.querySelector(`:scope > ${selector}, :scope > label > ${selector}`);
      if (!(node instanceof HTMLElement)) return;
      node.dataset.field = field;
      node.setAttribute("aria-label", label);
    };
    set(".question-id", `questions[${i}].id`, `${n} id`);
    set(".question-label", `questions[${i}].label`, `${n} label`);
    set(".question-type", `questions[${i}].type`, `${n} type`);
    set(".question-required", `questions[${i}].required`, `${n} required`);
    set(".remove-question", `questions[${i}]`, `Remove question ${i + 1}`);
    row.querySelector(".add-option")?.setAttribute("aria-label", `Add option to question ${i + 1}`);
    row.querySelector(".question-options-box")?.setAttribute("data-field", `questions[${i}].options`);
    [...row.querySelectorAll("li.question-option")].forEach((option, j) => {
      const [id, label] = option.querySelectorAll("input");
      id.dataset.field = `questions[${i}].options[${j}].id`;
      label.dataset.field = `questions[${i}].options[${j}].label`;
      id.setAttribute("aria-label", `${n} option ${j + 1} id`);
      label.setAttribute("aria-label", `${n} option ${j + 1} label`);
      option.querySelector("button")?.setAttribute("aria-label", `Remove option ${j + 1} of question ${i + 1}`);
    });
  });
}

/** Shows an event type's questions (or none). @param {BookingQuestion[] | undefined} questions */
export function fillQuestions(questions) {
  list().replaceChildren(...(questions ?? []).map(questionRow));
  renumber();
}

/** The questions as the form has them, in order; options only for select/multiSelect. @returns {BookingQuestion[]} */
export function readQuestions() {
  return [...list().querySelectorAll("li.question")].map((row) => {
    const value = (/** @type {string} */ selector) => /** @type {HTMLInputElement} */ (row.querySelector(selector)).value.trim();
    const type = value(".question-type");
    /** @type {BookingQuestion} */
    const question = {
      id: value(".question-id"),
      label: value(".question-label"),
      type,
      required: /** @type {HTMLInputElement} */ (row.querySelector(".question-required")).checked,
    };
    if (WITH_OPTIONS.has(type)) {
      question.options = [...row.querySelectorAll("li.question-option")].map((option) => {
        const [id, label] = option.querySelectorAll("input");
        return { id: id.value.trim(), label: label.value.trim() };
      });
    }
    return question;
  });
}

export function setUpQuestionFields() {
  byId("add-question").addEventListener("click", () => {
    const row = questionRow({ id: `question-${list().children.length + 1}`, label: "", type: "text" });
    list().append(row);
    renumber();
    /** @type {HTMLElement | null} */ (row.querySelector(".question-label"))?.focus();
  });
}
