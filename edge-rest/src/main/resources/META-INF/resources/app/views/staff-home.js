// Staff: the hotels they look after (administrators: all of them).
import { all, caller, get } from '../api.js';
import { country, t } from '../i18n.js';
import { screen } from '../navigation.js';
import { requireSignIn } from '../session.js';
import { h } from '../ui.js';

export async function staffHome() {
  const show = screen();
  const who = caller();
  if (!who || !(who.staff || who.admin)) {
    requireSignIn(t('The staff pages need you to be signed in.'));
    return;
  }
  const hotelsShown = who.admin ? await all('/v1/hotels')
    : await Promise.all(who.hotels.map((id) => get(`/v1/hotels/${id}`).catch(() => ({ id, name: t('hotel {id} (not found)', { id }) }))));
  show(h('h1', {}, who.admin ? t('All hotels') : t('Your hotels')),
    who.admin ? h('p', {}, h('a', { href: '#/staff/new-hotel' }, t('+ Add a hotel'))) : '',
    h('ul', { class: 'grid plain' }, hotelsShown.map((hotel) => h('li', { class: 'card' },
      h('h2', { class: 'card-title' }, h('a', { href: `#/staff/hotels/${hotel.id}` }, hotel.name)),
      hotel.address ? h('div', { class: 'muted' }, `${hotel.address.city}, ${country(hotel.address.country)}`) : ''))));
}
