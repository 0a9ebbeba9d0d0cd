// Guests: my reservations (upcoming, past, all).
import { all, caller, get } from '../api.js';
import { screen } from '../navigation.js';
import { requireSignIn } from '../session.js';
import { h } from '../ui.js';
import { reservationsTable } from './reservations-table.js';

export async function myReservations(query) {
  const show = screen();
  const who = caller();
  if (!who || !who.guest) {
    requireSignIn('Seeing your reservations');
    return;
  }
  const when = query.get('when') || 'upcoming';
  const list = await all(`/v1/reservations?when=${when}`);
  const names = new Map();
  await Promise.all([...new Set(list.map((r) => r.hotelID))].map(async (id) =>
    names.set(id, (await get(`/v1/hotels/${id}`).catch(() => ({ name: `hotel ${id}` }))).name)));
  show(h('h1', {}, 'My reservations'),
    h('div', { class: 'tabs' }, ['upcoming', 'past', 'all'].map((w) =>
      h('a', { href: `#/me?when=${w}`, class: w === when ? 'active' : '' }, w))),
    list.length ? reservationsTable(list, false, names) : h('p', { class: 'muted' }, 'No reservations.'));
}
