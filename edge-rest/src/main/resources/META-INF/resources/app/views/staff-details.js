// Staff: a hotel's details, in the same form when an administrator adds a hotel and on the details tab.
import { caller, del, post, put } from '../api.js';
import { t } from '../i18n.js';
import { route, screen } from '../navigation.js';
import { act, field, formValues, h, input, say } from '../ui.js';

function hotelForm(hotel, onSave) {
  const a = (hotel && hotel.address) || {};
  const c = (hotel && hotel.contact) || {};
  const save = h('button', { type: 'submit' }, hotel ? t('Save hotel') : t('Create hotel'));
  const form = h('form', {},
    h('div', { class: 'row' }, field(t('Name'), input('name', hotel && hotel.name, { required: true })),
      field(t('Stars (0-5)'), input('starRating', hotel ? hotel.starRating : 0, { type: 'number', min: 0, max: 5 })),
      field(t('Time zone'), input('timeZone', hotel ? hotel.timeZone : 'Europe/Lisbon', { required: true }))),
    h('div', { class: 'row' }, field(t('Address'), input('line1', a.line1, { required: true })),
      field(t('City'), input('city', a.city, { required: true })), field(t('Postal code'), input('postalCode', a.postalCode)),
      field(t('Country (ISO code)'), input('country', a.country, { required: true, maxlength: 2 }))),
    h('div', { class: 'row' }, field(t('E-mail'), input('email', c.email, { type: 'email' })),
      field(t('Phone'), input('phone', c.phone))),
    field(t('Description'), h('textarea', { name: 'description' }, (hotel && hotel.description) || '')),
    h('p', {}, save));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(save, () => onSave({
      name: v.name, starRating: Number(v.starRating || 0), timeZone: v.timeZone, description: v.description || null,
      address: { line1: v.line1, city: v.city, postalCode: v.postalCode || null, country: v.country.toUpperCase() },
      contact: v.email || v.phone ? { email: v.email || null, phone: v.phone || null } : null,
    }));
  });
  return form;
}

export function newHotel() {
  const show = screen();
  show(h('h1', {}, t('Add a hotel')), hotelForm(null, async (body) => {
    const created = (await post('/v1/hotels', body)).body;
    say('info', t('Hotel {hotel} created.', { hotel: created.name }));
    location.hash = `#/staff/hotels/${created.id}`;
  }));
}

export function staffDetails(hotel, types, into) {
  // deleting a hotel is a chain administrator's; its staff take it off sale instead (the button above the tabs)
  const admin = (caller() || {}).admin;
  const remove = h('button', { class: 'danger' }, t('Delete hotel'));
  remove.addEventListener('click', () => act(remove, async () => {
    if (!window.confirm(t('Delete {hotel} with its room types and rooms?', { hotel: hotel.name }))) return;
    await del(`/v1/hotels/${hotel.id}`);
    say('info', t('{hotel} deleted.', { hotel: hotel.name }));
    location.hash = '#/staff';
  }));
  into.replaceChildren(hotelForm(hotel, async (body) => {
    await put(`/v1/hotels/${hotel.id}`, body);
    say('info', t('Saved.'));
    route();
  }), admin ? h('p', {}, remove) : '');
}
