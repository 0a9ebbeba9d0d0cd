// Signing in (a bearer token pasted or given in the address), signing out, and the navigation that depends on who
// is signed in. The token itself is kept by api.js.
import { caller, claimsOf, setToken } from './api.js';
import { dateTime, t } from './i18n.js';
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
  const go = h('button', { type: 'submit' }, t('Sign in'));
  const form = h('form', {}, field(t('Bearer token (from your identity provider; locally: ./mesh token guest me)'), area),
    h('p', {}, go));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    setToken(area.value.trim());
    if (!caller()) {
      setToken(null);
      say('error', t('That is not a token these pages can read.'));
      return;
    }
    clear();
    refreshNav();
    location.hash = next || (caller().guest ? '#/' : '#/staff');
  });
  const out = h('button', { class: 'secondary' }, t('Sign out'));
  out.addEventListener('click', () => { setToken(null); refreshNav(); route(); });
  show(h('h1', {}, t('Sign in')),
    who ? h('p', {}, `${who.admin ? t('Signed in as {subject} (administrator).', { subject: who.subject })
      : who.staff ? t('Signed in as {subject} (staff of hotel {hotels}).', { subject: who.subject, hotels: who.hotels.join(', ') })
        : t('Signed in as {subject}.', { subject: who.subject })} `, out) : '',
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
    show(h('h1', {}, t('Sign in')), h('p', {}, t('This sign-in link does not carry a token these pages can read.')));
    return;
  }
  const role = claims.admin ? t('a chain administrator')
    : claims.staff ? t('staff of hotel {hotels}', { hotels: claims.hotels.join(', ') })
      : claims.guest ? t('a guest') : t('no role these pages know');
  const yes = h('button', { type: 'button' }, t('Sign in as {subject}', { subject: claims.subject }));
  const no = h('button', { type: 'button', class: 'secondary' }, t('Do not sign in'));
  yes.addEventListener('click', () => {
    setToken(given);
    refreshNav();
    location.hash = next || '#/';
  });
  no.addEventListener('click', () => { location.hash = '#/'; });
  show(h('h1', {}, t('Sign in with this link?')),
    h('p', {}, claims.expires
      ? t('The link you opened signs you in as {subject} ({role}), until {expires}.',
        { subject: claims.subject, role, expires: dateTime(claims.expires) })
      : t('The link you opened signs you in as {subject} ({role}).', { subject: claims.subject, role })),
    h('p', { class: 'warning' }, t('Only go on if you asked for this link: whatever you book or change next is done as {subject}.',
      { subject: claims.subject })),
    h('p', { class: 'row' }, yes, no));
}

export function refreshNav() {
  const who = caller();
  document.getElementById('who').textContent = who ? t('{subject} · sign out', { subject: who.subject }) : t('Sign in');
  document.querySelectorAll('nav [data-role]').forEach((a) => {
    a.hidden = a.dataset.role === 'guest' ? !(who && who.guest) : !(who && (who.staff || who.admin));
  });
}

export function requireSignIn(what) {
  const show = screen();
  show(h('h1', {}, t('Please sign in')), h('p', {}, what),
    h('p', {}, h('a', { href: `#/signin?next=${encodeURIComponent(location.hash)}` }, t('Sign in'))));
}
