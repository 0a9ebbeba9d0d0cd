// Staff, prices tab: base prices over a date range and weekdays, and the occupancy pricing rules.
import { get, put } from '../api.js';
import { act, field, formValues, h, input, minor, plusDays, say } from '../ui.js';

export function staffPrices(hotel, types, into) {
  const save = h('button', { type: 'submit' }, 'Set base price');
  const typeSel = h('select', { name: 'roomTypeID' }, types.map((t) => h('option', { value: t.id }, t.name)));
  const days = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const form = h('form', {}, h('div', { class: 'row' }, field('Room type', typeSel),
    field('From', input('startDate', plusDays(0), { type: 'date' })), field('Until (exclusive)', input('endDate', plusDays(365), { type: 'date' })),
    field('Price per night', input('amount', '120.00', { inputmode: 'decimal', required: true })),
    field('Currency (ISO code)', input('currency', 'EUR', { maxlength: 3, pattern: '[A-Za-z]{3}', required: true }))),
    h('div', { class: 'row' }, days.map((d) => h('label', { class: 'row' }, h('input', { type: 'checkbox', name: 'day', value: d, checked: true }), d.slice(0, 3)))),
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
      say('info', `${result.nightsSet} nights priced.`);
    });
  });
  const rules = h('div');
  const loadRules = async () => {
    const r = await get(`/v1/hotels/${hotel.id}/pricing-rules`);
    const rows = h('div');
    const addRow = (t = { minOccupancy: '', multiplier: '', surcharge: 0 }) => rows.append(h('div', { class: 'row threshold' },
      field('From occupancy (0-1)', input('minOccupancy', t.minOccupancy)), field('Multiplier', input('multiplier', t.multiplier)),
      field('Surcharge (minor units)', input('surcharge', t.surcharge ?? 0))));
    (r.thresholds || []).forEach(addRow);
    const more = h('button', { type: 'button', class: 'secondary' }, 'Add threshold');
    more.addEventListener('click', () => addRow());
    const saveRules = h('button', { type: 'submit' }, 'Save rules');
    const f = h('form', {}, h('p', { class: 'muted' }, `In force: ${r.source}`), rows, h('p', {}, more),
      h('div', { class: 'row' }, field('Floor (minor units)', input('floor', r.floor ?? '')), field('Ceiling (minor units)', input('ceiling', r.ceiling ?? ''))),
      h('p', {}, saveRules));
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      const thresholds = [...rows.querySelectorAll('.threshold')].map((row) => ({
        minOccupancy: Number(row.querySelector('[name=minOccupancy]').value), multiplier: Number(row.querySelector('[name=multiplier]').value),
        surcharge: Number(row.querySelector('[name=surcharge]').value || 0) })).filter((t) => t.multiplier);
      const v = formValues(f);
      act(saveRules, async () => {
        await put(`/v1/hotels/${hotel.id}/pricing-rules`, { thresholds, floor: v.floor === '' ? null : Number(v.floor),
          ceiling: v.ceiling === '' ? null : Number(v.ceiling) });
        say('info', 'Pricing rules saved.');
      });
    });
    rules.replaceChildren(f);
  };
  into.replaceChildren(h('h2', {}, 'Base prices'), types.length ? form : h('p', {}, 'Add a room type first.'),
    h('h2', {}, 'Occupancy pricing rules'), rules);
  return act(null, loadRules);
}
