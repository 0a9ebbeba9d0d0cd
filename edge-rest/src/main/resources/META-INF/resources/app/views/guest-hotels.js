// Guests: every hotel, a page at a time ("All hotels"; finding a room for a stay is the search, the home page).
import { get } from '../api.js';
import { country, t, tn } from '../i18n.js';
import { screen } from '../navigation.js';
import { act, h, stars } from '../ui.js';

export async function hotels() {
  const show = screen();
  show(h('h1', {}, t('All hotels')), h('p', { class: 'muted' }, t('Loading hotels…')));
  const list = h('ul', { class: 'grid plain', 'aria-label': t('All hotels') });
  const more = h('button', { class: 'secondary' }, t('More hotels'));
  let pageToken = '';
  const load = async () => {
    const page = await get(`/v1/hotels?pageSize=12${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`);
    list.append(...page.items.map((hotel) => h('li', { class: 'card' },
      h('h2', { class: 'card-title' }, h('a', { href: `#/hotels/${hotel.id}` }, hotel.name)),
      h('div', { class: 'muted' }, `${hotel.address.city}, ${country(hotel.address.country)}`),
      hotel.starRating ? h('div', {}, stars(hotel.starRating)) : '')));
    pageToken = page.nextPageToken;
    more.hidden = !pageToken;
    return page.totalSize;
  };
  const total = await act(null, load);
  show(h('h1', {}, t('All hotels')), h('p', { class: 'muted' }, tn(total ?? 0, '{n} hotel', '{n} hotels'),
    ' · ', h('a', { href: '#/' }, t('Find a room for your dates'))), list, h('p', {}, more));
  more.addEventListener('click', () => act(more, load));
}
