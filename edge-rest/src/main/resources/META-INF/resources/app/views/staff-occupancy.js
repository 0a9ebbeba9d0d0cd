// Staff, occupancy tab: a chart of the next 60 nights per room type.
import { get } from '../api.js';
import { date, dateRange, t } from '../i18n.js';
import { h, plusDays } from '../ui.js';

export async function staffOccupancy(hotel, types, into) {
  const start = plusDays(0);
  const end = plusDays(60);
  const charts = await Promise.all(types.map(async (rt) => {
    const inv = await get(`/v1/hotels/${hotel.id}/room-types/${rt.id}/inventory?startDate=${start}&endDate=${end}`);
    const rows = inv.items;
    const max = Math.max(1, ...rows.map((r) => r.sellableLimit));
    return h('div', {}, h('h2', {}, rt.name),
      h('div', { class: 'chart', role: 'img', 'aria-label': t('Occupancy of {roomType}, next 60 nights', { roomType: rt.name }) }, rows.map((r) =>
        h('div', { class: 'bar', style: `height:${(100 * r.sellableLimit) / max}%`,
          title: t('{date}: {sold} of {limit} sold', { date: date(r.date), sold: r.totalReserved, limit: r.sellableLimit }) },
        h('span', { style: `height:${r.sellableLimit ? (100 * Math.min(r.totalReserved, r.sellableLimit)) / r.sellableLimit : 0}%` })))),
      h('p', { class: 'muted' }, t('{sold} room-nights sold of {sellable} sellable ({dates}).', {
        sold: rows.reduce((s, r) => s + r.totalReserved, 0), sellable: rows.reduce((s, r) => s + r.sellableLimit, 0),
        dates: dateRange(start, end) }),
      ` ${t('Each bar is a night: its height the rooms on sale, blue the part sold; hover for the figures.')}`));
  }));
  into.replaceChildren(...(charts.length ? charts : [h('p', {}, t('No room types yet.'))]));
}
