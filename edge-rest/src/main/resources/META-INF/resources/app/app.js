// The guest and staff pages: plain modules, no framework, only the public REST API (/v1).
import { ApiError, all, call, caller, del, get, post, put, setToken } from './api.js';

const app = document.getElementById('app');
const notice = document.getElementById('notice');

// ---- small DOM helpers

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Each address change starts a view; views load asynchronously, so one started earlier may finish later. A view
// draws through the renderer it took when it started, which draws only while that view is still the current one.
let generation = 0;

function screen() {
  const mine = generation;
  return (...nodes) => {
    if (mine === generation) app.replaceChildren(...nodes);
  };
}

function say(kind, message, errors = []) {
  notice.hidden = false;
  notice.className = kind;
  notice.replaceChildren(h('div', {}, message),
    errors.length ? h('ul', {}, errors.map((e) => h('li', {}, `${e.field}: ${e.reason}`))) : '');
  notice.scrollIntoView({ block: 'nearest' });
}

function clear() {
  notice.hidden = true;
}

/** Runs an action for a button: disabled while it runs (no double submit), errors shown from problem details. */
async function act(button, action) {
  if (button) button.disabled = true;
  clear();
  try {
    return await action();
  } catch (e) {
    if (e instanceof ApiError) say('error', e.message, e.errors);
    else { say('error', 'Something went wrong in the page; see the browser console.'); console.error(e); }
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

function field(label, input) {
  return h('label', {}, label, input);
}

function input(name, value = '', attrs = {}) {
  return h('input', { name, value: value ?? '', ...attrs });
}

function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

function money(amount, currency) {
  if (amount === null || amount === undefined) return '—';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 10 ** digits);
}

function minor(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return Math.round(Number(text) * 10 ** digits);
}

function status(value) {
  return h('span', { class: `status ${value}` }, value);
}

function table(columns, rows) {
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c[0])))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', {}, c[1](row))))))));
}

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

