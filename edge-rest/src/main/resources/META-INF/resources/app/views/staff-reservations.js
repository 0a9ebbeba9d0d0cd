// Staff, reservations tab: the upcoming reservations, which staff may cancel.
import { all } from '../api.js';
import { t } from '../i18n.js';
import { h } from '../ui.js';
import { reservationsTable } from './reservations-table.js';

export async function staffReservations(hotel, types, into) {
  const list = await all(`/v1/hotels/${hotel.id}/reservations?when=upcoming`);
  into.replaceChildren(list.length ? reservationsTable(list, true) : h('p', { class: 'muted' }, t('No upcoming reservations.')));
}
