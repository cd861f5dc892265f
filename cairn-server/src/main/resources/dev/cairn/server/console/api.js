// The admin API from the browser. The token the user typed is kept for this tab only (sessionStorage), sent as
// an Authorization header, and never put into a URL or a cookie.

const TOKEN_KEY = 'cairn.console.token';

/** An answer of the API that is not 2xx: status, code and the server's one-line message. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
  listeners.forEach((listener) => listener());
}

const listeners = [];
/** Calls `listener` whenever the token changes. */
export function onTokenChange(listener) {
  listeners.push(listener);
}

/** The database chosen in the console (a registry name), or null for the default one. */
let database = null;
export function setDatabase(name) { database = name || null; }
export function currentDatabase() { return database; }

/** Appends ?db= for /api/v1/db paths when a named database is chosen. */
function withDatabase(path) {
  if (!database || !path.startsWith('/api/v1/db/') || path.startsWith('/api/v1/db/databases')
      || path.startsWith('/api/v1/db/migrations')) return path;
  return path + (path.includes('?') ? '&' : '?') + 'db=' + encodeURIComponent(database);
}

/** Sends one request; resolves to the parsed JSON (or text), rejects with ApiError. */
export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  const held = token();
  if (held) headers.Authorization = `Bearer ${held}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(withDatabase(path), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', 'the server did not answer: ' + e.message);
  }
  const text = await response.text();
  const json = parse(text);
  if (!response.ok) {
    const error = json && json.error ? json.error : {};
    throw new ApiError(response.status, error.code || `HTTP_${response.status}`,
      error.message || `the server answered ${response.status}`);
  }
  return json === undefined ? text : json;
}

/** A GET whose answer is a file (an export): resolves to a Blob, rejects with ApiError. Same token header. */
export async function download(path) {
  const headers = {};
  const held = token();
  if (held) headers.Authorization = `Bearer ${held}`;
  let response;
  try {
    response = await fetch(withDatabase(path), { headers, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', 'the server did not answer: ' + e.message);
  }
  if (!response.ok) {
    const json = parse(await response.text());
    const error = json && json.error ? json.error : {};
    throw new ApiError(response.status, error.code || `HTTP_${response.status}`,
      error.message || `the server answered ${response.status}`);
  }
  try {
    return await response.blob();
  } catch (e) {
    // the server closes the connection when the export breaks after it started
    throw new ApiError(0, 'DOWNLOAD_BROKEN', 'the download broke off: ' + e.message);
  }
}

function parse(text) {
  try { return JSON.parse(text); } catch { return undefined; }
}

export const get = (path) => request('GET', path);

/** Encodes one path segment. */
export const seg = (text) => encodeURIComponent(String(text));
