// Staff, rooms tab: add numbered rooms, take a room out of service, delete one.
import { all, del, post, put } from '../api.js';
import { t, tn } from '../i18n.js';
import { route } from '../navigation.js';
import { act, field, formValues, h, input, say, table } from '../ui.js';

export async function staffRooms(hotel, types, into) {
  const rooms = await all(`/v1/hotels/${hotel.id}/rooms`);
  const typeName = new Map(types.map((type) => [type.id, type.name]));
  const typeSelect = () => h('select', { name: 'roomTypeID' }, types.map((type) => h('option', { value: type.id }, type.name)));
  const add = h('button', { type: 'submit' }, t('Add rooms'));
  const form = h('form', { class: 'row' }, field(t('Room type'), typeSelect()),
    field(t('First number'), input('number', '101', { required: true })),
    field(t('How many'), input('count', 1, { type: 'number', min: 1, max: 50 })),
    field(t('Floor'), input('floor', 1, { type: 'number', min: -5, max: 200 })), add);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(add, async () => {
      const first = Number(v.number);
      for (let i = 0; i < Number(v.count); i++) {
        const number = Number.isNaN(first) ? (i === 0 ? v.number : `${v.number}-${i}`) : String(first + i);
        await post(`/v1/hotels/${hotel.id}/rooms`, { number, floor: Number(v.floor), roomTypeID: v.roomTypeID });
      }
      say('info', tn(Number(v.count), '{n} room added.', '{n} rooms added.'));
      route();
    });
  });
  const toggle = (room) => {
    const b = h('button', { class: 'secondary' }, room.inService ? t('Take out of service') : t('Put back in service'));
    b.addEventListener('click', () => act(b, async () => {
      await put(`/v1/hotels/${hotel.id}/rooms/${room.id}`, { number: room.number, floor: room.floor,
        roomTypeID: room.roomTypeID, inService: !room.inService });
      route();
    }));
    return b;
  };
  const remove = (room) => {
    const b = h('button', { class: 'danger' }, t('Delete'));
    b.addEventListener('click', () => act(b, async () => { await del(`/v1/hotels/${hotel.id}/rooms/${room.id}`); route(); }));
    return b;
  };
  into.replaceChildren(types.length ? form : h('p', {}, t('Add a room type first.')),
    h('h2', {}, tn(rooms.length, '{n} room', '{n} rooms')),
    table([[t('Number'), (r) => r.number], [t('Floor'), (r) => String(r.floor)],
      [t('Type'), (r) => typeName.get(r.roomTypeID) || r.roomTypeID],
      [t('In service'), (r) => (r.inService ? t('yes') : t('no'))],
      [t('Actions'), (r) => h('span', { class: 'row' }, toggle(r), remove(r))]], rooms));
}