function plusDays(days) {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

function requireSignIn(what) {
  const show = screen();
  show(h('h1', {}, 'Please sign in'), h('p', {}, `${what} needs you to be signed in.`),
    h('p', {}, h('a', { href: `#/signin?next=${encodeURIComponent(location.hash)}` }, 'Sign in')));
}

// ---- guest pages

async function hotels() {
  const show = screen();
  show(h('h1', {}, 'Hotels'), h('p', { class: 'muted' }, 'Loading hotels…'));
  const list = h('div', { class: 'grid' });
  const more = h('button', { class: 'secondary' }, 'More hotels');
  let pageToken = '';
  const load = async () => {
    const page = await get(`/v1/hotels?pageSize=12${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`);
    list.append(...page.items.map((hotel) => h('div', { class: 'card' },
      h('h3', {}, h('a', { href: `#/hotels/${hotel.id}` }, hotel.name)),
      h('div', { class: 'muted' }, `${hotel.address.city}, ${hotel.address.country}`),
      hotel.starRating ? h('div', {}, '★'.repeat(hotel.starRating)) : '')));
    pageToken = page.nextPageToken;
    more.hidden = !pageToken;
    return page.totalSize;
  };
  const total = await act(null, load);
  show(h('h1', {}, 'Hotels'), h('p', { class: 'muted' }, `${total ?? 0} hotels`), list,
    h('p', {}, more));
  more.addEventListener('click', () => act(more, load));
}

async function hotelPage(id) {
  const show = screen();
  const [hotel, policy] = await Promise.all([get(`/v1/hotels/${id}`),
    get(`/v1/hotels/${id}/cancellation-policy`).catch(() => null)]);
  show(
    h('h1', {}, hotel.name, hotel.starRating ? ` ${'★'.repeat(hotel.starRating)}` : ''),
    h('p', {}, [hotel.address.line1, hotel.address.line2, hotel.address.postalCode, hotel.address.city,
      hotel.address.country].filter(Boolean).join(', ')),
    hotel.description ? h('p', {}, hotel.description) : '',
    hotel.contact && (hotel.contact.email || hotel.contact.phone)
      ? h('p', { class: 'muted' }, [hotel.contact.email, hotel.contact.phone].filter(Boolean).join(' · ')) : '',
    policy ? h('p', { class: 'muted' }, `Cancellation: ${policy.terms}.`) : '',
    h('h2', {}, 'Rooms'),
    h('div', { class: 'grid' }, (hotel.roomTypes || []).map((rt) => h('div', { class: 'card' },
      h('h3', {}, rt.name),
      h('div', {}, `Up to ${rt.maxOccupancy} guests · ${rt.bedConfiguration}`),
      rt.description ? h('p', { class: 'muted' }, rt.description) : '',
      rt.amenities && rt.amenities.length ? h('div', { class: 'muted' }, rt.amenities.join(' · ')) : '',
      h('p', {}, h('a', { href: `#/hotels/${id}/room-types/${rt.id}` }, 'Dates and prices'))))),
    (hotel.roomTypes || []).length ? '' : h('p', { class: 'muted' }, 'No rooms on sale yet.'));
}

async function roomTypePage(hotelId, roomTypeId, query) {
  const show = screen();
  const [hotel, rt] = await Promise.all([get(`/v1/hotels/${hotelId}`),
    get(`/v1/hotels/${hotelId}/room-types/${roomTypeId}`)]);
  const start = input('startDate', query.get('startDate') || plusDays(7), { type: 'date', required: true });
  const end = input('endDate', query.get('endDate') || plusDays(9), { type: 'date', required: true });
  const rooms = h('select', { name: 'rooms' }, [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => h('option', { value: n }, n)));
  rooms.value = query.get('rooms') || '1';
  const result = h('div');
  const check = h('button', { type: 'submit' }, 'Show prices');
  const form = h('form', { class: 'row' }, field('Arrival', start), field('Departure', end), field('Rooms', rooms),
    check);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(check, () => prices(hotel, rt, start.value, end.value, Number(rooms.value), result));
  });
  show(h('p', {}, h('a', { href: `#/hotels/${hotelId}` }, `← ${hotel.name}`)),
    h('h1', {}, rt.name),
    h('p', {}, `Up to ${rt.maxOccupancy} guests · ${rt.bedConfiguration}`,
      rt.amenities && rt.amenities.length ? ` · ${rt.amenities.join(', ')}` : ''),
    rt.description ? h('p', { class: 'muted' }, rt.description) : '',
    form, result);
  act(check, () => prices(hotel, rt, start.value, end.value, Number(rooms.value), result));
}

async function prices(hotel, rt, startDate, endDate, rooms, into) {
  const range = `startDate=${startDate}&endDate=${endDate}`;
  const [rates, availability] = await Promise.all([
    get(`/v1/hotels/${hotel.id}/room-types/${rt.id}/rates?${range}`),
    get(`/v1/hotels/${hotel.id}/availability?${range}&roomTypeID=${rt.id}`)]);
  const left = new Map((availability.roomTypes[0] || { nights: [] }).nights.map((n) => [n.date, n.remaining]));
  const nights = rates.items || rates;
  const sellable = nights.every((n) => n.amount !== null && (left.get(n.date) ?? 0) >= rooms);
  const total = nights.reduce((sum, n) => sum + (n.amount || 0) * rooms, 0);
  const currency = (nights.find((n) => n.currency) || {}).currency;
  const review = h('button', { disabled: !sellable }, 'Review booking');
  review.addEventListener('click', () => act(review, async () => {
    const who = caller();
    if (!who || !who.guest) {
      say('info', 'Sign in as a guest to book.');
      location.hash = `#/signin?next=${encodeURIComponent(location.hash)}`;
      return;
    }
    const quote = (await post('/v1/quotes', { hotelID: hotel.id, roomTypeID: rt.id, startDate, endDate, rooms })).body;
    sessionStorage.setItem('hotelmesh.quote', JSON.stringify({ quote, hotelName: hotel.name, roomTypeName: rt.name }));
    location.hash = '#/review';
  }));
  into.replaceChildren(
    table([['Night', (n) => n.date], ['Price per room', (n) => (n.amount === null ? 'not on sale' : money(n.amount, n.currency))],
      ['Rooms left', (n) => String(left.get(n.date) ?? 0)]], nights),
    h('p', { class: 'total' }, currency ? `Total for ${rooms} room${rooms > 1 ? 's' : ''}: ${money(total, currency)}` : ''),
    sellable ? '' : h('p', { class: 'muted' }, 'Not bookable for these dates: a night is sold out or has no price.'),
    review);
}

