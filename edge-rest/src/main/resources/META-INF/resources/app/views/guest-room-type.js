// Guests: a room type's dates, each night's price and rooms left, and the step to a quote.
import { caller, get, post } from '../api.js';
import { screen } from '../navigation.js';
import { act, field, h, input, money, plusDays, say, table } from '../ui.js';

export async function roomTypePage(hotelId, roomTypeId, query) {
  const show = screen();
  const [hotel, rt] = await Promise.all([get(`/v1/hotels/${hotelId}`),
    get(`/v1/hotels/${hotelId}/room-types/${roomTypeId}`)]);
  const start = input('startDate', query.get('startDate') || plusDays(7), { type: 'date', required: true });
  const end = input('endDate', query.get('endDate') || plusDays(9), { type: 'date', required: true });
  const rooms = h('select', { name: 'rooms' }, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h('option', { value: n }, n)));
  rooms.value = query.get('rooms') || '1';
  const result = h('div');
  const check = h('button', { type: 'submit' }, 'Show prices');
  const form = h('form', { class: 'row' }, field('Arrival', start), field('Departure', end), field('Rooms', rooms),
    check);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(check, () => prices(hotel, rt, start.value, end.value, Number(rooms.value), result));
  });
  show(h('p', {}, h('a', { href: `#/hotels/${hotelId}` }, `← ${hotel.name}`)),
    h('h1', {}, rt.name),
    h('p', {}, `Up to ${rt.maxOccupancy} guests · ${rt.bedConfiguration}`,
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
  const review = h('button', { disabled: !sellable || hotel.offSale }, 'Review booking');
  review.addEventListener('click', () => act(review, async () => {
    const who = caller();
    if (!who || !who.guest) {
      say('info', 'Sign in as a guest to book.');
      location.hash = `#/signin?next=${encodeURIComponent(location.hash)}`;
      return;
    }
    const quote = (await post('/v1/quotes', { hotelID: hotel.id, roomTypeID: rt.id, startDate, endDate, rooms })).body;
    sessionStorage.setItem('hotelmesh.quote', JSON.stringify({ quote, hotelName: hotel.name, roomTypeName: rt.name }));
    location.hash = '#/review';
  }));
  into.replaceChildren(
    table([['Night', (n) => n.date], ['Price per room', (n) => (n.amount === null ? 'not on sale' : money(n.amount, n.currency))],
      ['Rooms left', (n) => String(left.get(n.date) ?? 0)]], nights),
    h('p', { class: 'total' }, currency ? `Total for ${rooms} room${rooms > 1 ? 's' : ''}: ${money(total, currency)}` : ''),
    hotel.offSale ? h('p', { class: 'warning' }, 'This hotel is not taking bookings at the moment.')
      : sellable ? '' : h('p', { class: 'muted' }, 'Not bookable for these dates: a night is sold out or has no price.'),
    review);
}
