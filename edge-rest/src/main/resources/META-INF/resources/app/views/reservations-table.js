// The reservations table guests and staff share, with its cancel button (staff may also waive the fee); each
// reservation links to its own page (rooms, history, changes; its guest changes the dates there).
import { del, get } from '../api.js';
import { dateTime, money, t } from '../i18n.js';
import { route } from '../navigation.js';
import { act, h, plusDays, say, status, statusWord, table } from '../ui.js';
import { bookedBy, guestOf, roomList, roomsOn, stayLine } from './stay.js';

export function reservationsTable(list, staff, hotelNames = new Map()) {
  return table([
    [t('Reservation'), (r) => h('span', {}, h('a', { href: `#/reservations/${r.reservationID}` }, r.reservationID),
      h('br'), h('span', { class: 'muted' }, staff ? guestOf(r)
        : hotelNames.get(r.hotelID) || t('hotel {id}', { id: r.hotelID }), bookedBy(r) ? ` · ${bookedBy(r)}` : ''))],
    [t('Stay'), (r) => h('span', {}, stayLine(r),
      (r.roomAssignments || []).length ? h('div', {}, roomList(roomsOn(r, plusDays(0)))) : '')],
    [t('Total'), (r) => (r.total ? money(r.total.amount, r.total.currency) : '—')],
    [t('Status'), (r) => h('span', {}, status(r.status),
      r.payment && r.payment.refund ? h('div', { class: r.payment.refundOverdue ? 'warning' : 'muted' },
        t('refund {amount} ({state})', { amount: money(r.payment.refund.amount, r.payment.refund.currency),
          state: statusWord(r.payment.refundStatus) })
        + (r.payment.refundOverdue
          ? `: ${t('not confirmed by the card processor since {since}', { since: dateTime(r.payment.refundRequestedAt) })}`
          : ''))
        : '')],
    [t('Payment'), (r) => (r.payment ? status(r.payment.status) : '—')],
    [t('Actions'), (r) => {
      if (r.status !== 'pending' && r.status !== 'paid') return '';
      // a guest changes the dates on the reservation's page, until the day before arrival
      const change = !staff && r.status === 'paid' && plusDays(0) < r.startDate
        ? h('a', { href: `#/reservations/${r.reservationID}` }, t('Change dates')) : '';
      // A stay whose first night has passed is not the guest's to cancel: the front desk ends it early (the server
      // decides in the hotel's calendar; this only chooses the words)
      if (inProgress(r) && !staff) return h('span', { class: 'muted' }, t('Stay in progress: the front desk can end it early'));
      return h('span', { class: 'row' }, change, cancelButton(r, staff, inProgress(r)));
    }],
  ], list);
}

function inProgress(r) {
  const today = new Date().toISOString().slice(0, 10);
  return r.status === 'paid' && r.startDate < today && today < r.endDate;
}

function cancelButton(r, staff, early) {
  const button = h('button', { class: 'danger' }, early ? t('End stay early') : t('Cancel'));
  button.addEventListener('click', () => act(button, async () => {
    const terms = await get(`/v1/reservations/${r.reservationID}/cancellation`);
    const refund = terms.refund ? money(terms.refund.amount, terms.refund.currency) : t('nothing');
    const fee = terms.fee && terms.fee.amount ? money(terms.fee.amount, terms.fee.currency) : null;
    const waive = staff && fee ? h('input', { type: 'checkbox', name: 'waiveFee' }) : null;
    const confirm = h('button', { class: 'danger', value: 'yes' }, early ? t('End the stay today') : t('Cancel the reservation'));
    let words;
    if (early) {
      words = fee ? t('The nights already begun are kept; the guest gets back {refund} (the fee beyond them is {fee}), and the nights from today go back on sale.', { refund, fee })
        : t('The nights already begun are kept; the guest gets back {refund}, and the nights from today go back on sale.', { refund });
    } else {
      words = fee ? t('You get back {refund}; the fee is {fee}.', { refund, fee }) : t('You get back {refund}.', { refund });
    }
    const dialog = h('dialog', { id: 'confirm-cancel', 'aria-labelledby': 'confirm-cancel-title' },
      h('h2', { id: 'confirm-cancel-title', class: 'card-title' }, early
        ? t('End {id} early?', { id: r.reservationID }) : t('Cancel {id}?', { id: r.reservationID })),
      h('p', {}, words),
      h('p', { class: 'muted' }, terms.policy),
      waive ? h('label', { class: 'row' }, waive, early ? t('Waive the fee (refund every night not begun)')
        : t('Waive the fee (refund everything)')) : '',
      h('form', { method: 'dialog', class: 'row' }, h('button', { class: 'secondary', value: 'no' }, t('Keep it')), confirm));
    document.body.append(dialog);
    dialog.showModal();
    const answer = await new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue)));
    dialog.remove();
    if (answer !== 'yes') return;
    const canceled = await del(`/v1/reservations/${r.reservationID}${waive && waive.checked ? '?waiveFee=true' : ''}`);
    const refunded = canceled.payment && canceled.payment.refund;
    const id = canceled.reservationID;
    const amount = refunded ? money(refunded.amount, refunded.currency) : null;
    let outcome;
    if (refunded) {
      outcome = canceled.payment.refundStatus === 'refunded'
        ? t('Reservation {id} is canceled; {amount} is refunded.', { id, amount })
        : t('Reservation {id} is canceled; {amount} is refunded (on its way).', { id, amount });
    } else {
      outcome = canceled.status === 'refunded' ? t('Reservation {id} is canceled; the fee kept is the whole amount.', { id })
        : t('Reservation {id} is canceled; nothing was charged.', { id });
    }
    say('info', outcome);
    route();
  }));
  return button;
}
