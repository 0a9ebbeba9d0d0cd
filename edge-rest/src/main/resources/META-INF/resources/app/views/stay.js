// What the reservation views say about a stay: whom it is for and who booked it, its rooms, its history and changes,
// and the cancellation terms it is sold under.
import { dateRange, dateTime, lang, money, t, tn } from '../i18n.js';
import { h, status, statusWord, table } from '../ui.js';

/** The guest a stay is for: the name staff booked it under, else the guest's account. */
export function guestOf(r) {
  return r.guestName || accountOf(r) || t('a guest without an account');
}

/** The guest's account, or null for a stay staff booked for a guest without one (reservation-svc's "desk:" ids). */
export function accountOf(r) {
  return r.guestID && !r.guestID.startsWith('desk:') ? r.guestID : null;
}

/** "booked by staff-245" when someone other than the guest booked it (staff, by phone or at the desk), else ''. */
export function bookedBy(r) {
  return r.bookedBy && r.bookedBy !== r.guestID ? t('booked by {who}', { who: r.bookedBy }) : '';
}

/** The rooms a checked-in stay has on a date (the assignments covering that night), else its latest ones. */
export function roomsOn(r, date) {
  const all = r.roomAssignments || [];
  const current = date ? all.filter((a) => a.startDate <= date && date < a.endDate) : [];
  return current.length ? current : all.slice(-r.rooms);
}

/** Room numbers, a room taken out of service since flagged with a warning. */
export function roomList(assignments) {
  if (!assignments.length) return h('span', { class: 'muted' }, t('no room yet'));
  return h('span', { class: 'rooms' }, assignments.map((a) => h('span', { class: a.outOfService ? 'warning' : '' },
    t('Room {number}', { number: a.roomNumber }), a.outOfService ? ` ⚠ ${t('out of service: move the guest')}` : '')));
}

export function stayLine(r, typeName) {
  return `${dateRange(r.startDate, r.endDate)} · ${tn(r.rooms, '{n} room', '{n} rooms')}${typeName ? ` · ${typeName}` : ''}`;
}

/** Each status change with when and by whom. */
export function historyTable(r) {
  return table([[t('Status'), (c) => status(c.status)], [t('When'), (c) => dateTime(c.at)], [t('By'), (c) => c.by || '—']],
    r.history || []);
}

export function termsLine(terms) {
  if (!terms) return '—';
  return `${dateRange(terms.startDate, terms.endDate)} · ${tn(terms.rooms, '{n} room', '{n} rooms')}`
    + (terms.total ? ` · ${money(terms.total.amount, terms.total.currency)}` : '');
}

/** "€30.00 more", "€12.00 back", "the same price". */
export function differenceLine(d) {
  if (!d || !d.amount) return t('the same price');
  return d.amount > 0 ? t('{amount} more', { amount: money(d.amount, d.currency) })
    : t('{amount} back', { amount: money(-d.amount, d.currency) });
}

const CHANGE_STATES = {
  charging: 'the difference is being charged',
  applied: 'applied',
  declined: 'the card was refused: the stay is unchanged',
  sold_out: 'sold out meanwhile: the stay is unchanged, the charge given back',
};

export function changeState(c) {
  return CHANGE_STATES[c.state] ? t(CHANGE_STATES[c.state]) : c.state;
}

/** The changes of a stay: when, by whom, from what to what, at what difference, and how it ended. */
export function changesTable(r) {
  return table([[t('When'), (c) => dateTime(c.at)], [t('By'), (c) => c.by || '—'],
    [t('Before'), (c) => termsLine(c.before)], [t('After'), (c) => termsLine(c.after)],
    [t('Difference'), (c) => differenceLine(c.difference)],
    [t('Outcome'), (c) => h('span', {}, changeState(c), c.declineCode ? ` (${c.declineCode})` : '',
      c.refundState && c.refundState !== 'none'
        ? h('div', { class: 'muted' }, t('refund {state}', { state: statusWord(c.refundState) })) : '')]],
  r.changes || []);
}

/**
 * A cancellation policy in words: in English the API's own (its {@code terms}), in Korean composed from the policy's
 * fields, which the API gives with them.
 */
export function policyTerms(p) {
  if (!p) return '';
  if (lang() === 'en' || p.freeUntilDays === undefined || p.freeUntilDays === null) return p.terms;
  const free = p.freeUntilDays === 0 ? t('free cancellation until the day of arrival')
    : tn(p.freeUntilDays, 'free cancellation until {n} day before arrival',
      'free cancellation until {n} days before arrival');
  const late = p.fee === 'percentage' ? t('{percent}% of the total is charged', { percent: p.feePercent })
    : t('the first night is charged');
  return t('{free}; after that, {late}', { free, late });
}
