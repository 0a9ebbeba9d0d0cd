// Staff, occupancy tab: a chart of the next 60 nights per room type.
import { get } from '../api.js';
import { h, plusDays } from '../ui.js';

export async function staffOccupancy(hotel, types, into) {
  const start = plusDays(0);
  const end = plusDays(60);
  const charts = await Promise.all(types.map(async (rt) => {
    const inv = await get(`/v1/hotels/${hotel.id}/room-types/${rt.id}/inventory?startDate=${start}&endDate=${end}`);
    const rows = inv.items;
    const max = Math.max(1, ...rows.map((r) => r.sellableLimit));
    return h('div', {}, h('h3', {}, rt.name),
      h('div', { class: 'chart', role: 'img', 'aria-label': `Occupancy of ${rt.name}, next 60 nights` }, rows.map((r) =>
        h('div', { class: 'bar', style: `height:${(100 * r.sellableLimit) / max}%`,
          title: `${r.date}: ${r.totalReserved} of ${r.sellableLimit} sold` },
        h('span', { style: `height:${r.sellableLimit ? (100 * Math.min(r.totalReserved, r.sellableLimit)) / r.sellableLimit : 0}%` })))),
      h('p', { class: 'muted' }, `${rows.reduce((s, r) => s + r.totalReserved, 0)} room-nights sold of ${rows.reduce((s, r) => s + r.sellableLimit, 0)} sellable (${start} to ${end}).`
        + ' Each bar is a night: its height the rooms on sale, blue the part sold; hover for the figures.'));
  }));
  into.replaceChildren(...(charts.length ? charts : [h('p', {}, 'No room types yet.')]));
}