async function reviewPage() {
  const show = screen();
  const saved = JSON.parse(sessionStorage.getItem('hotelmesh.quote') || 'null');
  if (!saved) {
    show(h('h1', {}, 'Nothing to review'), h('p', {}, h('a', { href: '#/hotels' }, 'Find a hotel')));
    return;
  }
  const { quote } = saved;
  const policy = await get(`/v1/hotels/${quote.hotelID}/cancellation-policy`).catch(() => null);
  const tokenSelect = h('select', { name: 'paymentToken' },
    [['tok_visa', 'Test Visa (approved)'], ['tok_mastercard', 'Test Mastercard (approved)'],
      ['tok_chargeDeclinedInsufficientFunds', 'Test card: insufficient funds (declined)'],
      ['tok_chargeDeclined', 'Test card: declined'], ['tok_slow', 'Test card: slow processor']]
      .map(([value, text]) => h('option', { value }, text)));
  const book = h('button', {}, `Book and pay ${money(quote.totalAmount, quote.currency)}`);
  const outcome = h('div');
  book.addEventListener('click', () => act(book, async () => {
    const response = await post('/v1/reservations', {
      reservationID: quote.reservationID, quoteID: quote.quoteID, hotelID: quote.hotelID, roomTypeID: quote.roomTypeID,
      startDate: quote.startDate, endDate: quote.endDate, rooms: quote.rooms, paymentToken: tokenSelect.value });
    let reservation = response.body;
    book.hidden = true;
    outcome.replaceChildren(bookingOutcome(reservation, quote));
    // 202: the payment is still processing; poll the reservation until it is paid or rejected
    for (let i = 0; reservation.status === 'pending' && i < 60; i++) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      reservation = await get(`/v1/reservations/${reservation.reservationID}`);
      outcome.replaceChildren(bookingOutcome(reservation, quote));
    }
    if (reservation.status !== 'pending') sessionStorage.removeItem('hotelmesh.quote');
  }));
  show(h('h1', {}, 'Review your booking'),
    h('div', { class: 'card' },
      h('h3', {}, `${saved.hotelName} · ${saved.roomTypeName}`),
      h('p', {}, `${quote.startDate} to ${quote.endDate} · ${quote.rooms} room${quote.rooms > 1 ? 's' : ''}`),
      table([['Night', (n) => n.date], ['Per room', (n) => money(n.amount, n.currency)]], quote.nights),
      h('p', { class: 'total' }, `Total ${money(quote.totalAmount, quote.currency)}`),
      h('p', { class: 'muted' }, `This price holds until ${new Date(quote.expiresAt).toLocaleTimeString()}.`),
      policy ? h('p', {}, `Cancellation: ${policy.terms}.`) : '',
      h('p', { class: 'muted' }, `Booking reference ${quote.reservationID}`)),
    h('h2', {}, 'Payment'),
    h('div', { class: 'row' }, field('Card (test tokens of the simulated processor)', tokenSelect), book),
    outcome);
}

function bookingOutcome(r, quote) {
  const lines = {
    paid: 'Booked and paid. Enjoy your stay!',
    rejected: `The card was refused (${(r.payment && r.payment.declineCode) || 'payment failed'}); nothing was charged and the rooms were released.`,
    pending: 'Your rooms are held while the payment is being processed…',
  };
  // a refused booking is final; trying again (another card) is a new booking from the same dates
  const again = `#/hotels/${quote.hotelID}/room-types/${quote.roomTypeID}?startDate=${quote.startDate}`
    + `&endDate=${quote.endDate}&rooms=${quote.rooms}`;
  return h('div', { class: 'card', id: 'outcome' }, h('h3', {}, status(r.status), ' ', lines[r.status] || r.status),
    h('p', {}, r.status === 'rejected' ? h('a', { href: again }, 'Try again with another card') : '',
      r.status === 'rejected' ? ' · ' : '', h('a', { href: '#/me' }, 'My reservations')));
}

