// Staff: one hotel, a tab at a time. Each tab draws into the page's body: (hotel, its room types, the body, the
// address's query).
import { get, put } from '../api.js';
import { t } from '../i18n.js';
import { route, screen } from '../navigation.js';
import { act, h, say } from '../ui.js';
import { staffAvailability } from './staff-availability.js';
import { staffBook } from './staff-book.js';
import { staffDetails } from './staff-details.js';
import { staffFrontDesk } from './staff-front-desk.js';
import { staffOccupancy } from './staff-occupancy.js';
import { staffPolicy } from './staff-policy.js';
import { staffPrices } from './staff-prices.js';
import { staffReservations } from './staff-reservations.js';
import { staffRooms } from './staff-rooms.js';
import { staffRoomTypes } from './staff-room-types.js';

const TABS = ['details', 'room types', 'rooms', 'prices', 'availability', 'policy', 'reservations', 'front desk',
  'book for a guest', 'occupancy'];

export async function staffHotel(id, query) {
  const show = screen();
  const tab = query.get('tab') || 'details';
  const hotel = await get(`/v1/hotels/${id}`);
  const types = hotel.roomTypes || [];
  const body = h('div');
  show(h('p', {}, h('a', { href: '#/staff' }, `← ${t('Hotels')}`)), h('h1', {}, hotel.name), saleToggle(hotel),
    h('nav', { class: 'tabs', 'aria-label': t('Hotel sections') }, TABS.map((name) => h('a', {
      href: `#/staff/hotels/${id}?tab=${encodeURIComponent(name)}`, class: name === tab ? 'active' : '',
      'aria-current': name === tab ? 'page' : null }, t(name)))), body);
  const views = { details: staffDetails, 'room types': staffRoomTypes, rooms: staffRooms, prices: staffPrices,
    availability: staffAvailability, policy: staffPolicy, reservations: staffReservations, 'front desk': staffFrontDesk,
    'book for a guest': staffBook, occupancy: staffOccupancy };
  await (views[tab] || staffDetails)(hotel, types, body, query);
}

// Staff take their hotel off sale (no new bookings or quotes; booked stays are kept) rather than delete it, which
// only a chain administrator may.
function saleToggle(hotel) {
  const button = h('button', { class: hotel.offSale ? '' : 'secondary' },
    hotel.offSale ? t('Put back on sale') : t('Take off sale'));
  button.addEventListener('click', () => act(button, async () => {
    const now = await put(`/v1/hotels/${hotel.id}/sale`, { offSale: !hotel.offSale });
    say('info', now.offSale ? t('{hotel} is off sale: no new bookings or quotes.', { hotel: now.name })
      : t('{hotel} is on sale again.', { hotel: now.name }));
    route();
  }));
  return h('p', { class: 'row' }, hotel.offSale ? h('span', { class: 'warning' }, `${t('Off sale.')} `) : '', button);
}
