// The reservations table guests and staff share, with its cancel button (staff may also waive the fee).
import { del, get } from '../api.js';
import { route } from '../navigation.js';
import { act, h, money, say, status, table } from '../ui.js';

export function reservationsTable(list, staff, hotelNames = new Map()) {
  return table([
    ['Reservation', (r) => h('span', {}, r.reservationID, h('br'), h('span', { class: 'muted' },
      staff ? r.guestID : hotelNames.get(r.hotelID) || `hotel ${r.hotelID}`))],
    ['Stay', (r) => `${r.startDate} → ${r.endDate} · ${r.rooms} room${r.rooms > 1 ? 's' : ''}`],
    ['Total', (r) => (r.total ? money(r.total.amount, r.total.currency) : '—')],
    ['Status', (r) => h('span', {}, status(r.status),
      r.payment && r.payment.refund ? h('div', { class: r.payment.refundOverdue ? 'warning' : 'muted' },
        `refund ${money(r.payment.refund.amount, r.payment.refund.currency)} (${r.payment.refundStatus})`
        + (r.payment.refundOverdue ? `: not confirmed by the card processor since ${r.payment.refundRequestedAt}` : ''))
        : '')],
    ['Payment', (r) => (r.payment ? status(r.payment.status) : '—')],
    ['', (r) => (r.status === 'pending' || r.status === 'paid' ? cancelButton(r, staff) : '')],
  ], list);
}

function cancelButton(r, staff) {
  const button = h('button', { class: 'danger' }, 'Cancel');
  button.addEventListener('click', () => act(button, async () => {
    const terms = await get(`/v1/reservations/${r.reservationID}/cancellation`);
    const refund = terms.refund ? money(terms.refund.amount, terms.refund.currency) : 'nothing';
    const fee = terms.fee && terms.fee.amount ? money(terms.fee.amount, terms.fee.currency) : null;
    const waive = staff && fee ? h('input', { type: 'checkbox', name: 'waiveFee' }) : null;
    const confirm = h('button', { class: 'danger', value: 'yes' }, 'Cancel the reservation');
    const dialog = h('dialog', { id: 'confirm-cancel' }, h('h3', {}, `Cancel ${r.reservationID}?`),
      h('p', {}, `You get back ${refund}${fee ? `; the fee is ${fee}` : ''}.`),
      h('p', { class: 'muted' }, terms.policy),
      waive ? h('label', { class: 'row' }, waive, 'Waive the fee (refund everything)') : '',
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
