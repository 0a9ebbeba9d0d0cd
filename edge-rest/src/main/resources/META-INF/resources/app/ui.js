// Small helpers every page uses: building elements, the notice above the page, buttons that call the API, forms,
// dialogs, test cards, money and dates.
import { ApiError } from './api.js';

const notice = document.getElementById('notice');

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    // through the CSSOM, which the Content-Security-Policy allows (a style attribute it would block)
    else if (key === 'style') el.style.cssText = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function say(kind, message, errors = []) {
  notice.hidden = false;
  notice.className = kind;
  notice.replaceChildren(...problemText({ message, errors }));
  notice.scrollIntoView({ block: 'nearest' });
}

export function clear() {
  notice.hidden = true;
}

/** Runs an action for a button: disabled while it runs (no double submit), errors shown from problem details. */
export async function act(button, action) {
  if (button) button.disabled = true;
  clear();
  try {
    return await action();
  } catch (e) {
    if (e instanceof ApiError) say('error', e.message, e.errors);
    else { say('error', 'Something went wrong in the page; see the browser console.'); console.error(e); }
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export function field(label, input) {
  return h('label', {}, label, input);
}

export function input(name, value = '', attrs = {}) {
  return h('input', { name, value: value ?? '', ...attrs });
}

export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

export function money(amount, currency) {
  if (amount === null || amount === undefined) return '—';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 10 ** digits);
}

export function minor(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return Math.round(Number(text) * 10 ** digits);
}

export function status(value) {
  return h('span', { class: `status ${value}` }, value);
}

export function table(columns, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c[0])))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', {}, c[1](row))))))));
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** The simulated processor's test cards (docs/api.md#test-tokens), as the select a booking or a change pays with. */
export function testCardSelect() {
  return h('select', { name: 'paymentToken' },
    [['tok_visa', 'Test Visa (approved)'], ['tok_mastercard', 'Test Mastercard (approved)'],
      ['tok_chargeDeclinedInsufficientFunds', 'Test card: insufficient funds (declined)'],
      ['tok_chargeDeclined', 'Test card: declined'], ['tok_slow', 'Test card: slow processor']]
      .map(([value, text]) => h('option', { value }, text)));
}

/** An API error's words and field errors, for a notice or a dialog. */
export function problemText(e) {
  return [h('div', {}, e.message),
    e.errors && e.errors.length ? h('ul', {}, e.errors.map((x) => h('li', {}, `${x.field}: ${x.reason}`))) : ''];
}

/**
 * A modal dialog asking to confirm: {@code content} above, a dismiss and a confirm button below (Escape dismisses
 * too). onConfirm runs with the confirm button disabled; when it fails, its words are shown in the dialog, which stays
 * open so that another choice can be made (onError may refresh what the dialog offers).
 */
export function confirmDialog({ id, title, content, confirm, dismiss = 'Not now', onConfirm, onError }) {
  const error = h('div', { class: 'warning', role: 'alert', id: `${id}-error` });
  const yes = h('button', { type: 'button' }, confirm);
  const no = h('button', { type: 'button', class: 'secondary' }, dismiss);
  const dialog = h('dialog', { id, 'aria-labelledby': `${id}-title` }, h('h3', { id: `${id}-title` }, title),
    ...content, error, h('p', { class: 'row' }, no, yes));
  no.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    error.replaceChildren();
    try {
      await onConfirm();
      dialog.close();
    } catch (e) {
      if (e instanceof ApiError) error.replaceChildren(...problemText(e));
      else { error.textContent = 'Something went wrong in the page; see the browser console.'; console.error(e); }
      if (onError) await onError(e);
    } finally {
      yes.disabled = false;
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

export function plusDays(days) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}