async function myReservations(query) {
  const show = screen();
  const who = caller();
  if (!who || !who.guest) {
    requireSignIn('Seeing your reservations');
    return;
  }
  const when = query.get('when') || 'upcoming';
  const list = await all(`/v1/reservations?when=${when}`);
  const names = new Map();
  await Promise.all([...new Set(list.map((r) => r.hotelID))].map(async (id) =>
    names.set(id, (await get(`/v1/hotels/${id}`).catch(() => ({ name: `hotel ${id}` }))).name)));
  show(h('h1', {}, 'My reservations'),
    h('div', { class: 'tabs' }, ['upcoming', 'past', 'all'].map((w) =>
      h('a', { href: `#/me?when=${w}`, class: w === when ? 'active' : '' }, w))),
    list.length ? reservationsTable(list, false, names) : h('p', { class: 'muted' }, 'No reservations.'));
}

function reservationsTable(list, staff, hotelNames = new Map()) {
  return table([
    ['Reservation', (r) => h('span', {}, r.reservationID, h('br'), h('span', { class: 'muted' },
      staff ? r.guestID : hotelNames.get(r.hotelID) || `hotel ${r.hotelID}`))],
    ['Stay', (r) => `${r.startDate} → ${r.endDate} · ${r.rooms} room${r.rooms > 1 ? 's' : ''}`],
    ['Total', (r) => (r.total ? money(r.total.amount, r.total.currency) : '—')],
    ['Status', (r) => h('span', {}, status(r.status),
      r.payment && r.payment.refund ? h('div', { class: 'muted' },
        `refund ${money(r.payment.refund.amount, r.payment.refund.currency)} (${r.payment.refundStatus})`) : '')],
    ['Payment', (r) => (r.payment ? status(r.payment.status) : '—')],
    ['', (r) => (r.status === 'pending' || r.status === 'paid' ? cancelButton(r, staff) : '')],
  ], list);
}

function cancelButton(r, staff) {
  const button = h('button', { class: 'danger' }, 'Cancel');
  button.addEventListener('click', () => act(button, async () => {
    const terms = await get(`/v1/reservations/${r.reservationID}/cancellation`);
    const refund = terms.refund ? money(terms.refund.amount, terms.refund.currency) : 'nothing';
    const fee = terms.fee && terms.fee.amount ? money(terms.fee.amount, terms.fee.currency) : null;
    const waive = staff && fee ? h('input', { type: 'checkbox', name: 'waiveFee' }) : null;
    const confirm = h('button', { class: 'danger', value: 'yes' }, 'Cancel the reservation');
    const dialog = h('dialog', { id: 'confirm-cancel' }, h('h3', {}, `Cancel ${r.reservationID}?`),
      h('p', {}, `You get back ${refund}${fee ? `; the fee is ${fee}` : ''}.`),
      h('p', { class: 'muted' }, terms.policy),
      waive ? h('label', { class: 'row' }, waive, 'Waive the fee (refund everything)') : '',
      h('form', { method: 'dialog', class: 'row' }, h('button', { class: 'secondary', value: 'no' }, 'Keep it'), confirm));
    document.body.append(dialog);
    dialog.showModal();
    const answer = await new Promise((resolve) => dialog.addEventListener('close', () => resolve(dialog.returnValue)));
    dialog.remove();
    if (answer !== 'yes') return;
    const canceled = await del(`/v1/reservations/${r.reservationID}${waive && waive.checked ? '?waiveFee=true' : ''}`);
    const refunded = canceled.payment && canceled.payment.refund;
    say('info', `Reservation ${canceled.reservationID} is canceled; ` + (refunded
      ? `${money(refunded.amount, refunded.currency)} is refunded${canceled.payment.refundStatus === 'refunded' ? '' : ' (on its way)'}.`
      : canceled.status === 'refunded' ? 'the fee kept is the whole amount.' : 'nothing was charged.'));
    route();
  }));
  return button;
}

// ---- sign-in

