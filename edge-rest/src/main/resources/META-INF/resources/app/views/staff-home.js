// Staff: the hotels they look after (administrators: all of them).
import { all, caller, get } from '../api.js';
import { screen } from '../navigation.js';
import { requireSignIn } from '../session.js';
import { h } from '../ui.js';

export async function staffHome() {
  const show = screen();
  const who = caller();
  if (!who || !(who.staff || who.admin)) {
    requireSignIn('The staff pages');
    return;
  }
  const hotelsShown = who.admin ? await all('/v1/hotels')
    : await Promise.all(who.hotels.map((id) => get(`/v1/hotels/${id}`).catch(() => ({ id, name: `hotel ${id} (not found)` }))));
  show(h('h1', {}, who.admin ? 'All hotels' : 'Your hotels'),
    who.admin ? h('p', {}, h('a', { href: '#/staff/new-hotel' }, '+ Add a hotel')) : '',
    h('div', { class: 'grid' }, hotelsShown.map((hotel) => h('div', { class: 'card' },
      h('h3', {}, h('a', { href: `#/staff/hotels/${hotel.id}` }, hotel.name)),
      hotel.address ? h('div', { class: 'muted' }, `${hotel.address.city}, ${hotel.address.country}`) : ''))));
}
