// What the reservation views say about a stay: whom it is for and who booked it, its rooms, its history and changes.
import { h, money, status, table } from '../ui.js';

/** The guest a stay is for: the name staff booked it under, else the guest's account. */
export function guestOf(r) {
  return r.guestName || accountOf(r) || 'a guest without an account';
}

/** The guest's account, or null for a stay staff booked for a guest without one (reservation-svc's "desk:" ids). */
export function accountOf(r) {
  return r.guestID && !r.guestID.startsWith('desk:') ? r.guestID : null;
}

/** "booked by staff-245" when someone other than the guest booked it (staff, by phone or at the desk), else ''. */
export function bookedBy(r) {
  return r.bookedBy && r.bookedBy !== r.guestID ? `booked by ${r.bookedBy}` : '';
}

/** The rooms a checked-in stay has on a date (the assignments covering that night), else its latest ones. */
export function roomsOn(r, date) {
  const all = r.roomAssignments || [];
  const current = date ? all.filter((a) => a.startDate <= date && date < a.endDate) : [];
  return current.length ? current : all.slice(-r.rooms);
}

/** Room numbers, a room taken out of service since flagged with a warning. */
export function roomList(assignments) {
  if (!assignments.length) return h('span', { class: 'muted' }, 'no room yet');
  return h('span', { class: 'rooms' }, assignments.map((a) => h('span', { class: a.outOfService ? 'warning' : '' },
    `Room ${a.roomNumber}`, a.outOfService ? ' ⚠ out of service: move the guest' : '')));
}

export function stayLine(r, typeName) {
  return `${r.startDate} → ${r.endDate} · ${r.rooms} room${r.rooms > 1 ? 's' : ''}${typeName ? ` · ${typeName}` : ''}`;
}

/** Each status change with when and by whom. */
export function historyTable(r) {
  return table([['Status', (c) => status(c.status)], ['When', (c) => c.at], ['By', (c) => c.by || '—']], r.history || []);
}

export function termsLine(t) {
  if (!t) return '—';
  return `${t.startDate} → ${t.endDate} · ${t.rooms} room${t.rooms > 1 ? 's' : ''}`
    + (t.total ? ` · ${money(t.total.amount, t.total.currency)}` : '');
}

/** "30.00 € more", "12.00 € back", "the same price". */
export function differenceLine(d) {
  if (!d || !d.amount) return 'the same price';
  return d.amount > 0 ? `${money(d.amount, d.currency)} more` : `${money(-d.amount, d.currency)} back`;
}

const CHANGE_STATES = {
  charging: 'the difference is being charged',
  applied: 'applied',
  declined: 'the card was refused: the stay is unchanged',
  sold_out: 'sold out meanwhile: the stay is unchanged, the charge given back',
};

export function changeState(c) {
  return CHANGE_STATES[c.state] || c.state;
}

/** The changes of a stay: when, by whom, from what to what, at what difference, and how it ended. */
export function changesTable(r) {
  return table([['When', (c) => c.at || '—'], ['By', (c) => c.by || '—'], ['Before', (c) => termsLine(c.before)],
    ['After', (c) => termsLine(c.after)], ['Difference', (c) => differenceLine(c.difference)],
    ['Outcome', (c) => h('span', {}, changeState(c), c.declineCode ? ` (${c.declineCode})` : '',
      c.refundState && c.refundState !== 'none' ? h('div', { class: 'muted' }, `refund ${c.refundState}`) : '')]],
  r.changes || []);
}