function signIn(query) {
  const show = screen();
  const next = query.get('next') || '';
  const given = query.get('token');
  if (given) {
    setToken(given);
    history.replaceState(null, '', `${location.pathname}${next || '#/hotels'}`);
    refreshNav();
    route();
    return;
  }
  const who = caller();
  const area = h('textarea', { name: 'token', placeholder: 'eyJhbGciOi…', rows: 4, style: 'width:100%' });
  const go = h('button', { type: 'submit' }, 'Sign in');
  const form = h('form', {}, field('Bearer token (from your identity provider; locally: ./mesh token guest me)', area),
    h('p', {}, go));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(area.value.trim());
    if (!caller()) {
      setToken(null);
      say('error', 'That is not a token these pages can read.');
      return;
    }
    clear();
    refreshNav();
    location.hash = next || (caller().guest ? '#/hotels' : '#/staff');
  });
  const out = h('button', { class: 'secondary' }, 'Sign out');
  out.addEventListener('click', () => { setToken(null); refreshNav(); route(); });
  show(h('h1', {}, 'Sign in'),
    who ? h('p', {}, `Signed in as ${who.subject}${who.admin ? ' (administrator)' : who.staff
      ? ` (staff of hotel ${who.hotels.join(', ')})` : ''}. `, out) : '',
    form);
}

function refreshNav() {
  const who = caller();
  document.getElementById('who').textContent = who ? `${who.subject} · sign out` : 'Sign in';
  document.querySelectorAll('nav [data-role]').forEach((a) => {
    a.hidden = a.dataset.role === 'guest' ? !(who && who.guest) : !(who && (who.staff || who.admin));
  });
}

// ---- staff pages

async function staffHome() {
  const show = screen();
  const who = caller();
  if (!who || !(who.staff || who.admin)) {
    requireSignIn('The staff pages');
    return;
  }
  const hotelsShown = who.admin ? await all('/v1/hotels')
    : await Promise.all(who.hotels.map((id) => get(`/v1/hotels/${id}`).catch(() => ({ id, name: `hotel ${id} (not found)` }))));
  show(h('h1', {}, who.admin ? 'All hotels' : 'Your hotels'),
    who.admin ? h('p', {}, h('a', { href: '#/staff/new-hotel' }, '+ Add a hotel')) : '',
    h('div', { class: 'grid' }, hotelsShown.map((hotel) => h('div', { class: 'card' },
      h('h3', {}, h('a', { href: `#/staff/hotels/${hotel.id}` }, hotel.name)),
      hotel.address ? h('div', { class: 'muted' }, `${hotel.address.city}, ${hotel.address.country}`) : ''))));
}

function hotelForm(hotel, onSave) {
  const a = (hotel && hotel.address) || {};
  const c = (hotel && hotel.contact) || {};
  const save = h('button', { type: 'submit' }, hotel ? 'Save hotel' : 'Create hotel');
  const form = h('form', {},
    h('div', { class: 'row' }, field('Name', input('name', hotel && hotel.name, { required: true })),
      field('Stars (0-5)', input('starRating', hotel ? hotel.starRating : 0, { type: 'number', min: 0, max: 5 })),
      field('Time zone', input('timeZone', hotel ? hotel.timeZone : 'Europe/Lisbon', { required: true }))),
    h('div', { class: 'row' }, field('Address', input('line1', a.line1, { required: true })),
      field('City', input('city', a.city, { required: true })), field('Postal code', input('postalCode', a.postalCode)),
      field('Country (ISO code)', input('country', a.country, { required: true, maxlength: 2 }))),
    h('div', { class: 'row' }, field('E-mail', input('email', c.email, { type: 'email' })),
      field('Phone', input('phone', c.phone))),
    field('Description', h('textarea', { name: 'description' }, (hotel && hotel.description) || '')),
    h('p', {}, save));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(save, () => onSave({
      name: v.name, starRating: Number(v.starRating || 0), timeZone: v.timeZone, description: v.description || null,
      address: { line1: v.line1, city: v.city, postalCode: v.postalCode || null, country: v.country.toUpperCase() },
      contact: v.email || v.phone ? { email: v.email || null, phone: v.phone || null } : null,
    }));
  });
  return form;
}

