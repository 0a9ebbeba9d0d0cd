// Staff, availability tab: per room type, the overbooking ratio and rooms taken out of sale for maintenance.
import { get, put } from '../api.js';
import { date, t, tn } from '../i18n.js';
import { act, field, formValues, h, input, plusDays, say } from '../ui.js';

export async function staffAvailability(hotel, types, into) {
  const cards = await Promise.all(types.map(async (rt) => {
    const ratio = await get(`/v1/hotels/${hotel.id}/room-types/${rt.id}/overbooking`);
    const saveRatio = h('button', { type: 'submit' }, t('Set ratio'));
    const ratioForm = h('form', { class: 'row' }, field(t('Overbooking ratio (1.00-2.00)'), input('ratio', ratio.ratio)), saveRatio);
    ratioForm.addEventListener('submit', (e) => {
      e.preventDefault();
      act(saveRatio, async () => {
        const r = await put(`/v1/hotels/${hotel.id}/room-types/${rt.id}/overbooking`, { ratio: Number(formValues(ratioForm).ratio) });
        say('info', t('{roomType}: ratio {ratio} for future nights.', { roomType: rt.name, ratio: r.ratio }));
      });
    });
    const saveMaint = h('button', { type: 'submit' }, t('Take rooms out of sale'));
    const maint = h('form', { class: 'row' }, field(t('From'), input('startDate', plusDays(1), { type: 'date' })),
      field(t('Until (exclusive)'), input('endDate', plusDays(3), { type: 'date' })),
      field(t('Rooms out (0 = none)'), input('rooms', 1, { type: 'number', min: 0 })), saveMaint);
    maint.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = formValues(maint);
      act(saveMaint, async () => {
        await put(`/v1/hotels/${hotel.id}/room-types/${rt.id}/maintenance`, { startDate: v.startDate, endDate: v.endDate, rooms: Number(v.rooms) });
        say('info', t('{roomType}: {rooms} out of sale from {from} until {until}.', { roomType: rt.name,
          rooms: tn(Number(v.rooms), '{n} room', '{n} rooms'), from: date(v.startDate), until: date(v.endDate) }));
      });
    });
    return h('div', { class: 'card' }, h('h2', { class: 'card-title' }, rt.name), ratioForm, h('h3', {}, t('Maintenance')), maint);
  }));
  into.replaceChildren(...cards);
}
