// The guest and staff pages: plain modules, no framework, only the public REST API (/v1). This entry point maps
// addresses (#/...) to views and starts the pages; the views live in ./views, the helpers they share beside this file.
import { ApiError, caller, setToken } from './api.js';
import { LANGUAGES, lang, onLangChange, setLang, t } from './i18n.js';
import { focusOn, nextView, screen, setRouter } from './navigation.js';
import { refreshNav, signIn } from './session.js';
import { clear, h } from './ui.js';
import { hotelPage } from './views/guest-hotel.js';
import { hotels } from './views/guest-hotels.js';
import { myReservations } from './views/guest-reservations.js';
import { reservationPage } from './views/reservation.js';
import { reviewPage } from './views/guest-review.js';
import { roomTypePage } from './views/guest-room-type.js';
import { searchPage } from './views/guest-search.js';
import { newHotel } from './views/staff-details.js';
import { staffHome } from './views/staff-home.js';
import { staffHotel } from './views/staff-hotel.js';

// ---- routing

async function route() {
  nextView();
  const show = screen();
  const [path, queryString] = (location.hash.slice(1) || '/').split('?');
  const query = new URLSearchParams(queryString || '');
  const parts = path.split('/').filter(Boolean);
  markCurrentLink(parts);
  try {
    if (parts.length === 0 || (parts[0] === 'search' && parts.length === 1)) await searchPage(query);
    else if (parts[0] === 'hotels' && parts.length === 1) await hotels();
    else if (parts[0] === 'hotels' && parts.length === 2) await hotelPage(parts[1], query);
    else if (parts[0] === 'hotels' && parts[2] === 'room-types') await roomTypePage(parts[1], parts[3], query);
    else if (parts[0] === 'review') await reviewPage();
    else if (parts[0] === 'me') await myReservations(query);
    else if (parts[0] === 'reservations' && parts.length === 2) await reservationPage(parts[1]);
    else if (parts[0] === 'signin') signIn(query);
    else if (parts[0] === 'staff' && parts[1] === 'new-hotel') newHotel();
    else if (parts[0] === 'staff' && parts[1] === 'hotels') await staffHotel(parts[2], query);
    else if (parts[0] === 'staff') await staffHome();
    else show(h('h1', {}, t('Not found')), h('p', {}, h('a', { href: '#/' }, t('Find a room'))));
  } catch (e) {
    if (e instanceof ApiError) {
      show(h('h1', {}, e.status === 404 ? t('Not found') : t('Sorry')), h('p', {}, e.message),
        e.status === 401 ? h('p', {}, h('a', { href: '#/signin' }, t('Sign in again'))) : '');
    } else {
      console.error(e);
      show(h('h1', {}, t('Sorry')), h('p', {}, t('The page failed; see the browser console.')));
    }
  }
}

/** The header link of the page shown says so (aria-current): the search, all hotels, my reservations, staff, sign-in. */
function markCurrentLink(parts) {
  const area = parts.length ? parts[0] : 'search';
  const target = area === 'hotels' && parts.length > 1 ? null
    : { search: '#/', hotels: '#/hotels', me: '#/me', staff: '#/staff', signin: '#/signin' }[area];
  document.querySelectorAll('#main-nav a').forEach((a) => {
    if (a.getAttribute('href') === target) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

// ---- the page's frame, in the chosen language

function drawFrame() {
  document.querySelectorAll('[data-text]').forEach((el) => { el.textContent = t(el.dataset.text); });
  document.querySelectorAll('[data-label]').forEach((el) => el.setAttribute('aria-label', t(el.dataset.label)));
  // the switch offers the other language, named in that language
  const other = lang() === 'ko' ? 'en' : 'ko';
  const button = document.getElementById('lang');
  button.textContent = LANGUAGES[other];
  button.lang = other;
  button.dataset.to = other;
  refreshNav();
}

// ---- start-up

setRouter(route);
window.addEventListener('hashchange', () => { clear(); route(); });
document.getElementById('who').addEventListener('click', (e) => {
  if (caller()) {
    e.preventDefault();
    setToken(null);
    refreshNav();
    location.hash = '#/';
  }
});
document.getElementById('skip').addEventListener('click', (e) => {
  e.preventDefault(); // the address is the route: the skip link moves the focus, not the address
  focusOn(document.getElementById('app'));
});
document.getElementById('lang').addEventListener('click', (e) => setLang(e.currentTarget.dataset.to));
onLangChange(() => {
  clear();
  drawFrame();
  route();
});
drawFrame();
route();
