// Guests: one hotel, with its cancellation terms and room types; given a stay (dates, rooms, guests, from the address
// or its form), every room type with its price for the stay and how many are left, sold out or too small, to book.
import { ApiError, get } from '../api.js';
import { country, dateRange, money, t, tn } from '../i18n.js';
import { screen } from '../navigation.js';
import { act, h, nightsBetween, say, sleeps, stars } from '../ui.js';
import { reviewStay } from './guest-review.js';
import { lastSearch, roomsLeftLine, stayForm, stayFromQuery, stayQuery } from './stay-form.js';
import { policyTerms } from './stay.js';

export async function hotelPage(id, query) {
  const show = screen();
  const stay = stayFromQuery(query);
  let refused = null; // a stay the API refuses (too long, in the past): said above the page, which shows without it
  const [hotel, policy, offers] = await Promise.all([get(`/v1/hotels/${id}`),
    get(`/v1/hotels/${id}/cancellation-policy`).catch(() => null),
    stay.startDate && stay.endDate ? get(`/v1/hotels/${id}/offers?${stayQuery(stay)}`).catch((e) => {
      if (!(e instanceof ApiError) || e.status !== 400) throw e;
      refused = e;
      return null;
    }) : null]);
  const form = stayForm({
    name: t('Your stay'), stay, submit: t('Show rooms'),
    onSubmit: (chosen) => { location.hash = `#/hotels/${id}?${stayQuery(chosen)}`; },
  });
  const byType = new Map(((offers && offers.offers) || []).map((o) => [o.roomTypeID, o]));
  const back = offers && lastSearch();
  show(
    back ? h('p', {}, h('a', { href: back }, `← ${t('Back to the results')}`)) : '',
    h('h1', {}, hotel.name, ' ', stars(hotel.starRating)),
    h('p', {}, [hotel.address.line1, hotel.address.line2, hotel.address.postalCode, hotel.address.city,
      country(hotel.address.country)].filter(Boolean).join(', ')),
    hotel.description ? h('p', {}, hotel.description) : '',
    hotel.contact && (hotel.contact.email || hotel.contact.phone)
      ? h('p', { class: 'muted' }, [hotel.contact.email, hotel.contact.phone].filter(Boolean).join(' · ')) : '',
    policy ? h('p', { class: 'muted' }, t('Cancellation: {terms}.', { terms: policyTerms(policy) })) : '',
    hotel.offSale ? h('p', { class: 'warning' }, t('This hotel is not taking bookings at the moment.')) : '',
    form,
    h('h2', { id: 'rooms-heading' }, offers
      ? t('Rooms for {dates}', { dates: dateRange(offers.startDate, offers.endDate) }) : t('Rooms')),
    offers ? h('p', { class: 'muted' }, [tn(nightsBetween(offers.startDate, offers.endDate), '{n} night', '{n} nights'),
      tn(offers.rooms, '{n} room', '{n} rooms'), tn(offers.guests, '{n} guest', '{n} guests')].join(' · ')) : '',
    h('ul', { class: 'grid plain', 'aria-labelledby': 'rooms-heading' }, (hotel.roomTypes || []).map((rt) =>
      h('li', { class: 'card' }, roomTypeCard(hotel, rt, offers, byType.get(rt.id))))),
    (hotel.roomTypes || []).length ? '' : h('p', { class: 'muted' }, t('No rooms on sale yet.')));
  if (refused) say('error', refused.message, refused.errors);
}

function roomTypeCard(hotel, rt, offers, offer) {
  const stay = offers ? { startDate: offers.startDate, endDate: offers.endDate, rooms: offers.rooms, guests: offers.guests }
    : null;
  const prices = `#/hotels/${hotel.id}/room-types/${rt.id}${stay ? `?${stayQuery(stay)}` : ''}`;
  return [
    h('h3', {}, rt.name),
    h('div', {}, sleeps(rt)),
    rt.description ? h('p', { class: 'muted' }, rt.description) : '',
    rt.amenities && rt.amenities.length ? h('div', { class: 'muted' }, rt.amenities.join(' · ')) : '',
    offers ? forTheStay(hotel, rt, stay, offer) : '',
    h('p', {}, h('a', { href: prices }, t('Dates and prices'))),
  ];
}

/** The room type for the stay asked: its total and rooms left with a button to book, or why it cannot be booked. */
function forTheStay(hotel, rt, stay, offer) {
  if (!offer) return h('p', { class: 'muted' }, t('Not offered for these dates.'));
  let why = '';
  if (!offer.fits) why = tn(stay.guests, 'Does not fit {n} guest', 'Does not fit {n} guests');
  else if (offer.roomsLeft === 0) why = t('Sold out');
  else if (offer.roomsLeft < stay.rooms) {
    why = t('Only {n} left, not enough for {rooms}', { n: offer.roomsLeft, rooms: tn(stay.rooms, '{n} room', '{n} rooms') });
  }
  else if (!offer.total) why = t('Not on sale for every night of the stay');
  if (why || !offer.available) {
    return h('div', { class: 'offer-state' },
      offer.total ? h('p', { class: 'muted' }, money(offer.total.amount, offer.total.currency)) : '',
      h('p', { class: 'warning' }, why || t('Not available for these dates')));
  }
  const book = h('button', { disabled: hotel.offSale,
    'aria-label': t('Book {roomType} at {hotel}', { roomType: rt.name, hotel: hotel.name }) }, t('Book'));
  book.addEventListener('click', () => act(book, () => reviewStay({ hotel, roomType: rt, startDate: stay.startDate,
    endDate: stay.endDate, rooms: stay.rooms, returnTo: location.hash })));
  return h('div', { class: 'offer-state' },
    h('p', { class: 'total' }, money(offer.total.amount, offer.total.currency)),
    roomsLeftLine(offer.roomsLeft),
    h('p', {}, book));
}
