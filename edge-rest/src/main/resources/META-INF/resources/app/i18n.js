// The pages' two languages, English and Korean: which one is chosen (remembered in this browser, else the browser's
// own: Korean for ko, English otherwise), the words in it, and prices and dates formatted for it with Intl. The views
// write their English words through t(...); the Korean ones are in messages-ko.js under the same English words.
// What the API says in its own words (a problem's detail, field errors) is shown as the API sent it.
import { KO } from './messages-ko.js';

const LANG_KEY = 'hotelmesh.lang';

/** Each language in its own words, for the switch. */
export const LANGUAGES = { en: 'English', ko: '한국어' };

const DICTIONARIES = { en: {}, ko: KO };

function stored() {
  try {
    return localStorage.getItem(LANG_KEY);
  } catch (e) {
    return null;
  }
}

function initial() {
  const chosen = stored();
  if (chosen && LANGUAGES[chosen]) return chosen;
  return (navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

let current = initial();
const listeners = [];
document.documentElement.lang = current;

export function lang() {
  return current;
}

/** Chooses the language, remembers it and tells the pages to draw again. */
export function setLang(next) {
  if (!LANGUAGES[next] || next === current) return;
  current = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch (e) {
    // a browser that keeps nothing still switches for this visit
  }
  document.documentElement.lang = next;
  listeners.forEach((listener) => listener(next));
}

export function onLangChange(listener) {
  listeners.push(listener);
}

/** The locale to format with: the browser's own variant of the chosen language (en-GB, ko-KR), else the language. */
export function locale() {
  const preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  return preferred.find((l) => l && l.toLowerCase().split('-')[0] === current) || current;
}

/** The words for {@code text} (the English ones) in the chosen language, with {name} filled from {@code params}. */
export function t(text, params = {}) {
  const template = DICTIONARIES[current][text] ?? text;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** t(one) for a count of 1, t(other) otherwise, with {n} the count. */
export function tn(n, one, other, params = {}) {
  return t(n === 1 ? one : other, { ...params, n });
}

// ---- formatting

/** An amount in minor units of {@code currency} (KRW and JPY have none, EUR and USD cents), in the chosen language. */
export function money(amount, currency) {
  if (amount === null || amount === undefined || !currency) return '—';
  const format = new Intl.NumberFormat(locale(), { style: 'currency', currency });
  return format.format(amount / 10 ** format.resolvedOptions().maximumFractionDigits);
}

/** "120.00" EUR -> 12000: what staff type, in minor units. */
export function minor(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return Math.round(Number(text) * 10 ** digits);
}

function utcDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const DAY = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };

/** A calendar date (YYYY-MM-DD, a night or a hotel's day): "Thu, Dec 10, 2026", "2026년 12월 10일 (목)". */
export function date(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(), DAY).format(utcDay(iso));
}

/** Two calendar dates as one range: "Thu, Dec 10 – Sat, Dec 12, 2026". */
export function dateRange(from, to) {
  if (!from || !to) return `${date(from)} – ${date(to)}`;
  return new Intl.DateTimeFormat(locale(), DAY).formatRange(utcDay(from), utcDay(to));
}

/** A moment (an ISO instant): date and time in this browser's time zone. */
export function dateTime(instant) {
  if (!instant) return '—';
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

export function time(instant) {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(new Date(instant));
}

/** A weekday's short name ("Mon", "월") for MONDAY..SUNDAY. */
export function weekday(name) {
  const monday = Date.UTC(2024, 0, 1); // a Monday
  const index = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].indexOf(name);
  return new Intl.DateTimeFormat(locale(), { weekday: 'short', timeZone: 'UTC' })
    .format(new Date(monday + index * 86400000));
}

/** A country's name for its ISO code ("KR": "South Korea", "대한민국"). */
export function country(code) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale()], { type: 'region' }).of(code.toUpperCase()) || code;
  } catch (e) {
    return code;
  }
}