function newHotel() {
  const show = screen();
  show(h('h1', {}, 'Add a hotel'), hotelForm(null, async (body) => {
    const created = (await post('/v1/hotels', body)).body;
    say('info', `Hotel ${created.name} created.`);
    location.hash = `#/staff/hotels/${created.id}`;
  }));
}

const TABS = ['details', 'room types', 'rooms', 'prices', 'availability', 'policy', 'reservations', 'occupancy'];

async function staffHotel(id, query) {
  const show = screen();
  const tab = query.get('tab') || 'details';
  const hotel = await get(`/v1/hotels/${id}`);
  const types = hotel.roomTypes || [];
  const body = h('div');
  show(h('p', {}, h('a', { href: '#/staff' }, '← Hotels')), h('h1', {}, hotel.name),
    h('div', { class: 'tabs' }, TABS.map((t) => h('a', { href: `#/staff/hotels/${id}?tab=${encodeURIComponent(t)}`,
      class: t === tab ? 'active' : '' }, t))), body);
  const views = { details: staffDetails, 'room types': staffRoomTypes, rooms: staffRooms, prices: staffPrices,
    availability: staffAvailability, policy: staffPolicy, reservations: staffReservations, occupancy: staffOccupancy };
  await (views[tab] || staffDetails)(hotel, types, body);
}

function staffDetails(hotel, types, into) {
  const remove = h('button', { class: 'danger' }, 'Delete hotel');
  remove.addEventListener('click', () => act(remove, async () => {
    if (!window.confirm(`Delete ${hotel.name} with its room types and rooms?`)) return;
    await del(`/v1/hotels/${hotel.id}`);
    say('info', `${hotel.name} deleted.`);
    location.hash = '#/staff';
  }));
  into.replaceChildren(hotelForm(hotel, async (body) => {
    await put(`/v1/hotels/${hotel.id}`, body);
    say('info', 'Saved.');
    route();
  }), h('p', {}, remove));
}

function roomTypeForm(rt, onSave) {
  const save = h('button', { type: 'submit' }, rt ? 'Save' : 'Add room type');
  const form = h('form', { class: 'row' },
    field('Name', input('name', rt && rt.name, { required: true })),
    field('Guests', input('maxOccupancy', rt ? rt.maxOccupancy : 2, { type: 'number', min: 1, max: 20 })),
    field('Beds', input('bedConfiguration', rt ? rt.bedConfiguration : '1 double', { required: true })),
    field('Amenities (comma separated)', input('amenities', rt && rt.amenities ? rt.amenities.join(', ') : '')),
    field('Description', input('description', rt && rt.description)), save);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(save, () => onSave({ name: v.name, maxOccupancy: Number(v.maxOccupancy), bedConfiguration: v.bedConfiguration,
      description: v.description || null, amenities: v.amenities.split(',').map((s) => s.trim()).filter(Boolean) }));
  });
  return form;
}

function staffRoomTypes(hotel, types, into) {
  into.replaceChildren(
    ...types.map((rt) => {
      const remove = h('button', { class: 'danger' }, 'Delete');
      remove.addEventListener('click', () => act(remove, async () => {
        await del(`/v1/hotels/${hotel.id}/room-types/${rt.id}`);
        route();
      }));
      return h('div', { class: 'card' }, h('h3', {}, rt.name, h('span', { class: 'muted' },
        ` · ${rt.roomsInService} of ${rt.roomCount} rooms in service`)),
      roomTypeForm(rt, async (body) => { await put(`/v1/hotels/${hotel.id}/room-types/${rt.id}`, body); say('info', 'Saved.'); }),
      h('p', {}, remove));
    }),
    h('h2', {}, 'New room type'),
    roomTypeForm(null, async (body) => {
      await post(`/v1/hotels/${hotel.id}/room-types`, body);
      say('info', `Room type ${body.name} added.`);
      route();
    }));
}

