// Staff, prices tab: base prices over a date range and weekdays, and the occupancy pricing rules.
import { get, put } from '../api.js';
import { t, tn, weekday } from '../i18n.js';
import { act, field, formValues, h, input, minor, plusDays, say } from '../ui.js';

export function staffPrices(hotel, types, into) {
  const save = h('button', { type: 'submit' }, t('Set base price'));
  const typeSel = h('select', { name: 'roomTypeID' }, types.map((type) => h('option', { value: type.id }, type.name)));
  const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const form = h('form', {}, h('div', { class: 'row' }, field(t('Room type'), typeSel),
    field(t('From'), input('startDate', plusDays(0), { type: 'date' })), field(t('Until (exclusive)'), input('endDate', plusDays(365), { type: 'date' })),
    field(t('Price per night'), input('amount', '120.00', { inputmode: 'decimal', required: true })),
    field(t('Currency (ISO code)'), input('currency', 'EUR', { maxlength: 3, pattern: '[A-Za-z]{3}', required: true }))),
    h('fieldset', { class: 'row days' }, h('legend', {}, t('Weekdays')), days.map((d) => h('label', { class: 'row' },
      h('input', { type: 'checkbox', name: 'day', value: d, checked: true }), weekday(d)))),
    h('p', {}, save));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    const chosen = [...form.querySelectorAll('input[name=day]:checked')].map((c) => c.value);
    act(save, async () => {
      const currency = v.currency.toUpperCase();
      const result = await put(`/v1/hotels/${hotel.id}/room-types/${v.roomTypeID}/base-rates`, {
        startDate: v.startDate, endDate: v.endDate, amount: minor(v.amount, currency), currency,
        daysOfWeek: chosen.length === 7 ? null : chosen });
      say('info', tn(result.nightsSet, '{n} night priced.', '{n} nights priced.'));
    });
  });
  const rules = h('div');
  const loadRules = async () => {
    const r = await get(`/v1/hotels/${hotel.id}/pricing-rules`);
    const rows = h('div');
    const addRow = (rule = { minOccupancy: '', multiplier: '', surcharge: 0 }) => rows.append(h('div', { class: 'row threshold' },
      field(t('From occupancy (0-1)'), input('minOccupancy', rule.minOccupancy)), field(t('Multiplier'), input('multiplier', rule.multiplier)),
      field(t('Surcharge (minor units)'), input('surcharge', rule.surcharge ?? 0))));
    (r.thresholds || []).forEach(addRow);
    const more = h('button', { type: 'button', class: 'secondary' }, t('Add threshold'));
    more.addEventListener('click', () => addRow());
    const saveRules = h('button', { type: 'submit' }, t('Save rules'));
    const f = h('form', {}, h('p', { class: 'muted' }, r.source === 'hotel' ? t('In force: this hotel\'s own rules')
      : t('In force: the default rules')), rows, h('p', {}, more),
      h('div', { class: 'row' }, field(t('Floor (minor units)'), input('floor', r.floor ?? '')), field(t('Ceiling (minor units)'), input('ceiling', r.ceiling ?? ''))),
      h('p', {}, saveRules));
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      const thresholds = [...rows.querySelectorAll('.threshold')].map((row) => ({
        minOccupancy: Number(row.querySelector('[name=minOccupancy]').value), multiplier: Number(row.querySelector('[name=multiplier]').value),
        surcharge: Number(row.querySelector('[name=surcharge]').value || 0) })).filter((rule) => rule.multiplier);
      const v = formValues(f);
      act(saveRules, async () => {
        await put(`/v1/hotels/${hotel.id}/pricing-rules`, { thresholds, floor: v.floor === '' ? null : Number(v.floor),
          ceiling: v.ceiling === '' ? null : Number(v.ceiling) });
        say('info', t('Pricing rules saved.'));
      });
    });
    rules.replaceChildren(f);
  };
  into.replaceChildren(h('h2', {}, t('Base prices')), types.length ? form : h('p', {}, t('Add a room type first.')),
    h('h2', {}, t('Occupancy pricing rules')), rules);
  return act(null, loadRules);
}
