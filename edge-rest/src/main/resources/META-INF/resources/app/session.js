// Signing in (a bearer token pasted or given in the address), signing out, and the navigation that depends on who
// is signed in. The token itself is kept by api.js.
import { caller, setToken } from './api.js';
import { route, screen } from './navigation.js';
import { clear, field, h, say } from './ui.js';

export function signIn(query) {
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
