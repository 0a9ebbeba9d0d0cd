// Signing in (a bearer token pasted or given in the address), signing out, and the navigation that depends on who
// is signed in. The token itself is kept by api.js.
import { caller, claimsOf, setToken } from './api.js';
import { route, screen } from './navigation.js';
import { clear, field, h, say } from './ui.js';

export function signIn(query) {
  const show = screen();
  const next = query.get('next') || '';
  const given = query.get('token');
  if (given) {
    confirmLink(show, given, next);
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

/**
 * A sign-in link carries a token in the address. Anyone can send such a link, with their own token, to have you book
 * and pay under their account: so the token is shown for what it is and stored only when you say so.
 */
function confirmLink(show, given, next) {
  history.replaceState(null, '', `${location.pathname}#/signin`); // the token leaves the address (and the history)
  const claims = claimsOf(given);
  if (!claims || !claims.subject) {
    show(h('h1', {}, 'Sign in'), h('p', {}, 'This sign-in link does not carry a token these pages can read.'));
    return;
  }
  const role = claims.admin ? 'a chain administrator' : claims.staff ? `staff of hotel ${claims.hotels.join(', ')}`
    : claims.guest ? 'a guest' : 'no role these pages know';
  const yes = h('button', { type: 'button' }, `Sign in as ${claims.subject}`);
  const no = h('button', { type: 'button', class: 'secondary' }, 'Do not sign in');
  yes.addEventListener('click', () => {
    setToken(given);
    refreshNav();
    location.hash = next || '#/hotels';
  });
  no.addEventListener('click', () => { location.hash = '#/hotels'; });
  show(h('h1', {}, 'Sign in with this link?'),
    h('p', {}, `The link you opened signs you in as ${claims.subject} (${role})`
      + (claims.expires ? `, until ${claims.expires.toLocaleString()}` : '') + '.'),
    h('p', { class: 'warning' }, 'Only go on if you asked for this link: whatever you book or change next is done'
      + ` as ${claims.subject}.`),
    h('p', { class: 'row' }, yes, no));
}

export function refreshNav() {
  const who = caller();
  document.getElementById('who').textContent = who ? `${who.subject} · sign out` : 'Sign in';
  document.querySelectorAll('nav [data-role]').forEach((a) => {
    a.hidden = a.dataset.role === 'guest' ? !(who && who.guest) : !(who && (who.staff || who.admin));
  });
}

export function requireSignIn(what) {
  const show = screen();
  show(h('h1', {}, 'Please sign in'), h('p', {}, `${what} needs you to be signed in.`),
    h('p', {}, h('a', { href: `#/signin?next=${encodeURIComponent(location.hash)}` }, 'Sign in')));
}
