// Staff: one hotel, a tab at a time. Each tab draws into the page's body: (hotel, its room types, the body).
import { get } from '../api.js';
import { screen } from '../navigation.js';
import { h } from '../ui.js';
import { staffAvailability } from './staff-availability.js';
import { staffDetails } from './staff-details.js';
import { staffOccupancy } from './staff-occupancy.js';
import { staffPolicy } from './staff-policy.js';
import { staffPrices } from './staff-prices.js';
import { staffReservations } from './staff-reservations.js';
import { staffRooms } from './staff-rooms.js';
import { staffRoomTypes } from './staff-room-types.js';

const TABS = ['details', 'room types', 'rooms', 'prices', 'availability', 'policy', 'reservations', 'occupancy'];

export async function staffHotel(id, query) {
  const show = screen();
  const tab = query.get('tab') || 'details';
  const hotel = await get(`/v1/hotels/${id}`);
  const types = hotel.roomTypes || [];
  const body = h('div');
  show(h('p', {}, h('a', { href: '#/staff' }, '← Hotels')), h('h1', {}, hotel.name),
    h('div', { class: 'tabs' }, TABS.map((t) => h('a', { href: `#/staff/hotels/${id}?tab=${encodeURIComponent(t)}`,
      class: t === tab ? 'active' : '' }, t))), body);
  const views = { details: staffDetails, 'room types': staffRoomTypes, rooms: staffRooms, prices: staffPrices,
    availability: staffAvailability, policy: staffPolicy, reservations: staffReservations, occupancy: staffOccupancy };
  await (views[tab] || staffDetails)(hotel, types, body);
}
