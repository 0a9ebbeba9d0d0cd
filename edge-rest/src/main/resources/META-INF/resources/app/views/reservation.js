// One reservation, for its guest, staff of its hotel and administrators: the stay, its rooms, who booked it, its
// history and changes; its guest may change the dates before arrival.
import { ApiError, caller, get, post } from '../api.js';
import { route, screen } from '../navigation.js';
import { requireSignIn } from '../session.js';
import { act, field, h, input, money, plusDays, say, status, testCardSelect } from '../ui.js';
import {
  accountOf, bookedBy, changeState, changesTable, differenceLine, guestOf, historyTable, roomList, stayLine, termsLine,
} from './stay.js';

export async function reservationPage(id) {
  const show = screen();
  const who = caller();
  if (!who) {
    requireSignIn('Seeing a reservation');
    return;
  }
  const r = await get(`/v1/reservations/${encodeURIComponent(id)}`);
  const hotel = await get(`/v1/hotels/${r.hotelID}`).catch(() => null);
  const type = hotel && (hotel.roomTypes || []).find((t) => t.id === r.roomTypeID);
  const staff = who.admin || (who.staff && who.hotels.includes(r.hotelID));
  show(
    h('p', {}, staff ? h('a', { href: `#/staff/hotels/${r.hotelID}?tab=front%20desk` }, '← Front desk')
      : h('a', { href: '#/me' }, '← My reservations')),
    h('h1', {}, `Reservation ${r.reservationID}`),
    h('div', { class: 'card' },
      h('h3', {}, hotel ? hotel.name : `Hotel ${r.hotelID}`, type ? ` · ${type.name}` : ''),
      h('p', {}, stayLine(r)),
      h('p', {}, 'Status ', status(r.status), r.payment ? h('span', {}, ' · payment ', status(r.payment.status)) : '',
        r.total ? ` · total ${money(r.total.amount, r.total.currency)}` : ''),
      h('p', {}, `Guest: ${guestOf(r)}`, r.guestName && accountOf(r) ? ` (account ${accountOf(r)})` : '',
        bookedBy(r) ? ` · ${bookedBy(r)}` : ''),
      (r.roomAssignments || []).length ? h('p', {}, 'Rooms: ', roomList(r.roomAssignments)) : '',
      r.releasedFrom ? h('p', { class: 'muted' }, `The nights from ${r.releasedFrom} were given back.`) : '',
      r.payment && r.payment.refund ? h('p', { class: r.payment.refundOverdue ? 'warning' : 'muted' },
        `Refund ${money(r.payment.refund.amount, r.payment.refund.currency)} (${r.payment.refundStatus})`) : ''),
    // The server decides in the hotel's calendar; this only chooses what to offer.
    r.status === 'paid' && plusDays(0) < r.startDate ? changeDates(r) : '',
    h('h2', {}, 'History'), historyTable(r),
    ...((r.changes || []).length ? [h('h2', {}, 'Changes'), changesTable(r)] : []));
}

function changeDates(r) {
  const start = input('startDate', r.startDate, { type: 'date', required: true });
  const end = input('endDate', r.endDate, { type: 'date', required: true });
  const previewButton = h('button', { type: 'submit' }, 'Preview change');
  const preview = h('div', { id: 'change-preview', 'aria-live': 'polite' });
  const form = h('form', { class: 'row', 'aria-label': 'Change dates' }, field('New arrival', start),
    field('New departure', end), previewButton);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(previewButton, async () => {
      // the id the change will be made with: asking again after a lost answer changes the stay once
      const changeID = (await post('/v1/reservation-ids')).body.reservationID;
      const dates = `startDate=${start.value}&endDate=${end.value}`;
      const p = await get(`/v1/reservations/${r.reservationID}/change-preview?${dates}&changeID=${changeID}`);
      preview.replaceChildren(previewCard(r, p, { changeID, startDate: start.value, endDate: end.value }));
    });
  });
  return h('section', { 'aria-labelledby': 'change-dates' }, h('h2', { id: 'change-dates' }, 'Change dates'),
    h('p', { class: 'muted' }, 'Until the day before arrival. The new dates are priced now; a higher total is charged'
      + ' to a card, a lower one refunded.'), form, preview);
}

function previewCard(r, p, change) {
  const pays = p.difference && p.difference.amount > 0;
  const card = pays ? testCardSelect() : null;
  const confirm = h('button', {}, 'Confirm change');
  confirm.addEventListener('click', () => act(confirm, async () => {
    const body = { changeID: change.changeID, startDate: change.startDate, endDate: change.endDate };
    if (card) body.paymentToken = card.value;
    let done = (await post(`/v1/reservations/${r.reservationID}/changes`, body)).body.change;
    // 202: the difference is still being charged; the reservation shows the change once the processor answered
    for (let i = 0; done && done.state === 'charging' && i < 60; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const now = await get(`/v1/reservations/${r.reservationID}`);
      done = (now.changes || []).find((c) => c.changeID === change.changeID) || done;
    }
    if (!done) throw new ApiError(502, { detail: 'The change was made but not shown; reload the page.' });
    const words = done.state === 'applied'
      ? `Dates changed to ${done.after.startDate} → ${done.after.endDate}: ${differenceLine(done.difference)}.`
      : `The change was not made: ${changeState(done)}${done.declineCode ? ` (${done.declineCode})` : ''}.`;
    say(done.state === 'applied' || done.state === 'charging' ? 'info' : 'error', words);
    route();
  }));
  return h('div', { class: 'card', role: 'group', 'aria-label': 'Change preview' },
    h('p', {}, `Now: ${termsLine(p.before)}`),
    h('p', {}, `New: ${termsLine(p.after)}`),
    h('p', { class: 'total' }, `Difference: ${differenceLine(p.difference)}`),
    card ? h('div', { class: 'row' }, field('Card for the difference (test tokens)', card)) : '',
    h('p', {}, confirm));
}
