// Guests: the quote to review, booking and paying with a test card, and the outcome. Every page that offers a room
// (search results, a hotel's page, a room type's page) goes on to the review step through reviewStay.
import { caller, get, post } from '../api.js';
import { date, dateRange, money, t, time, tn } from '../i18n.js';
import { screen } from '../navigation.js';
import { act, field, h, say, status, table, testCardSelect } from '../ui.js';
import { policyTerms } from './stay.js';

const QUOTE_KEY = 'hotelmesh.quote';

/**
 * Quotes a stay and opens the review step. A visitor not signed in as a guest signs in first and comes back to
 * {@code returnTo} (an address carrying the stay), to choose again.
 */
export async function reviewStay({ hotel, roomType, startDate, endDate, rooms, returnTo }) {
  const who = caller();
  if (!who || !who.guest) {
    // said once the sign-in page is there (a new address clears the notice first)
    window.addEventListener('hashchange', () => say('info', t('Sign in as a guest to book.')), { once: true });
    location.hash = `#/signin?next=${encodeURIComponent(returnTo || location.hash)}`;
    return;
  }
  const quote = (await post('/v1/quotes', { hotelID: hotel.id, roomTypeID: roomType.id, startDate, endDate, rooms }))
    .body;
  sessionStorage.setItem(QUOTE_KEY, JSON.stringify({ quote, hotelName: hotel.name, roomTypeName: roomType.name }));
  location.hash = '#/review';
}

export async function reviewPage() {
  const show = screen();
  const saved = JSON.parse(sessionStorage.getItem(QUOTE_KEY) || 'null');
  if (!saved) {
    show(h('h1', {}, t('Nothing to review')), h('p', {}, h('a', { href: '#/' }, t('Find a room'))));
    return;
  }
  const { quote } = saved;
  const policy = await get(`/v1/hotels/${quote.hotelID}/cancellation-policy`).catch(() => null);
  const tokenSelect = testCardSelect();
  const book = h('button', {}, t('Book and pay {total}', { total: money(quote.totalAmount, quote.currency) }));
  const outcome = h('div', { role: 'status' });
  book.addEventListener('click', () => act(book, async () => {
    const response = await post('/v1/reservations', {
      reservationID: quote.reservationID, quoteID: quote.quoteID, hotelID: quote.hotelID, roomTypeID: quote.roomTypeID,
      startDate: quote.startDate, endDate: quote.endDate, rooms: quote.rooms, paymentToken: tokenSelect.value });
    let reservation = response.body;
    book.hidden = true;
    outcome.replaceChildren(bookingOutcome(reservation, quote));
    // 202: the payment is still processing; poll the reservation until it is paid or rejected
    for (let i = 0; reservation.status === 'pending' && i < 60; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      reservation = await get(`/v1/reservations/${reservation.reservationID}`);
      outcome.replaceChildren(bookingOutcome(reservation, quote));
    }
    if (reservation.status !== 'pending') sessionStorage.removeItem(QUOTE_KEY);
  }));
  show(h('h1', {}, t('Review your booking')),
    h('div', { class: 'card' },
      h('h2', { class: 'card-title' }, `${saved.hotelName} · ${saved.roomTypeName}`),
      h('p', {}, `${dateRange(quote.startDate, quote.endDate)} · `,
        tn(quote.nights.length, '{n} night', '{n} nights'), ' · ', tn(quote.rooms, '{n} room', '{n} rooms')),
      table([[t('Night'), (n) => date(n.date)], [t('Per room'), (n) => money(n.amount, n.currency)]], quote.nights),
      h('p', { class: 'total' }, t('Total {total}', { total: money(quote.totalAmount, quote.currency) })),
      h('p', { class: 'muted' }, t('This price holds until {time}.', { time: time(quote.expiresAt) })),
      policy ? h('p', {}, t('Cancellation: {terms}.', { terms: policyTerms(policy) })) : '',
      h('p', { class: 'muted' }, t('Booking reference {id}', { id: quote.reservationID }))),
    h('h2', {}, t('Payment')),
    h('div', { class: 'row' }, field(t('Card (test tokens of the simulated processor)'), tokenSelect), book),
    outcome);
}

function bookingOutcome(r, quote) {
  const declineCode = (r.payment && r.payment.declineCode) || t('payment failed');
  const lines = {
    paid: t('Booked and paid. Enjoy your stay!'),
    rejected: t('The card was refused ({code}); nothing was charged and the rooms were released.', { code: declineCode }),
    pending: t('Your rooms are held while the payment is being processed…'),
  };
  // a refused booking is final; trying again (another card) is a new booking from the same dates
  const again = `#/hotels/${quote.hotelID}/room-types/${quote.roomTypeID}?startDate=${quote.startDate}`
    + `&endDate=${quote.endDate}&rooms=${quote.rooms}`;
  return h('div', { class: 'card', id: 'outcome' },
    h('h2', { class: 'card-title' }, status(r.status), ' ', lines[r.status] || r.status),
    h('p', {}, r.status === 'rejected' ? h('a', { href: again }, t('Try again with another card')) : '',
      r.status === 'rejected' ? ' · ' : '', h('a', { href: '#/me' }, t('My reservations'))));
}
