// One reservation, for its guest, staff of its hotel and administrators: the stay, its rooms, who booked it, its
// history and changes; its guest may change the dates before arrival.
import { ApiError, caller, get, post } from '../api.js';
import { route, screen } from '../navigation.js';
import { requireSignIn } from '../session.js';
import { date, dateRange, money, t } from '../i18n.js';
import { act, field, h, input, plusDays, say, status, statusWord, testCardSelect } from '../ui.js';
import {
  accountOf, bookedBy, changeState, changesTable, differenceLine, guestOf, historyTable, roomList, stayLine, termsLine,
} from './stay.js';

export async function reservationPage(id) {
  const show = screen();
  const who = caller();
  if (!who) {
    requireSignIn(t('Seeing a reservation needs you to be signed in.'));
    return;
  }
  const r = await get(`/v1/reservations/${encodeURIComponent(id)}`);
  const hotel = await get(`/v1/hotels/${r.hotelID}`).catch(() => null);
  const type = hotel && (hotel.roomTypes || []).find((candidate) => candidate.id === r.roomTypeID);
  const staff = who.admin || (who.staff && who.hotels.includes(r.hotelID));
  show(
    h('p', {}, staff ? h('a', { href: `#/staff/hotels/${r.hotelID}?tab=front%20desk` }, `← ${t('Front desk')}`)
      : h('a', { href: '#/me' }, `← ${t('My reservations')}`)),
    h('h1', {}, t('Reservation {id}', { id: r.reservationID })),
    h('div', { class: 'card' },
      h('h2', { class: 'card-title' }, hotel ? hotel.name : t('Hotel {id}', { id: r.hotelID }), type ? ` · ${type.name}` : ''),
      h('p', {}, stayLine(r)),
      h('p', {}, `${t('Status')} `, status(r.status),
        r.payment ? h('span', {}, ` · ${t('payment')} `, status(r.payment.status)) : '',
        r.total ? ` · ${t('total {amount}', { amount: money(r.total.amount, r.total.currency) })}` : ''),
      h('p', {}, t('Guest: {guest}', { guest: guestOf(r) }),
        r.guestName && accountOf(r) ? ` (${t('account {id}', { id: accountOf(r) })})` : '',
        bookedBy(r) ? ` · ${bookedBy(r)}` : ''),
      (r.roomAssignments || []).length ? h('p', {}, `${t('Rooms')}: `, roomList(r.roomAssignments)) : '',
      r.releasedFrom ? h('p', { class: 'muted' }, t('The nights from {date} were given back.', { date: date(r.releasedFrom) })) : '',
      r.payment && r.payment.refund ? h('p', { class: r.payment.refundOverdue ? 'warning' : 'muted' },
        t('Refund {amount} ({state})', { amount: money(r.payment.refund.amount, r.payment.refund.currency),
          state: statusWord(r.payment.refundStatus) })) : ''),
    // The server decides in the hotel's calendar; this only chooses what to offer.
    r.status === 'paid' && plusDays(0) < r.startDate ? changeDates(r) : '',
    h('h2', {}, t('History')), historyTable(r),
    ...((r.changes || []).length ? [h('h2', {}, t('Changes')), changesTable(r)] : []));
}

function changeDates(r) {
  const start = input('startDate', r.startDate, { type: 'date', required: true });
  const end = input('endDate', r.endDate, { type: 'date', required: true });
  const previewButton = h('button', { type: 'submit' }, t('Preview change'));
  const preview = h('div', { id: 'change-preview', 'aria-live': 'polite' });
  const form = h('form', { class: 'row', 'aria-label': t('Change dates') }, field(t('New arrival'), start),
    field(t('New departure'), end), previewButton);
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
  return h('section', { 'aria-labelledby': 'change-dates' }, h('h2', { id: 'change-dates' }, t('Change dates')),
    h('p', { class: 'muted' }, t('Until the day before arrival. The new dates are priced now; a higher total is charged to a card, a lower one refunded.')),
    form, preview);
}

function previewCard(r, p, change) {
  const pays = p.difference && p.difference.amount > 0;
  const card = pays ? testCardSelect() : null;
  const confirm = h('button', {}, t('Confirm change'));
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
    if (!done) throw new ApiError(502, { detail: t('The change was made but not shown; reload the page.') });
    const words = done.state === 'applied'
      ? t('Dates changed to {dates}: {difference}.', { dates: dateRange(done.after.startDate, done.after.endDate),
        difference: differenceLine(done.difference) })
      : t('The change was not made: {why}.', { why: `${changeState(done)}${done.declineCode ? ` (${done.declineCode})` : ''}` });
    say(done.state === 'applied' || done.state === 'charging' ? 'info' : 'error', words);
    route();
  }));
  return h('div', { class: 'card', role: 'group', 'aria-label': t('Change preview') },
    h('p', {}, t('Now: {terms}', { terms: termsLine(p.before) })),
    h('p', {}, t('New: {terms}', { terms: termsLine(p.after) })),
    h('p', { class: 'total' }, t('Difference: {difference}', { difference: differenceLine(p.difference) })),
    card ? h('div', { class: 'row' }, field(t('Card for the difference (test tokens)'), card)) : '',
    h('p', {}, confirm));
}
