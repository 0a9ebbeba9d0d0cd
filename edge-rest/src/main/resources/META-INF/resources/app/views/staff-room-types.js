// Staff, room types tab: edit or delete each room type, add one.
import { del, post, put } from '../api.js';
import { t } from '../i18n.js';
import { route } from '../navigation.js';
import { act, field, formValues, h, input, say } from '../ui.js';

function roomTypeForm(rt, onSave) {
  const save = h('button', { type: 'submit' }, rt ? t('Save') : t('Add room type'));
  const form = h('form', { class: 'row' },
    field(t('Name'), input('name', rt && rt.name, { required: true })),
    field(t('Guests'), input('maxOccupancy', rt ? rt.maxOccupancy : 2, { type: 'number', min: 1, max: 20 })),
    field(t('Beds'), input('bedConfiguration', rt ? rt.bedConfiguration : '1 double', { required: true })),
    field(t('Amenities (comma separated)'), input('amenities', rt && rt.amenities ? rt.amenities.join(', ') : '')),
    field(t('Description'), input('description', rt && rt.description)), save);
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
      const remove = h('button', { class: 'danger' }, t('Delete'));
      remove.addEventListener('click', () => act(remove, async () => {
        await del(`/v1/hotels/${hotel.id}/room-types/${rt.id}`);
        route();
      }));
      return h('div', { class: 'card' }, h('h2', { class: 'card-title' }, rt.name, h('span', { class: 'muted' },
        ` · ${t('{inService} of {count} rooms in service', { inService: rt.roomsInService, count: rt.roomCount })}`)),
      roomTypeForm(rt, async (body) => { await put(`/v1/hotels/${hotel.id}/room-types/${rt.id}`, body); say('info', t('Saved.')); }),
      h('p', {}, remove));
    }),
    h('h2', {}, t('New room type')),
    roomTypeForm(null, async (body) => {
      await post(`/v1/hotels/${hotel.id}/room-types`, body);
      say('info', t('Room type {name} added.', { name: body.name }));
      route();
    }));
}
