// Staff, front desk tab: a day in the hotel's calendar (today unless another date is asked): the arrivals to check
// in, the guests checked in that day, the guests in house (move room, check out early) and the departures.
import { ApiError, get, post } from '../api.js';
import { route } from '../navigation.js';
import { act, confirmDialog, field, h, input, money, say, status, table } from '../ui.js';
import { bookedBy, guestOf, roomList, roomsOn, stayLine } from './stay.js';

export async function staffFrontDesk(hotel, types, into, query) {
  const asked = query.get('date') || '';
  const desk = await get(`/v1/hotels/${hotel.id}/front-desk${asked ? `?date=${encodeURIComponent(asked)}` : ''}`);
  const ctx = { hotel, desk, typeName: new Map(types.map((t) => [t.id, t.name])) };
  const day = input('date', desk.date, { type: 'date', required: true });
  const showDay = h('button', { type: 'submit' }, 'Show day');
  const form = h('form', { class: 'row', 'aria-label': 'Front desk day' }, field('Date', day), showDay);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = `#/staff/hotels/${hotel.id}?tab=front%20desk&date=${day.value}`;
    if (location.hash === next) route();
    else location.hash = next;
  });
  const who = (r) => h('span', {}, h('a', { href: `#/reservations/${r.reservationID}` }, guestOf(r)), h('br'),
    h('span', { class: 'muted' }, r.reservationID, bookedBy(r) ? ` · ${bookedBy(r)}` : ''));
  const stay = (r) => stayLine(r, ctx.typeName.get(r.roomTypeID));
  into.replaceChildren(form,
    section('arrivals', 'Arrivals', desk.arrivals, [['Guest', who], ['Stay', stay], ['Status', (r) => status(r.status)],
      ['', (r) => checkInButton(ctx, r)]]),
    section('checked-in-today', 'Checked in today', desk.checkedInToday, [['Guest', who], ['Stay', stay],
      ['Rooms', (r) => roomList(roomsOn(r, desk.date))]]),
    section('in-house', 'In house', desk.inHouse, [['Guest', who], ['Stay', stay],
      ['Rooms', (r) => h('div', { class: 'rooms' }, roomsOn(r, desk.date).map((a) => h('div', { class: 'row' },
        roomList([a]), moveButton(ctx, r, a))))],
      ['', (r) => checkOutButton(ctx, r, desk.date < r.endDate)]]),
    section('departures', 'Departures', desk.departures, [['Guest', who], ['Stay', stay],
      ['Rooms', (r) => roomList(roomsOn(r, desk.date))], ['', (r) => checkOutButton(ctx, r, false)]]));
}

function section(id, title, list, columns) {
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title),
    list.length ? table(columns, list) : h('p', { class: 'muted' }, 'None.'));
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
    select.replaceChildren(h('option', { value: '' }, 'Any free room'),
      ...rooms.map((room) => h('option', { value: room.roomID }, `Room ${room.number} (floor ${room.floor})`)));
    select.value = rooms.some((room) => room.roomID === chosen) ? chosen : '';
  }
}

async function offerFreeRooms(ctx, r, pickers, note) {
  try {
    const rooms = await freeRooms(ctx, r);
    fillPickers(pickers, rooms);
    note.textContent = rooms.length ? `${rooms.length} free room${rooms.length > 1 ? 's' : ''} of this type.`
      : 'No room of this type is free for the whole stay.';
  } catch (e) {
    fillPickers(pickers, []);
    note.textContent = e instanceof ApiError ? `The free rooms could not be listed: ${e.message}` : '';
  }
}

function checkInButton(ctx, r) {
  const button = h('button', { 'aria-label': `Check in ${guestOf(r)} (${r.reservationID})` }, 'Check in');
  button.addEventListener('click', () => act(button, async () => {
    const pickers = Array.from({ length: r.rooms }, (_, i) => h('select', { name: `room${i + 1}` }));
    const note = h('p', { class: 'muted' });
    fillPickers(pickers, []);
    confirmDialog({
      id: 'check-in',
      title: `Check in ${guestOf(r)}`,
      content: [h('p', {}, stayLine(r, ctx.typeName.get(r.roomTypeID))),
        h('div', { class: 'row' }, pickers.map((p, i) => field(`Room ${i + 1}`, p))), note,
        h('p', { class: 'muted' }, 'Leave every room on "Any free room" to have the hotel pick them.')],
      confirm: 'Check in now',
      onConfirm: async () => {
        const chosen = pickers.map((p) => p.value).filter(Boolean);
        if (chosen.length && chosen.length !== pickers.length) {
          throw new ApiError(400, { detail: 'Choose a room for each booked room, or leave them all on "Any free room".' });
        }
        if (new Set(chosen).size !== chosen.length) throw new ApiError(400, { detail: 'A room is chosen twice.' });
        const checkedIn = (await post(`/v1/reservations/${r.reservationID}/check-in`,
          chosen.length ? { roomIDs: chosen } : {})).body;
        say('info', `${guestOf(checkedIn)} is checked in: ${roomsOn(checkedIn, ctx.desk.date)
          .map((a) => `room ${a.roomNumber}`).join(', ')}.`);
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
  const button = h('button', { class: 'secondary', 'aria-label': `Move room ${assignment.roomNumber}` }, 'Move room');
  button.addEventListener('click', () => act(button, async () => {
    const picker = h('select', { name: 'toRoomID' });
    const note = h('p', { class: 'muted' });
    fillPickers([picker], []);
    confirmDialog({
      id: 'move-room',
      title: `Move ${guestOf(r)} out of room ${assignment.roomNumber}`,
      content: [h('p', {}, `From today until ${r.endDate}.`), field('New room', picker), note],
      confirm: 'Move now',
      onConfirm: async () => {
        const body = { fromRoomID: assignment.roomID };
        if (picker.value) body.toRoomID = picker.value;
        const moved = (await post(`/v1/reservations/${r.reservationID}/room-moves`, body)).body;
        say('info', `${guestOf(moved)} moved out of room ${assignment.roomNumber}: now in ${roomsOn(moved, ctx.desk.date)
          .map((a) => `room ${a.roomNumber}`).join(', ')}.`);
        route();
      },
      onError: () => offerFreeRooms(ctx, r, [picker], note),
    });
    await offerFreeRooms(ctx, r, [picker], note);
  }));
  return button;
}

function checkOutButton(ctx, r, early) {
  const button = h('button', { class: early ? 'danger' : '', 'aria-label': `Check out ${guestOf(r)} (${r.reservationID})` },
    'Check out');
  const checkOut = async () => {
    const answer = (await post(`/v1/reservations/${r.reservationID}/check-out`)).body;
    say('info', `${guestOf(answer.reservation)} is checked out; ${answer.refund
      ? `${money(answer.refund.amount, answer.refund.currency)} is refunded.` : 'nothing is refunded.'}`);
    route();
  };
  button.addEventListener('click', () => {
    if (!early) {
      act(button, checkOut);
      return;
    }
    const policy = r.cancellationPolicy ? ` (${r.cancellationPolicy.terms})` : '';
    confirmDialog({
      id: 'check-out',
      title: `Check ${guestOf(r)} out early?`,
      content: [h('p', {}, `The stay was to end on ${r.endDate}. Checking out now gives the nights from today back:`
        + ` they go back on sale and are refunded under the reservation's policy${policy}; nights already begun are`
        + ' kept.')],
      confirm: 'Check out now',
      onConfirm: checkOut,
    });
  });
  return button;
}
