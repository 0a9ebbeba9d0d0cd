// Guests: the hotel list, a page at a time.
import { get } from '../api.js';
import { screen } from '../navigation.js';
import { act, h } from '../ui.js';

export async function hotels() {
  const show = screen();
  show(h('h1', {}, 'Hotels'), h('p', { class: 'muted' }, 'Loading hotels…'));
  const list = h('div', { class: 'grid' });
  const more = h('button', { class: 'secondary' }, 'More hotels');
  let pageToken = '';
  const load = async () => {
    const page = await get(`/v1/hotels?pageSize=12${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`);
    list.append(...page.items.map((hotel) => h('div', { class: 'card' },
      h('h3', {}, h('a', { href: `#/hotels/${hotel.id}` }, hotel.name)),
      h('div', { class: 'muted' }, `${hotel.address.city}, ${hotel.address.country}`),
      hotel.starRating ? h('div', {}, '★'.repeat(hotel.starRating)) : '')));
    pageToken = page.nextPageToken;
    more.hidden = !pageToken;
    return page.totalSize;
  };
  const total = await act(null, load);
  show(h('h1', {}, 'Hotels'), h('p', { class: 'muted' }, `${total ?? 0} hotels`), list,
    h('p', {}, more));
  more.addEventListener('click', () => act(more, load));
}
