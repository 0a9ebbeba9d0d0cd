// Guests: finding a room, the home page (#/ and #/search). A place (suggested from the catalog's cities as it is
// typed), arrival, departure, rooms and guests; the results live in the address (#/search?city=...&startDate=...), so
// that they can be shared and Back returns to them: each hotel with its cheapest total for the stay and the room
// types that fit and are free, cheapest first, each with the rooms left and a button to book it.
import { get } from '../api.js';
import { country, dateRange, money, t, tn } from '../i18n.js';
import { focusOn, route, screen } from '../navigation.js';
import { act, field, h, input, nightsBetween, sleeps, stars } from '../ui.js';
import { reviewStay } from './guest-review.js';
import { defaultStay, rememberSearch, roomsLeftLine, stayForm, stayFromQuery, stayQuery } from './stay-form.js';

const PAGE_SIZE = 10;
const SORTS = [['price', 'Lowest price'], ['rating', 'Highest rating']];

// Set when the guest asked for results from this page (searched, sorted): the keyboard focus then goes to them.
let focusResults = false;

export async function searchPage(query) {
  const show = screen();
  const where = { city: (query.get('city') || '').trim(), country: (query.get('country') || '').trim().toUpperCase() };
  const searching = Boolean(where.city || where.country);
  const stay = query.get('startDate') && query.get('endDate') ? stayFromQuery(query) : defaultStay();
  const sort = query.get('sort') === 'rating' ? 'rating' : 'price';

  const place = input('place', placeText(where), { required: true, list: 'places', autocomplete: 'off',
    spellcheck: 'false', 'aria-describedby': 'place-hint' });
  const suggestions = h('datalist', { id: 'places' });
  suggestPlaces(place, suggestions);
  const form = stayForm({
    name: t('Find a room'), role: 'search', stay, submit: t('Search'),
    before: [h('div', { class: 'place' }, field(t('Destination'), place), suggestions,
      h('span', { id: 'place-hint', class: 'hint' }, t('A city, e.g. Seoul')))],
    onSubmit: (chosen) => {
      const next = `#/search?${searchQuery(parsePlace(place.value), chosen, sort)}`;
      focusResults = true;
      if (location.hash === next) route();
      else location.hash = next;
    },
  });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-heading' });
  show(h('h1', {}, t('Find a room')), form,
    searching ? results : h('p', {}, h('a', { href: '#/hotels' }, t('Browse all hotels'))));
  if (searching) await showResults(where, stay, sort, results);
}

/** "Seoul, KR" -> Seoul in KR; "Seoul" -> any Seoul; "KR" -> anywhere in KR. */
function parsePlace(text) {
  const value = text.trim();
  const withCountry = /^(.*\S)\s*,\s*([A-Za-z]{2})$/.exec(value);
  if (withCountry) return { city: withCountry[1], country: withCountry[2].toUpperCase() };
  if (/^[A-Za-z]{2}$/.test(value)) return { city: '', country: value.toUpperCase() };
  return { city: value, country: '' };
}

function placeText(where) {
  return [where.city, where.country].filter(Boolean).join(', ');
}

function searchQuery(where, stay, sort) {
  const params = new URLSearchParams();
  if (where.city) params.set('city', where.city);
  if (where.country) params.set('country', where.country);
  return `${params}&${stayQuery(stay)}&sort=${sort}`;
}

/** Fills the place's suggestions (a datalist) with the catalog's cities starting with what is typed. */
function suggestPlaces(place, list) {
  let asked = 0;
  let timer = null;
  place.addEventListener('input', () => {
    const q = place.value.split(',')[0].trim();
    const mine = ++asked;
    clearTimeout(timer);
    if (!q) {
      list.replaceChildren();
      return;
    }
    timer = setTimeout(async () => {
      try {
        const places = await get(`/v1/places?q=${encodeURIComponent(q)}`);
        if (mine !== asked) return;
        list.replaceChildren(...places.map((p) => h('option', { value: `${p.city}, ${p.country}` },
          `${p.city}, ${country(p.country)} · ${tn(p.hotels, '{n} hotel', '{n} hotels')}`)));
      } catch (e) {
        // suggestions only help: the search itself says what is wrong with a place
      }
    }, 150);
  });
}

