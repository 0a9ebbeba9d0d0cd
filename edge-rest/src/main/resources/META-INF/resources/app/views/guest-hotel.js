// Guests: one hotel, with its cancellation terms and room types.
import { get } from '../api.js';
import { screen } from '../navigation.js';
import { h } from '../ui.js';

export async function hotelPage(id) {
  const show = screen();
  const [hotel, policy] = await Promise.all([get(`/v1/hotels/${id}`),
    get(`/v1/hotels/${id}/cancellation-policy`).catch(() => null)]);
  show(
    h('h1', {}, hotel.name, hotel.starRating ? ` ${'★'.repeat(hotel.starRating)}` : ''),
    h('p', {}, [hotel.address.line1, hotel.address.line2, hotel.address.postalCode, hotel.address.city,
      hotel.address.country].filter(Boolean).join(', ')),
    hotel.description ? h('p', {}, hotel.description) : '',
    hotel.contact && (hotel.contact.email || hotel.contact.phone)
      ? h('p', { class: 'muted' }, [hotel.contact.email, hotel.contact.phone].filter(Boolean).join(' · ')) : '',
    policy ? h('p', { class: 'muted' }, `Cancellation: ${policy.terms}.`) : '',
    hotel.offSale ? h('p', { class: 'warning' }, 'This hotel is not taking bookings at the moment.') : '',
    h('h2', {}, 'Rooms'),
    h('div', { class: 'grid' }, (hotel.roomTypes || []).map((rt) => h('div', { class: 'card' },
      h('h3', {}, rt.name),
      h('div', {}, `Up to ${rt.maxOccupancy} guests · ${rt.bedConfiguration}`),
      rt.description ? h('p', { class: 'muted' }, rt.description) : '',
      rt.amenities && rt.amenities.length ? h('div', { class: 'muted' }, rt.amenities.join(' · ')) : '',
      h('p', {}, h('a', { href: `#/hotels/${id}/room-types/${rt.id}` }, 'Dates and prices'))))),
    (hotel.roomTypes || []).length ? '' : h('p', { class: 'muted' }, 'No rooms on sale yet.'));
}
