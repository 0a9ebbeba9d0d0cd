// Staff: a hotel's details, in the same form when an administrator adds a hotel and on the details tab.
import { caller, del, post, put } from '../api.js';
import { route, screen } from '../navigation.js';
import { act, field, formValues, h, input, say } from '../ui.js';

function hotelForm(hotel, onSave) {
  const a = (hotel && hotel.address) || {};
  const c = (hotel && hotel.contact) || {};
  const save = h('button', { type: 'submit' }, hotel ? 'Save hotel' : 'Create hotel');
  const form = h('form', {},
    h('div', { class: 'row' }, field('Name', input('name', hotel && hotel.name, { required: true })),
      field('Stars (0-5)', input('starRating', hotel ? hotel.starRating : 0, { type: 'number', min: 0, max: 5 })),
      field('Time zone', input('timeZone', hotel ? hotel.timeZone : 'Europe/Lisbon', { required: true }))),
    h('div', { class: 'row' }, field('Address', input('line1', a.line1, { required: true })),
      field('City', input('city', a.city, { required: true })), field('Postal code', input('postalCode', a.postalCode)),
      field('Country (ISO code)', input('country', a.country, { required: true, maxlength: 2 }))),
    h('div', { class: 'row' }, field('E-mail', input('email', c.email, { type: 'email' })),
      field('Phone', input('phone', c.phone))),
    field('Description', h('textarea', { name: 'description' }, (hotel && hotel.description) || '')),
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
  show(h('h1', {}, 'Add a hotel'), hotelForm(null, async (body) => {
    const created = (await post('/v1/hotels', body)).body;
    say('info', `Hotel ${created.name} created.`);
    location.hash = `#/staff/hotels/${created.id}`;
  }));
}

export function staffDetails(hotel, types, into) {
  // deleting a hotel is a chain administrator's; its staff take it off sale instead (the button above the tabs)
  const admin = (caller() || {}).admin;
  const remove = h('button', { class: 'danger' }, 'Delete hotel');
  remove.addEventListener('click', () => act(remove, async () => {
    if (!window.confirm(`Delete ${hotel.name} with its room types and rooms?`)) return;
    await del(`/v1/hotels/${hotel.id}`);
    say('info', `${hotel.name} deleted.`);
    location.hash = '#/staff';
  }));
  into.replaceChildren(hotelForm(hotel, async (body) => {
    await put(`/v1/hotels/${hotel.id}`, body);
    say('info', 'Saved.');
    route();
  }), admin ? h('p', {}, remove) : '');
}
