// Guests: my reservations (upcoming, past, all).
import { all, caller, get } from '../api.js';
import { t } from '../i18n.js';
import { screen } from '../navigation.js';
import { requireSignIn } from '../session.js';
import { h } from '../ui.js';
import { reservationsTable } from './reservations-table.js';

const WHEN = { upcoming: 'upcoming', past: 'past', all: 'all' };

export async function myReservations(query) {
  const show = screen();
  const who = caller();
  if (!who || !who.guest) {
    requireSignIn(t('Seeing your reservations needs you to be signed in.'));
    return;
  }
  const when = WHEN[query.get('when')] || 'upcoming';
  const list = await all(`/v1/reservations?when=${when}`);
  const names = new Map();
  await Promise.all([...new Set(list.map((r) => r.hotelID))].map(async (id) =>
    names.set(id, (await get(`/v1/hotels/${id}`).catch(() => ({ name: t('hotel {id}', { id }) }))).name)));
  show(h('h1', {}, t('My reservations')),
    h('div', { class: 'tabs' }, Object.keys(WHEN).map((w) =>
      h('a', { href: `#/me?when=${w}`, class: w === when ? 'active' : '', 'aria-current': w === when ? 'page' : null },
        t(WHEN[w])))),
    list.length ? reservationsTable(list, false, names) : h('p', { class: 'muted' }, t('No reservations.')));
}
