// Staff, policy tab: the hotel's cancellation policy.
import { get, put } from '../api.js';
import { act, field, formValues, h, input, say } from '../ui.js';

export async function staffPolicy(hotel, types, into) {
  const p = await get(`/v1/hotels/${hotel.id}/cancellation-policy`);
  const fee = h('select', { name: 'fee' }, h('option', { value: 'first_night' }, 'the first night'),
    h('option', { value: 'percentage' }, 'a percentage of the total'));
  fee.value = p.fee;
  const save = h('button', { type: 'submit' }, 'Save policy');
  const form = h('form', { class: 'row' }, field('Free until (days before arrival)', input('freeUntilDays', p.freeUntilDays, { type: 'number', min: 0, max: 365 })),
    field('Then charge', fee), field('Percentage', input('feePercent', p.feePercent ?? '', { type: 'number', min: 1, max: 100 })), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(save, async () => {
      const saved = await put(`/v1/hotels/${hotel.id}/cancellation-policy`, { freeUntilDays: Number(v.freeUntilDays), fee: v.fee,
        feePercent: v.fee === 'percentage' ? Number(v.feePercent) : null });
      say('info', `Saved: ${saved.terms}. It applies to bookings made from now on.`);
    });
  });
  into.replaceChildren(h('p', {}, `In force (${p.source}): ${p.terms}.`), form);
}
