// Staff, room types tab: edit or delete each room type, add one.
import { del, post, put } from '../api.js';
import { route } from '../navigation.js';
import { act, field, formValues, h, input, say } from '../ui.js';

function roomTypeForm(rt, onSave) {
  const save = h('button', { type: 'submit' }, rt ? 'Save' : 'Add room type');
  const form = h('form', { class: 'row' },
    field('Name', input('name', rt && rt.name, { required: true })),
    field('Guests', input('maxOccupancy', rt ? rt.maxOccupancy : 2, { type: 'number', min: 1, max: 20 })),
    field('Beds', input('bedConfiguration', rt ? rt.bedConfiguration : '1 double', { required: true })),
    field('Amenities (comma separated)', input('amenities', rt && rt.amenities ? rt.amenities.join(', ') : '')),
    field('Description', input('description', rt && rt.description)), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(save, () => onSave({ name: v.name, maxOccupancy: Number(v.maxOccupancy), bedConfiguration: v.bedConfiguration,
      description: v.description || null, amenities: v.amenities.split(',').map((s) => s.trim()).filter(Boolean) }));
  });
  return form;
}

export function staffRoomTypes(hotel, types, into) {
  into.replaceChildren(
    ...types.map((rt) => {
      const remove = h('button', { class: 'danger' }, 'Delete');
      remove.addEventListener('click', () => act(remove, async () => {
        await del(`/v1/hotels/${hotel.id}/room-types/${rt.id}`);
        route();
      }));
      return h('div', { class: 'card' }, h('h3', {}, rt.name, h('span', { class: 'muted' },
        ` · ${rt.roomsInService} of ${rt.roomCount} rooms in service`)),
      roomTypeForm(rt, async (body) => { await put(`/v1/hotels/${hotel.id}/room-types/${rt.id}`, body); say('info', 'Saved.'); }),
      h('p', {}, remove));
    }),
    h('h2', {}, 'New room type'),
    roomTypeForm(null, async (body) => {
      await post(`/v1/hotels/${hotel.id}/room-types`, body);
      say('info', `Room type ${body.name} added.`);
      route();
    }));
}
