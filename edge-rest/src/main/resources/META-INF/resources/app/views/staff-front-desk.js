// Staff, front desk tab: a day in the hotel's calendar (today unless another date is asked): the arrivals to check
// in, the guests checked in that day, the guests in house (move room, check out early) and the departures.
import { ApiError, get, post } from '../api.js';
import { route } from '../navigation.js';
import { date, t, tn } from '../i18n.js';
import { act, confirmDialog, field, h, input, money, say, status, table } from '../ui.js';
import { bookedBy, guestOf, policyTerms, roomList, roomsOn, stayLine } from './stay.js';

export async function staffFrontDesk(hotel, types, into, query) {
  const asked = query.get('date') || '';
  const desk = await get(`/v1/hotels/${hotel.id}/front-desk${asked ? `?date=${encodeURIComponent(asked)}` : ''}`);
  const ctx = { hotel, desk, typeName: new Map(types.map((type) => [type.id, type.name])) };
  const day = input('date', desk.date, { type: 'date', required: true });
  const showDay = h('button', { type: 'submit' }, t('Show day'));
  const form = h('form', { class: 'row', 'aria-label': t('Front desk day') }, field(t('Date'), day), showDay);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = `#/staff/hotels/${hotel.id}?tab=front%20desk&date=${day.value}`;
    if (location.hash === next) route();
    else location.hash = next;
  });
  const who = (r) => h('span', {}, h('a', { href: `#/reservations/${r.reservationID}` }, guestOf(r)), h('br'),
    h('span', { class: 'muted' }, r.reservationID, bookedBy(r) ? ` · ${bookedBy(r)}` : ''));
  const stay = (r) => stayLine(r, ctx.typeName.get(r.roomTypeID));
  into.replaceChildren(form, h('p', { class: 'muted' }, date(desk.date)),
    section('arrivals', t('Arrivals'), desk.arrivals, [[t('Guest'), who], [t('Stay'), stay],
      [t('Status'), (r) => status(r.status)], [t('Actions'), (r) => checkInButton(ctx, r)]]),
    section('checked-in-today', t('Checked in today'), desk.checkedInToday, [[t('Guest'), who], [t('Stay'), stay],
      [t('Rooms'), (r) => roomList(roomsOn(r, desk.date))]]),
    section('in-house', t('In house'), desk.inHouse, [[t('Guest'), who], [t('Stay'), stay],
      [t('Rooms'), (r) => h('div', { class: 'rooms' }, roomsOn(r, desk.date).map((a) => h('div', { class: 'row' },
        roomList([a]), moveButton(ctx, r, a))))],
      [t('Actions'), (r) => checkOutButton(ctx, r, desk.date < r.endDate)]]),
    section('departures', t('Departures'), desk.departures, [[t('Guest'), who], [t('Stay'), stay],
      [t('Rooms'), (r) => roomList(roomsOn(r, desk.date))], [t('Actions'), (r) => checkOutButton(ctx, r, false)]]));
}

function section(id, title, list, columns) {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title),
    list.length ? table(columns, list) : h('p', { class: 'muted' }, t('None.')));
}

/** Free rooms of the stay's type from the desk's day (or the arrival, if later) to its departure. */
async function freeRooms(ctx, r) {
  const from = r.startDate > ctx.desk.date ? r.startDate : ctx.desk.date;
  const found = await get(`/v1/hotels/${ctx.hotel.id}/free-rooms?roomTypeID=${r.roomTypeID}&startDate=${from}`
    + `&endDate=${r.endDate}`);
  return found.rooms;
}

/** Fills room pickers with "Any free room" and the free rooms, keeping what was chosen while it is still free. */
function fillPickers(pickers, rooms) {
  for (const select of pickers) {
    const chosen = select.value;
    select.replaceChildren(h('option', { value: '' }, t('Any free room')),
      ...rooms.map((room) => h('option', { value: room.roomID },
        t('Room {number} (floor {floor})', { number: room.number, floor: room.floor }))));
    select.value = rooms.some((room) => room.roomID === chosen) ? chosen : '';
  }
}

async function offerFreeRooms(ctx, r, pickers, note) {
  try {
    const rooms = await freeRooms(ctx, r);
    fillPickers(pickers, rooms);
    note.textContent = rooms.length ? tn(rooms.length, '{n} free room of this type.', '{n} free rooms of this type.')
      : t('No room of this type is free for the whole stay.');
  } catch (e) {
    fillPickers(pickers, []);
    note.textContent = e instanceof ApiError ? t('The free rooms could not be listed: {why}', { why: e.message }) : '';
  }
}

