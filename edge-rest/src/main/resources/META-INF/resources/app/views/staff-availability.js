// Staff, availability tab: per room type, the overbooking ratio and rooms taken out of sale for maintenance.
import { get, put } from '../api.js';
import { act, field, formValues, h, input, plusDays, say } from '../ui.js';

export async function staffAvailability(hotel, types, into) {
  const cards = await Promise.all(types.map(async (rt) => {
    const ratio = await get(`/v1/hotels/${hotel.id}/room-types/${rt.id}/overbooking`);
    const saveRatio = h('button', { type: 'submit' }, 'Set ratio');
    const ratioForm = h('form', { class: 'row' }, field('Overbooking ratio (1.00-2.00)', input('ratio', ratio.ratio)), saveRatio);
    ratioForm.addEventListener('submit', (e) => {
      e.preventDefault();
      act(saveRatio, async () => {
        const r = await put(`/v1/hotels/${hotel.id}/room-types/${rt.id}/overbooking`, { ratio: Number(formValues(ratioForm).ratio) });
        say('info', `${rt.name}: ratio ${r.ratio} for future nights.`);
      });
    });
    const saveMaint = h('button', { type: 'submit' }, 'Take rooms out of sale');
    const maint = h('form', { class: 'row' }, field('From', input('startDate', plusDays(1), { type: 'date' })),
      field('Until (exclusive)', input('endDate', plusDays(3), { type: 'date' })),
      field('Rooms out (0 = none)', input('rooms', 1, { type: 'number', min: 0 })), saveMaint);
    maint.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = formValues(maint);
      act(saveMaint, async () => {
        await put(`/v1/hotels/${hotel.id}/room-types/${rt.id}/maintenance`, { startDate: v.startDate, endDate: v.endDate, rooms: Number(v.rooms) });
        say('info', `${rt.name}: ${v.rooms} room(s) out of sale from ${v.startDate} until ${v.endDate}.`);
      });
    });
    return h('div', { class: 'card' }, h('h3', {}, rt.name), ratioForm, h('h4', {}, 'Maintenance'), maint);
  }));
  into.replaceChildren(...cards);
}
