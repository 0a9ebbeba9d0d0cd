// The REST API, as every client uses it: a bearer token from sign-in, JSON in and out, problem+json errors (their
// words shown as the API sent them).
import { t } from './i18n.js';

const TOKEN_KEY = 'hotelmesh.token';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && problem.detail ? problem.detail : t('The server answered {status}', { status }));
    this.status = status;
    this.errors = (problem && problem.errors) || [];
  }
}

export function token() {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) {
    localStorage.setItem(TOKEN_KEY, value);
  } else {
    localStorage.removeItem(TOKEN_KEY);
  }
}

/** The claims of the stored token (not verified here: the edge verifies every call). */
export function caller() {
  return claimsOf(token());
}

/** Who a token says its holder is, or null when it is not a token these pages can read. */
export function claimsOf(given) {
  if (!given) {
    return null;
  }
  try {
    const part = given.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(atob(part + '='.repeat((4 - (part.length % 4)) % 4)));
    const groups = claims.groups || [];
    return {
      subject: claims.sub || claims.upn,
      guest: groups.includes('guest'),
      staff: groups.includes('staff'),
      admin: groups.includes('admin'),
      hotels: (claims.hotels || []).map(String),
      expires: claims.exp ? new Date(claims.exp * 1000) : null,
    };
  } catch (e) {
    return null;
  }
}

/** Calls the API; resolves with {status, body, location}, rejects with ApiError carrying the problem's detail. */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  const bearer = token();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, { detail: t('The service cannot be reached; check your connection and try again.') });
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = { detail: text };
    }
  }
  if (!response.ok) {
    throw new ApiError(response.status, parsed);
  }
  return { status: response.status, body: parsed, location: response.headers.get('Location') };
}

export const get = (path) => call('GET', path).then((r) => r.body);
export const post = (path, body) => call('POST', path, body);
export const put = (path, body) => call('PUT', path, body).then((r) => r.body);
export const del = (path) => call('DELETE', path).then((r) => r.body);

/** Every page of a paged list. */
export async function all(path) {
  const items = [];
  let pageToken = '';
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await get(`${path}${sep}pageSize=100${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`);
    items.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return items;
}