async function showResults(where, stay, sort, into) {
  const placeName = [where.city, country(where.country)].filter(Boolean).join(', ');
  const heading = h('h2', { id: 'results-heading' }, t('Searching…'));
  const status = h('p', { role: 'status', class: 'muted' });
  const list = h('ol', { id: 'results', class: 'plain results-list', 'aria-labelledby': 'results-heading' });
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, t('More results'));
  into.replaceChildren(heading,
    h('p', {}, [dateRange(stay.startDate, stay.endDate), tn(nightsBetween(stay.startDate, stay.endDate), '{n} night',
      '{n} nights'), tn(stay.rooms, '{n} room', '{n} rooms'), tn(stay.guests, '{n} guest', '{n} guests')].join(' · ')),
    sortLinks(where, stay, sort), status, list, h('p', {}, more));
  const address = `#/search?${searchQuery(where, stay, sort)}`;
  rememberSearch(address);
  let pageToken = '';
  let shown = 0;
  const load = async () => {
    const page = await get(`/v1/search?${searchQuery(where, stay, sort)}&pageSize=${PAGE_SIZE}`
      + (pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''));
    const items = page.items.map((hit) => h('li', { class: 'card hit' }, hitCard(hit, stay, address)));
    list.append(...items);
    shown += items.length;
    pageToken = page.nextPageToken;
    more.hidden = !pageToken;
    heading.textContent = tn(page.totalSize, '{n} hotel in {place}', '{n} hotels in {place}', { place: placeName });
    status.textContent = page.totalSize
      ? tn(page.totalSize, 'Showing {shown} of {n} hotel', 'Showing {shown} of {n} hotels', { shown })
      : t('No hotel there has a room for this stay. Try other dates or fewer rooms.');
    return items;
  };
  const first = await act(null, load);
  if (first === undefined) {
    heading.textContent = t('No results');
    status.textContent = t('The search could not be made; see the message above.');
  }
  if (focusResults) {
    focusResults = false;
    focusOn(heading);
  }
  more.addEventListener('click', async () => {
    const added = await act(more, load);
    // the keyboard goes on from the first hotel just added
    if (added && added.length) added[0].querySelector('a').focus();
  });
}

function sortLinks(where, stay, sort) {
  return h('p', { class: 'sort', role: 'group', 'aria-label': t('Sort results') }, `${t('Sort by')}: `,
    SORTS.flatMap(([value, words], i) => [i ? ' · ' : '', h('a', {
      href: `#/search?${searchQuery(where, stay, value)}`, 'aria-current': value === sort ? 'true' : null,
      onclick: () => { focusResults = true; },
    }, t(words))]));
}

/** One hotel of the results: name, stars, city, the cheapest total for the stay and each room type on offer. */
function hitCard(hit, stay, address) {
  const hotel = { id: hit.hotelID, name: hit.name };
  return [
    h('div', { class: 'hit-head' },
      h('h3', {}, h('a', { href: `#/hotels/${hit.hotelID}?${stayQuery(stay)}` }, hit.name)), stars(hit.starRating)),
    h('p', { class: 'muted' }, [hit.address.city, country(hit.address.country)].filter(Boolean).join(', ')),
    hit.cheapestTotal ? h('p', { class: 'from' }, t('From {total} for the stay',
      { total: money(hit.cheapestTotal.amount, hit.cheapestTotal.currency) })) : '',
    h('ul', { class: 'plain offers', 'aria-label': t('Rooms at {hotel}', { hotel: hit.name }) },
      (hit.offers || []).map((offer) => h('li', { class: 'offer' },
        h('div', { class: 'offer-name' }, h('strong', {}, offer.name), h('div', { class: 'muted' },
          sleeps(offer))),
        roomsLeftLine(offer.roomsLeft),
        h('p', { class: 'offer-price' }, h('span', { class: 'muted' }, t('Total')), ' ',
          h('span', { class: 'price' }, money(offer.total.amount, offer.total.currency))),
        bookButton(hotel, offer, stay, address)))),
  ];
}

function bookButton(hotel, offer, stay, address) {
  const button = h('button', { type: 'button',
    'aria-label': t('Book {roomType} at {hotel}', { roomType: offer.name, hotel: hotel.name }) }, t('Book'));
  button.addEventListener('click', () => act(button, () => reviewStay({ hotel, roomType: { id: offer.roomTypeID,
    name: offer.name }, startDate: stay.startDate, endDate: stay.endDate, rooms: stay.rooms, returnTo: address })));
  return button;
}
