// Small helpers every page uses: building elements, the notice above the page, buttons that call the API, forms,
// dialogs, test cards, stars and statuses. Words, money and dates in the chosen language come from i18n.js.
import { ApiError } from './api.js';
import { t, tn } from './i18n.js';

export { money, minor } from './i18n.js';

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
    else { say('error', t('Something went wrong in the page; see the browser console.')); console.error(e); }
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

/** A reservation's, payment's or refund's status as a badge, in words of the chosen language. */
export function status(value) {
  return h('span', { class: `status ${value}` }, statusWord(value));
}

const STATUS_WORDS = {
  pending: 'pending', paid: 'paid', rejected: 'rejected', canceled: 'canceled', refunded: 'refunded',
  checked_in: 'checked in', checked_out: 'checked out', no_show: 'no show', captured: 'captured',
  charging: 'charging', declined: 'declined', failed: 'failed', none: 'none', requested: 'requested',
};

export function statusWord(value) {
  return STATUS_WORDS[value] ? t(STATUS_WORDS[value]) : value;
}

/** A hotel's stars, read out as "4 stars". */
/** "Up to 2 guests · 1 king": whom a room type sleeps, and how (the beds are optional). */
export function sleeps(roomType) {
  return [tn(roomType.maxOccupancy, 'Up to {n} guest', 'Up to {n} guests'), roomType.bedConfiguration]
    .filter(Boolean).join(' · ');
}

export function stars(n) {
  if (!n) return '';
  return h('span', { class: 'stars', role: 'img', 'aria-label': tn(n, '{n} star', '{n} stars') }, '★'.repeat(n));
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
    [['tok_visa', t('Test Visa (approved)')], ['tok_mastercard', t('Test Mastercard (approved)')],
      ['tok_chargeDeclinedInsufficientFunds', t('Test card: insufficient funds (declined)')],
      ['tok_chargeDeclined', t('Test card: declined')], ['tok_slow', t('Test card: slow processor')]]
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
export function confirmDialog({ id, title, content, confirm, dismiss = t('Not now'), onConfirm, onError }) {
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
      else { error.textContent = t('Something went wrong in the page; see the browser console.'); console.error(e); }
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

/** A calendar date (YYYY-MM-DD) moved by some days. */
export function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** Nights from one calendar date to another. */
export function nightsBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}
