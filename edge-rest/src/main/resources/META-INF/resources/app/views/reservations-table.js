// The reservations table guests and staff share, with its cancel button (staff may also waive the fee); each
// reservation links to its own page (rooms, history, changes; its guest changes the dates there).
import { del, get } from '../api.js';
import { route } from '../navigation.js';
import { act, h, money, plusDays, say, status, table } from '../ui.js';
import { bookedBy, guestOf, roomList, roomsOn, stayLine } from './stay.js';

export function reservationsTable(list, staff, hotelNames = new Map()) {
  return table([
    ['Reservation', (r) => h('span', {}, h('a', { href: `#/reservations/${r.reservationID}` }, r.reservationID),
      h('br'), h('span', { class: 'muted' }, staff ? guestOf(r) : hotelNames.get(r.hotelID) || `hotel ${r.hotelID}`,
        bookedBy(r) ? ` · ${bookedBy(r)}` : ''))],
    ['Stay', (r) => h('span', {}, stayLine(r),
      (r.roomAssignments || []).length ? h('div', {}, roomList(roomsOn(r, plusDays(0)))) : '')],
    ['Total', (r) => (r.total ? money(r.total.amount, r.total.currency) : '—')],
    ['Status', (r) => h('span', {}, status(r.status),
      r.payment && r.payment.refund ? h('div', { class: r.payment.refundOverdue ? 'warning' : 'muted' },
        `refund ${money(r.payment.refund.amount, r.payment.refund.currency)} (${r.payment.refundStatus})`
        + (r.payment.refundOverdue ? `: not confirmed by the card processor since ${r.payment.refundRequestedAt}` : ''))
        : '')],
    ['Payment', (r) => (r.payment ? status(r.payment.status) : '—')],
    ['', (r) => {
      if (r.status !== 'pending' && r.status !== 'paid') return '';
      // a guest changes the dates on the reservation's page, until the day before arrival
      const change = !staff && r.status === 'paid' && plusDays(0) < r.startDate
        ? h('a', { href: `#/reservations/${r.reservationID}` }, 'Change dates') : '';
      // A stay whose first night has passed is not the guest's to cancel: the front desk ends it early (the server
      // decides in the hotel's calendar; this only chooses the words)
      if (inProgress(r) && !staff) return h('span', { class: 'muted' }, 'Stay in progress: the front desk can end it early');
      return h('span', { class: 'row' }, change, cancelButton(r, staff, inProgress(r)));
    }],
  ], list);
}

function inProgress(r) {
  const today = new Date().toISOString().slice(0, 10);
  return r.status === 'paid' && r.startDate < today && today < r.endDate;
}

function cancelButton(r, staff, early) {
  const button = h('button', { class: 'danger' }, early ? 'End stay early' : 'Cancel');
  button.addEventListener('click', () => act(button, async () => {
    const terms = await get(`/v1/reservations/${r.reservationID}/cancellation`);
    const refund = terms.refund ? money(terms.refund.amount, terms.refund.currency) : 'nothing';
    const fee = terms.fee && terms.fee.amount ? money(terms.fee.amount, terms.fee.currency) : null;
    const waive = staff && fee ? h('input', { type: 'checkbox', name: 'waiveFee' }) : null;
    const confirm = h('button', { class: 'danger', value: 'yes' }, early ? 'End the stay today' : 'Cancel the reservation');
    const dialog = h('dialog', { id: 'confirm-cancel' },
      h('h3', {}, early ? `End ${r.reservationID} early?` : `Cancel ${r.reservationID}?`),
      h('p', {}, early
        ? `The nights already begun are kept; the guest gets back ${refund}${fee ? ` (the fee beyond them is ${fee})` : ''}, and the nights from today go back on sale.`
        : `You get back ${refund}${fee ? `; the fee is ${fee}` : ''}.`),
      h('p', { class: 'muted' }, terms.policy),
      waive ? h('label', { class: 'row' }, waive, early ? 'Waive the fee (refund every night not begun)' : 'Waive the fee (refund everything)') : '',
      h('form', { method: 'dialog', class: 'row' }, h('button', { class: 'secondary', value: 'no' }, 'Keep it'), confirm));
    document.body.append(dialog);
    dialog.showModal();
    const answer = await new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue)));
    dialog.remove();
    if (answer !== 'yes') return;
    const canceled = await del(`/v1/reservations/${r.reservationID}${waive && waive.checked ? '?waiveFee=true' : ''}`);
    const refunded = canceled.payment && canceled.payment.refund;
    say('info', `Reservation ${canceled.reservationID} is canceled; ` + (refunded
      ? `${money(refunded.amount, refunded.currency)} is refunded${canceled.payment.refundStatus === 'refunded' ? '' : ' (on its way)'}.`
      : canceled.status === 'refunded' ? 'the fee kept is the whole amount.' : 'nothing was charged.'));
    route();
  }));
  return button;
}
