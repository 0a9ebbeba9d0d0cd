// Staff, policy tab: the hotel's cancellation policy.
import { get, put } from '../api.js';
import { t } from '../i18n.js';
import { act, field, formValues, h, input, say } from '../ui.js';
import { policyTerms } from './stay.js';

export async function staffPolicy(hotel, types, into) {
  const p = await get(`/v1/hotels/${hotel.id}/cancellation-policy`);
  const fee = h('select', { name: 'fee' }, h('option', { value: 'first_night' }, t('the first night')),
    h('option', { value: 'percentage' }, t('a percentage of the total')));
  fee.value = p.fee;
  const save = h('button', { type: 'submit' }, t('Save policy'));
  const form = h('form', { class: 'row' }, field(t('Free until (days before arrival)'), input('freeUntilDays', p.freeUntilDays, { type: 'number', min: 0, max: 365 })),
    field(t('Then charge'), fee), field(t('Percentage'), input('feePercent', p.feePercent ?? '', { type: 'number', min: 1, max: 100 })), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(save, async () => {
      const saved = await put(`/v1/hotels/${hotel.id}/cancellation-policy`, { freeUntilDays: Number(v.freeUntilDays), fee: v.fee,
        feePercent: v.fee === 'percentage' ? Number(v.feePercent) : null });
      say('info', t('Saved: {terms}. It applies to bookings made from now on.', { terms: policyTerms(saved) }));
    });
  });
  into.replaceChildren(h('p', {}, t(p.source === 'hotel' ? 'In force (this hotel\'s own): {terms}.'
    : 'In force (the default): {terms}.', { terms: policyTerms(p) })), form);
}