function checkInButton(ctx, r) {
  const button = h('button', { 'aria-label': t('Check in {guest} ({id})', { guest: guestOf(r), id: r.reservationID }) },
    t('Check in'));
  button.addEventListener('click', () => act(button, async () => {
    const pickers = Array.from({ length: r.rooms }, (_, i) => h('select', { name: `room${i + 1}` }));
    const note = h('p', { class: 'muted' });
    fillPickers(pickers, []);
    confirmDialog({
      id: 'check-in',
      title: t('Check in {guest}', { guest: guestOf(r) }),
      content: [h('p', {}, stayLine(r, ctx.typeName.get(r.roomTypeID))),
        h('div', { class: 'row' }, pickers.map((p, i) => field(t('Room {number}', { number: i + 1 }), p))), note,
        h('p', { class: 'muted' }, t('Leave every room on "Any free room" to have the hotel pick them.'))],
      confirm: t('Check in now'),
      onConfirm: async () => {
        const chosen = pickers.map((p) => p.value).filter(Boolean);
        if (chosen.length && chosen.length !== pickers.length) {
          throw new ApiError(400, { detail: t('Choose a room for each booked room, or leave them all on "Any free room".') });
        }
        if (new Set(chosen).size !== chosen.length) throw new ApiError(400, { detail: t('A room is chosen twice.') });
        const checkedIn = (await post(`/v1/reservations/${r.reservationID}/check-in`,
          chosen.length ? { roomIDs: chosen } : {})).body;
        say('info', t('{guest} is checked in: {rooms}.', { guest: guestOf(checkedIn), rooms: roomsOn(checkedIn, ctx.desk.date)
          .map((a) => t('room {number}', { number: a.roomNumber })).join(', ') }));
        route();
      },
      // a room taken meanwhile: offer what is free now
      onError: () => offerFreeRooms(ctx, r, pickers, note),
    });
    await offerFreeRooms(ctx, r, pickers, note);
  }));
  return button;
}

function moveButton(ctx, r, assignment) {
  const button = h('button', { class: 'secondary', 'aria-label': t('Move room {number}', { number: assignment.roomNumber }) },
    t('Move room'));
  button.addEventListener('click', () => act(button, async () => {
    const picker = h('select', { name: 'toRoomID' });
    const note = h('p', { class: 'muted' });
    fillPickers([picker], []);
    confirmDialog({
      id: 'move-room',
      title: t('Move {guest} out of room {number}', { guest: guestOf(r), number: assignment.roomNumber }),
      content: [h('p', {}, t('From today until {date}.', { date: date(r.endDate) })), field(t('New room'), picker), note],
      confirm: t('Move now'),
      onConfirm: async () => {
        const body = { fromRoomID: assignment.roomID };
        if (picker.value) body.toRoomID = picker.value;
        const moved = (await post(`/v1/reservations/${r.reservationID}/room-moves`, body)).body;
        say('info', t('{guest} moved out of room {number}: now in {rooms}.', { guest: guestOf(moved),
          number: assignment.roomNumber, rooms: roomsOn(moved, ctx.desk.date)
            .map((a) => t('room {number}', { number: a.roomNumber })).join(', ') }));
        route();
      },
      onError: () => offerFreeRooms(ctx, r, [picker], note),
    });
    await offerFreeRooms(ctx, r, [picker], note);
  }));
  return button;
}

function checkOutButton(ctx, r, early) {
  const button = h('button', { class: early ? 'danger' : '',
    'aria-label': t('Check out {guest} ({id})', { guest: guestOf(r), id: r.reservationID }) }, t('Check out'));
  const checkOut = async () => {
    const answer = (await post(`/v1/reservations/${r.reservationID}/check-out`)).body;
    say('info', answer.refund
      ? t('{guest} is checked out; {amount} is refunded.', { guest: guestOf(answer.reservation),
        amount: money(answer.refund.amount, answer.refund.currency) })
      : t('{guest} is checked out; nothing is refunded.', { guest: guestOf(answer.reservation) }));
    route();
  };
  button.addEventListener('click', () => {
    if (!early) {
      act(button, checkOut);
      return;
    }
    const policy = r.cancellationPolicy ? ` (${policyTerms(r.cancellationPolicy)})` : '';
    confirmDialog({
      id: 'check-out',
      title: t('Check {guest} out early?', { guest: guestOf(r) }),
      content: [h('p', {}, t('The stay was to end on {date}. Checking out now gives the nights from today back: they go back on sale and are refunded under the reservation\'s policy{policy}; nights already begun are kept.',
        { date: date(r.endDate), policy }))],
      confirm: t('Check out now'),
      onConfirm: checkOut,
    });
  });
  return button;
}
