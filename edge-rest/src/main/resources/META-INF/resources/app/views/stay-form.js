// A guest's stay (arrival, departure, rooms, guests) as the search and a hotel's page ask for it and carry it in their
// addresses, and the words for the rooms left.
import { t, tn } from '../i18n.js';
import { addDays, field, h, input, plusDays } from '../ui.js';

/** Rooms left at or below this many are "only N left". */
const FEW = 3;

const SEARCH_KEY = 'hotelmesh.search';

/** The stay in an address (startDate, endDate, rooms, guests); guests default to one a room, as the API's do. */
export function stayFromQuery(query) {
  const rooms = clamp(Number(query.get('rooms')) || 1, 1, 9);
  return {
    startDate: query.get('startDate') || '',
    endDate: query.get('endDate') || '',
    rooms,
    guests: clamp(Number(query.get('guests')) || rooms, rooms, rooms * 20),
  };
}

/** A stay to start from: tomorrow, one night, one room for two. */
export function defaultStay() {
  return { startDate: plusDays(1), endDate: plusDays(2), rooms: 1, guests: 2 };
}

export function stayQuery(stay) {
  return new URLSearchParams({ startDate: stay.startDate, endDate: stay.endDate, rooms: String(stay.rooms),
    guests: String(stay.guests) }).toString();
}

function clamp(n, min, max) {
  return Math.min(Math.max(Math.trunc(n), min), max);
}

/**
 * The form a stay is chosen with: {@code before} (other fields, e.g. the place) then arrival, departure, rooms and
 * guests, and the submit button; {@code onSubmit} gets the stay chosen. The departure follows the arrival (at least a
 * night later), the guests the rooms (at least one a room, at most twenty).
 */
export function stayForm({ name, role, stay, submit, before = [], onSubmit }) {
  const chosen = stay.startDate && stay.endDate ? stay : defaultStay();
  const start = input('startDate', chosen.startDate, { type: 'date', required: true });
  const end = input('endDate', chosen.endDate, { type: 'date', required: true, min: addDays(chosen.startDate, 1) });
  const rooms = h('select', { name: 'rooms' }, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h('option', { value: n }, n)));
  rooms.value = String(chosen.rooms);
  const guests = input('guests', chosen.guests, { type: 'number', min: chosen.rooms, max: chosen.rooms * 20,
    required: true, inputmode: 'numeric' });
  start.addEventListener('change', () => {
    if (!start.value) return;
    end.min = addDays(start.value, 1);
    if (!end.value || end.value <= start.value) end.value = addDays(start.value, 1);
  });
  rooms.addEventListener('change', () => {
    const n = Number(rooms.value);
    guests.min = n;
    guests.max = n * 20;
    if (Number(guests.value) < n) guests.value = n;
  });
  const button = h('button', { type: 'submit' }, submit);
  const form = h('form', { class: 'stay-form', role, 'aria-label': name },
    h('div', { class: 'row' }, ...before, field(t('Arrival'), start), field(t('Departure'), end),
      field(t('Rooms'), rooms), field(t('Guests'), guests), button));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit({ startDate: start.value, endDate: end.value, rooms: Number(rooms.value), guests: Number(guests.value) });
  });
  return form;
}

/** "Only 2 left" (a warning) when few are left, else "6 rooms left". */
export function roomsLeftLine(left) {
  return left <= FEW ? h('p', { class: 'warning rooms-left' }, t('Only {n} left', { n: left }))
    : h('p', { class: 'muted rooms-left' }, tn(left, '{n} room left', '{n} rooms left'));
}

/** The results a guest saw last in this tab, to go back to from a hotel. */
export function rememberSearch(address) {
  sessionStorage.setItem(SEARCH_KEY, address);
}

export function lastSearch() {
  return sessionStorage.getItem(SEARCH_KEY);
}
