// Staff, "book for a guest" tab: a booking by phone or at the desk, under the guest's name (and their account, if
// they have one), paid with a card; the result says who booked it for whom.
import { ApiError, get, post } from '../api.js';
import { t } from '../i18n.js';
import { act, field, formValues, h, input, money, plusDays, status, testCardSelect } from '../ui.js';
import { accountOf, bookedBy, guestOf, stayLine } from './stay.js';

export function staffBook(hotel, types, into) {
  if (!types.length) {
    into.replaceChildren(h('p', {}, t('Add a room type first.')));
    return;
  }
  const typeSelect = h('select', { name: 'roomTypeID' }, types.map((type) => h('option', { value: type.id }, type.name)));
  const rooms = h('select', { name: 'rooms' }, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h('option', { value: n }, n)));
  const book = h('button', { type: 'submit' }, t('Book for the guest'));
  const outcome = h('div', { 'aria-live': 'polite' });
  const form = h('form', { 'aria-label': t('Book for a guest') },
    h('div', { class: 'row' },
      field(t('Guest name'), input('guestName', '', { required: true, maxlength: 100, autocomplete: 'off' })),
      field(t('Guest account id (optional)'), input('guestID', '', { maxlength: 128, autocomplete: 'off' }))),
    h('div', { class: 'row' }, field(t('Room type'), typeSelect),
      field(t('Arrival'), input('startDate', plusDays(0), { type: 'date', required: true })),
      field(t('Departure'), input('endDate', plusDays(1), { type: 'date', required: true })), field(t('Rooms'), rooms)),
    h('div', { class: 'row' }, field(t('Card (test tokens of the simulated processor)'), testCardSelect()), book));
  // Kept while an attempt got no answer (the network, a 5xx): trying again then replays that booking, never a second.
  let pendingId = null;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(book, async () => {
      pendingId = pendingId || (await post('/v1/reservation-ids')).body.reservationID;
      let response;
      try {
        response = await post('/v1/reservations', { reservationID: pendingId, hotelID: hotel.id,
          roomTypeID: v.roomTypeID, startDate: v.startDate, endDate: v.endDate, rooms: Number(v.rooms),
          guestName: v.guestName, guestID: v.guestID.trim() || undefined, paymentToken: v.paymentToken });
      } catch (err) {
        if (err instanceof ApiError && err.status > 0 && err.status < 500) pendingId = null;
        throw err;
      }
      pendingId = null;
      let r = response.body;
      const typeName = (types.find((type) => type.id === r.roomTypeID) || {}).name;
      outcome.replaceChildren(bookingOutcome(r, typeName));
      for (let i = 0; r.status === 'pending' && i < 60; i++) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        r = await get(`/v1/reservations/${r.reservationID}`);
        outcome.replaceChildren(bookingOutcome(r, typeName));
      }
    });
  });
  into.replaceChildren(h('p', { class: 'muted' }, t('A booking by phone or at the desk, under the guest\'s name; give their account id if they have one, so that it shows among their reservations.')),
    form, outcome);
}

function bookingOutcome(r, typeName) {
  const lines = {
    paid: t('Booked and paid.'),
    rejected: t('The card was refused ({code}); nothing was charged and the rooms were released.',
      { code: (r.payment && r.payment.declineCode) || t('payment failed') }),
    pending: t('The rooms are held while the payment is being processed…'),
  };
  const forWhom = r.guestName && accountOf(r) ? t('for {guest} (account {id})', { guest: guestOf(r), id: accountOf(r) })
    : t('for {guest}', { guest: guestOf(r) });
  return h('div', { class: 'card', id: 'booking-outcome', role: 'status' },
    h('h3', {}, status(r.status), ' ', lines[r.status] || r.status),
    h('p', {}, h('a', { href: `#/reservations/${r.reservationID}` }, t('Reservation {id}', { id: r.reservationID })),
      ` ${forWhom}`, bookedBy(r) ? `, ${bookedBy(r)}` : ''),
    h('p', {}, stayLine(r, typeName), r.total ? ` · ${money(r.total.amount, r.total.currency)}` : ''));
}
