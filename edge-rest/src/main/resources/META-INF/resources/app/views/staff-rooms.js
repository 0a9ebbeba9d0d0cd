// Staff, rooms tab: add numbered rooms, take a room out of service, delete one.
import { all, del, post, put } from '../api.js';
import { route } from '../navigation.js';
import { act, field, formValues, h, input, say, table } from '../ui.js';

export async function staffRooms(hotel, types, into) {
  const rooms = await all(`/v1/hotels/${hotel.id}/rooms`);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const typeSelect = () => h('select', { name: 'roomTypeID' }, types.map((t) => h('option', { value: t.id }, t.name)));
  const add = h('button', { type: 'submit' }, 'Add rooms');
  const form = h('form', { class: 'row' }, field('Room type', typeSelect()),
    field('First number', input('number', '101', { required: true })),
    field('How many', input('count', 1, { type: 'number', min: 1, max: 50 })),
    field('Floor', input('floor', 1, { type: 'number', min: -5, max: 200 })), add);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(add, async () => {
      const first = Number(v.number);
      for (let i = 0; i < Number(v.count); i++) {
        const number = Number.isNaN(first) ? (i === 0 ? v.number : `${v.number}-${i}`) : String(first + i);
        await post(`/v1/hotels/${hotel.id}/rooms`, { number, floor: Number(v.floor), roomTypeID: v.roomTypeID });
      }
      say('info', `${v.count} room(s) added.`);
      route();
    });
  });
  const toggle = (room) => {
    const b = h('button', { class: 'secondary' }, room.inService ? 'Take out of service' : 'Put back in service');
    b.addEventListener('click', () => act(b, async () => {
      await put(`/v1/hotels/${hotel.id}/rooms/${room.id}`, { number: room.number, floor: room.floor,
        roomTypeID: room.roomTypeID, inService: !room.inService });
      route();
    }));
    return b;
  };
  const remove = (room) => {
    const b = h('button', { class: 'danger' }, 'Delete');
    b.addEventListener('click', () => act(b, async () => { await del(`/v1/hotels/${hotel.id}/rooms/${room.id}`); route(); }));
    return b;
  };
  into.replaceChildren(types.length ? form : h('p', {}, 'Add a room type first.'),
    h('h2', {}, `${rooms.length} rooms`),
    table([['Number', (r) => r.number], ['Floor', (r) => String(r.floor)], ['Type', (r) => typeName.get(r.roomTypeID) || r.roomTypeID],
      ['In service', (r) => (r.inService ? 'yes' : 'no')], ['', (r) => h('span', { class: 'row' }, toggle(r), remove(r))]], rooms));
}
