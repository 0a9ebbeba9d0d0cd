// The guest and staff pages: plain modules, no framework, only the public REST API (/v1). This entry point maps
// addresses (#/...) to views and starts the pages; the views live in ./views, the helpers they share beside this file.
import { ApiError, caller, setToken } from './api.js';
import { nextView, screen, setRouter } from './navigation.js';
import { refreshNav, signIn } from './session.js';
import { clear, h } from './ui.js';
import { hotelPage } from './views/guest-hotel.js';
import { hotels } from './views/guest-hotels.js';
import { myReservations } from './views/guest-reservations.js';
import { reservationPage } from './views/reservation.js';
import { reviewPage } from './views/guest-review.js';
import { roomTypePage } from './views/guest-room-type.js';
import { newHotel } from './views/staff-details.js';
import { staffHome } from './views/staff-home.js';
import { staffHotel } from './views/staff-hotel.js';

// ---- routing

async function route() {
  nextView();
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
    else if (parts[0] === 'reservations' && parts.length === 2) await reservationPage(parts[1]);
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

// ---- start-up

setRouter(route);
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
