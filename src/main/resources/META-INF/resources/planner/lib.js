// Shared by the planner's modules: the bearer token, the API client and its problem+json errors, DOM helpers, and inline
// validation messages placed next to the field the API names.

const TOKEN_KEY = 'continuity.token';

export const $ = (id) => document.getElementById(id);

/** Takes #token=... out of the address bar into sessionStorage (the guide does the same, and they share it). */
export function takeTokenFromFragment() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (params.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, params.get('token'));
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? '#' + rest : ''));
  }
}

export const token = () => sessionStorage.getItem(TOKEN_KEY) || '';
export const setToken = (value) => sessionStorage.setItem(TOKEN_KEY, value);

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API with the token; answers {status, body}; throws ApiError with the problem+json body when refused. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (token()) h.Authorization = `Bearer ${token()}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, answer);
  return { status: response.status, body: answer };
}

/** A command: waits up to 10 s for the projection (Prefer: wait), as the page shows the stored result. */
export const command = (path, method, body) => api(path, { method, body, headers: { Prefer: 'wait=10' } });

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'style') Object.assign(node.style, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'value' || k === 'checked') node[k] = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c != null && c !== false) node.append(c);
  }
  return node;
}

let errorIds = 0;

/** Removes every inline message of a form. */
export function clearErrors(form) {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => { e.removeAttribute('aria-invalid'); e.removeAttribute('aria-describedby'); });
}

/**
 * Shows a refusal inline: next to the control whose data-field is the problem's field (or its closest parent field,
 * "content_reference.genre" falls back to "content_reference"), else in the form's result line. Answers the control.
 */
export function showProblem(form, error, resultEl) {
  clearErrors(form);
  const field = error.problem?.field;
  let target = null;
  if (field) {
    const parts = field.replace(/\[\d+\]/g, '').split('.');
    for (let n = parts.length; n > 0 && !target; n--) {
      target = form.querySelector(`[data-field="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    }
  }
  const text = `${error.message}${field ? ` (${field})` : ''}`;
  if (resultEl) setResult(resultEl, 'error', `Refused: ${text}`);
  if (!target) return null;
  const id = `err-${++errorIds}`;
  const message = el('p', { class: 'field-error', id, role: 'alert', 'data-for-field': field }, text);
  const holder = target.closest('label') || target;
  holder.after(message);
  target.setAttribute('aria-invalid', 'true');
  target.setAttribute('aria-describedby', id);
  return target;
}

export function setResult(node, kind, text) {
  node.className = kind;
  node.textContent = text;
}

export const uuid = () => crypto.randomUUID();

export function minutesToHhmm(total) {
  const m = ((total % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function hhmmToMinutes(text) {
  const match = /^(\d{1,2}):(\d{2})$/.exec((text || '').trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function duration(ms) {
  const minutes = Math.round(ms / 60000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}` : `${minutes} min`;
}

export const csv = (text) => (text || '').split(',').map((s) => s.trim()).filter(Boolean);
