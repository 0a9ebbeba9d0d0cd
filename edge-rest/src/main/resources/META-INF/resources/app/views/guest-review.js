// Guests: the quote to review, booking and paying with a test card, and the outcome.
import { get, post } from '../api.js';
import { screen } from '../navigation.js';
import { act, field, h, money, status, table, testCardSelect } from '../ui.js';

export async function reviewPage() {
  const show = screen();
  const saved = JSON.parse(sessionStorage.getItem('hotelmesh.quote') || 'null');
  if (!saved) {
    show(h('h1', {}, 'Nothing to review'), h('p', {}, h('a', { href: '#/hotels' }, 'Find a hotel')));
    return;
  }
  const { quote } = saved;
  const policy = await get(`/v1/hotels/${quote.hotelID}/cancellation-policy`).catch(() => null);
  const tokenSelect = testCardSelect();
  const book = h('button', {}, `Book and pay ${money(quote.totalAmount, quote.currency)}`);
  const outcome = h('div');
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
    if (reservation.status !== 'pending') sessionStorage.removeItem('hotelmesh.quote');
  }));
  show(h('h1', {}, 'Review your booking'),
    h('div', { class: 'card' },
      h('h3', {}, `${saved.hotelName} · ${saved.roomTypeName}`),
      h('p', {}, `${quote.startDate} to ${quote.endDate} · ${quote.rooms} room${quote.rooms > 1 ? 's' : ''}`),
      table([['Night', (n) => n.date], ['Per room', (n) => money(n.amount, n.currency)]], quote.nights),
      h('p', { class: 'total' }, `Total ${money(quote.totalAmount, quote.currency)}`),
      h('p', { class: 'muted' }, `This price holds until ${new Date(quote.expiresAt).toLocaleTimeString()}.`),
      policy ? h('p', {}, `Cancellation: ${policy.terms}.`) : '',
      h('p', { class: 'muted' }, `Booking reference ${quote.reservationID}`)),
    h('h2', {}, 'Payment'),
    h('div', { class: 'row' }, field('Card (test tokens of the simulated processor)', tokenSelect), book),
    outcome);
}

function bookingOutcome(r, quote) {
  const lines = {
    paid: 'Booked and paid. Enjoy your stay!',
    rejected: `The card was refused (${(r.payment && r.payment.declineCode) || 'payment failed'}); nothing was charged and the rooms were released.`,
    pending: 'Your rooms are held while the payment is being processed…',
  };
  // a refused booking is final; trying again (another card) is a new booking from the same dates
  const again = `#/hotels/${quote.hotelID}/room-types/${quote.roomTypeID}?startDate=${quote.startDate}`
    + `&endDate=${quote.endDate}&rooms=${quote.rooms}`;
  return h('div', { class: 'card', id: 'outcome' }, h('h3', {}, status(r.status), ' ', lines[r.status] || r.status),
    h('p', {}, r.status === 'rejected' ? h('a', { href: again }, 'Try again with another card') : '',
      r.status === 'rejected' ? ' · ' : '', h('a', { href: '#/me' }, 'My reservations')));
}
