// Guests: a room type's dates, each night's price and rooms left, and the step to a quote.
import { get } from '../api.js';
import { date, money, t, tn } from '../i18n.js';
import { act, field, h, input, plusDays, sleeps, table } from '../ui.js';
import { screen } from '../navigation.js';
import { reviewStay } from './guest-review.js';

export async function roomTypePage(hotelId, roomTypeId, query) {
  const show = screen();
  const [hotel, rt] = await Promise.all([get(`/v1/hotels/${hotelId}`),
    get(`/v1/hotels/${hotelId}/room-types/${roomTypeId}`)]);
  const start = input('startDate', query.get('startDate') || plusDays(7), { type: 'date', required: true });
  const end = input('endDate', query.get('endDate') || plusDays(9), { type: 'date', required: true });
  const rooms = h('select', { name: 'rooms' }, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h('option', { value: n }, n)));
  rooms.value = query.get('rooms') || '1';
  const result = h('div', { 'aria-live': 'polite' });
  const check = h('button', { type: 'submit' }, t('Show prices'));
  const form = h('form', { class: 'row', 'aria-label': t('Dates') }, field(t('Arrival'), start),
    field(t('Departure'), end), field(t('Rooms'), rooms), check);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(check, () => prices(hotel, rt, start.value, end.value, Number(rooms.value), result));
  });
  const back = `#/hotels/${hotelId}?startDate=${start.value}&endDate=${end.value}&rooms=${rooms.value}`
    + (query.get('guests') ? `&guests=${encodeURIComponent(query.get('guests'))}` : '');
  show(h('p', {}, h('a', { href: query.get('startDate') ? back : `#/hotels/${hotelId}` }, `← ${hotel.name}`)),
    h('h1', {}, rt.name),
    h('p', {}, sleeps(rt),
      rt.amenities && rt.amenities.length ? ` · ${rt.amenities.join(', ')}` : ''),
    rt.description ? h('p', { class: 'muted' }, rt.description) : '',
    form, result);
  act(check, () => prices(hotel, rt, start.value, end.value, Number(rooms.value), result));
}

async function prices(hotel, rt, startDate, endDate, rooms, into) {
  const range = `startDate=${startDate}&endDate=${endDate}`;
  const [rates, availability] = await Promise.all([
    get(`/v1/hotels/${hotel.id}/room-types/${rt.id}/rates?${range}`),
    get(`/v1/hotels/${hotel.id}/availability?${range}&roomTypeID=${rt.id}`)]);
  const left = new Map((availability.roomTypes[0] || { nights: [] }).nights.map((n) => [n.date, n.remaining]));
  const nights = rates.items || rates;
  const sellable = nights.every((n) => n.amount !== null && (left.get(n.date) ?? 0) >= rooms);
  const total = nights.reduce((sum, n) => sum + (n.amount || 0) * rooms, 0);
  const currency = (nights.find((n) => n.currency) || {}).currency;
  const review = h('button', { disabled: !sellable || hotel.offSale }, t('Review booking'));
  review.addEventListener('click', () => act(review, () => reviewStay({ hotel, roomType: rt, startDate, endDate, rooms,
    returnTo: `#/hotels/${hotel.id}/room-types/${rt.id}?${range}&rooms=${rooms}` })));
  into.replaceChildren(
    table([[t('Night'), (n) => date(n.date)],
      [t('Price per room'), (n) => (n.amount === null ? t('not on sale') : money(n.amount, n.currency))],
      [t('Rooms left'), (n) => String(left.get(n.date) ?? 0)]], nights),
    h('p', { class: 'total' }, currency
      ? t('Total for {rooms}: {total}', { rooms: tn(rooms, '{n} room', '{n} rooms'), total: money(total, currency) }) : ''),
    hotel.offSale ? h('p', { class: 'warning' }, t('This hotel is not taking bookings at the moment.'))
      : sellable ? '' : h('p', { class: 'muted' }, t('Not bookable for these dates: a night is sold out or has no price.')),
    review);
}