async function staffRooms(hotel, types, into) {
  const rooms = await all(`/v1/hotels/${hotel.id}/rooms`);
  const typeName = new Map(types.map((t) => [t.id, t.name]));
  const typeSelect = () => h('select', { name: 'roomTypeID' }, types.map((t) => h('option', { value: t.id }, t.name)));
  const add = h('button', { type: 'submit' }, 'Add rooms');
  const form = h('form', { class: 'row' }, field('Room type', typeSelect()),
    field('First number', input('number', '101', { required: true })),
    field('How many', input('count', 1, { type: 'number', min: 1, max: 50 })),
    field('Floor', input('floor', 1, { type: 'number', min: -5, max: 200 })), add);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    act(add, async () => {
      const first = Number(v.number);
      for (let i = 0; i < Number(v.count); i++) {
        const number = Number.isNaN(first) ? (i === 0 ? v.number : `${v.number}-${i}`) : String(first + i);
        await post(`/v1/hotels/${hotel.id}/rooms`, { number, floor: Number(v.floor), roomTypeID: v.roomTypeID });
      }
      say('info', `${v.count} room(s) added.`);
      route();
    });
  });
  const toggle = (room) => {
    const b = h('button', { class: 'secondary' }, room.inService ? 'Take out of service' : 'Put back in service');
    b.addEventListener('click', () => act(b, async () => {
      await put(`/v1/hotels/${hotel.id}/rooms/${room.id}`, { number: room.number, floor: room.floor,
        roomTypeID: room.roomTypeID, inService: !room.inService });
      route();
    }));
    return b;
  };
  const remove = (room) => {
    const b = h('button', { class: 'danger' }, 'Delete');
    b.addEventListener('click', () => act(b, async () => { await del(`/v1/hotels/${hotel.id}/rooms/${room.id}`); route(); }));
    return b;
  };
  into.replaceChildren(types.length ? form : h('p', {}, 'Add a room type first.'),
    h('h2', {}, `${rooms.length} rooms`),
    table([['Number', (r) => r.number], ['Floor', (r) => String(r.floor)], ['Type', (r) => typeName.get(r.roomTypeID) || r.roomTypeID],
      ['In service', (r) => (r.inService ? 'yes' : 'no')], ['', (r) => h('span', { class: 'row' }, toggle(r), remove(r))]], rooms));
}

function staffPrices(hotel, types, into) {
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

async function staffAvailability(hotel, types, into) {
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

async function staffPolicy(hotel, types, into) {
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

async function staffReservations(hotel, types, into) {
  const list = await all(`/v1/hotels/${hotel.id}/reservations?when=upcoming`);
  into.replaceChildren(list.length ? reservationsTable(list, true) : h('p', { class: 'muted' }, 'No upcoming reservations.'));
}

async function staffOccupancy(hotel, types, into) {
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

// ---- routing

async function route() {
  generation++;
  const show = screen();
  const [path, queryString] = (location.hash.slice(1) || '/hotels').split('?');
  const query = new URLSearchParams(queryString || '');
  const parts = path.split('/').filter(Boolean);
  try {
    if (parts[0] === 'hotels' && parts.length === 1) await hotels();
    else if (parts[0] === 'hotels' && parts.length === 2) await hotelPage(parts[1]);
    else if (parts[0] === 'hotels' && parts[2] === 'room-types') await roomTypePage(parts[1], parts[3], query);
    else if (parts[0] === 'review') await reviewPage();
    else if (parts[0] === 'me') await myReservations(query);
    else if (parts[0] === 'signin') signIn(query);
    else if (parts[0] === 'staff' && parts[1] === 'new-hotel') newHotel();
    else if (parts[0] === 'staff' && parts[1] === 'hotels') await staffHotel(parts[2], query);
    else if (parts[0] === 'staff') await staffHome();
    else show(h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '#/hotels' }, 'Hotels')));
  } catch (e) {
    if (e instanceof ApiError) {
      show(h('h1', {}, e.status === 404 ? 'Not found' : 'Sorry'), h('p', {}, e.message),
        e.status === 401 ? h('p', {}, h('a', { href: '#/signin' }, 'Sign in again')) : '');
    } else {
      console.error(e);
      show(h('h1', {}, 'Sorry'), h('p', {}, 'The page failed; see the browser console.'));
    }
  }
}

window.addEventListener('hashchange', () => { clear(); route(); });
document.getElementById('who').addEventListener('click', (e) => {
  if (caller()) {
    e.preventDefault();
    setToken(null);
    refreshNav();
    location.hash = '#/hotels';
  }
});
refreshNav();
route();
