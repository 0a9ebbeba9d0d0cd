// Small helpers every page uses: building elements, the notice above the page, buttons that call the API, forms,
// money and dates.
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
  notice.replaceChildren(h('div', {}, message),
    errors.length ? h('ul', {}, errors.map((e) => h('li', {}, `${e.field}: ${e.reason}`))) : '');
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

export function plusDays(days) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}
