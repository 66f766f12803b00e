// Continuity program guide. Plain ES module, no build step of its own. Reads GET /api/v1/guide (every channel's programmes in a
// window, plus the service's own "now") and posts overrides to POST /api/v1/channels/{id}/overrides.
// The Watch button plays a channel's live HLS stream (GET /api/v1/iptv/channels gives its URL) with hls.js, which the
// build bundles into player/hls-player.js (src/main/web); without it the panel says the player is not built.
// "Now" always comes from the service (now_utc), never from the browser's clock: the service may run on a shifted clock.

const REFRESH_MS = 30_000;
const WINDOW_MS = 24 * 3600_000;
const LEAD_MS = 3 * 3600_000;
const STEP_MS = 6 * 3600_000;
const TOKEN_KEY = 'continuity.token';
const PROGRAMME_MIN_LABEL_PX = 28;
const SLATE_MIN_LABEL_PX = 64;
const ROW_MIN_PX = 74;
const ROW_MAX_PX = 112;

const $ = (id) => document.getElementById(id);
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const state = {
  guide: null,          // last GET /api/v1/guide answer
  fetchedAt: 0,         // performance.now() when it arrived
  from: null,           // window start (ms since epoch)
  follow: true,         // keep the window around now on refresh
  zone: browserZone,
  pxPerMin: 4,
  selected: null,       // uuid of the selected programme
  streams: null,        // channel_id -> GET /api/v1/iptv/channels entry, read on the first Watch
  stopPlayer: null,     // stops the stream playing in the Watch panel
  scrolledToNow: false,
};

// ---- auth: a bearer token from #token=..., kept in sessionStorage, sent on every call --------------------------------

function takeTokenFromFragment() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (params.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, params.get('token'));
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + location.search + (rest ? '#' + rest : ''));
  }
}

const token = () => sessionStorage.getItem(TOKEN_KEY) || '';

function showTokenForm(message) {
  $('token-form').hidden = false;
  $('token-label').textContent = message || 'API token';
}

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  if (token()) {
    headers.Authorization = `Bearer ${token()}`;
  }
  const response = await fetch(path, { ...options, headers });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 || response.status === 403) {
    showTokenForm(response.status === 401 ? 'Token missing or refused — API token' : 'Token lacks the role for this — API token');
  }
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return { status: response.status, body };
}

// ---- time ---------------------------------------------------------------------------------------------------------

/** The service's now, advanced since the last answer at the service clock's own rate. */
function serviceNow() {
  if (!state.guide) {
    return null;
  }
  const rate = state.guide.clock_rate || 1;
  return Date.parse(state.guide.now_utc) + (performance.now() - state.fetchedAt) * rate;
}

const formatters = new Map();
function fmt(zone, options) {
  const key = zone + JSON.stringify(options);
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', ...options }));
  }
  return formatters.get(key);
}
const hhmm = (ms, zone = state.zone) => fmt(zone, { hour: '2-digit', minute: '2-digit' }).format(ms);
const hhmmss = (ms, zone = state.zone) => fmt(zone, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
const dayLabel = (ms, zone = state.zone) => fmt(zone, { weekday: 'short', day: '2-digit', month: 'short' }).format(ms);
const zoneAbbrev = (ms, zone) => fmt(zone, { timeZoneName: 'short' }).formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value || zone;
function minutesOf(ms, zone) {
  const parts = fmt(zone, { hour: '2-digit', minute: '2-digit' }).formatToParts(ms);
  return Number(parts.find((p) => p.type === 'minute').value);
}
function duration(ms) {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h} h ${String(m).padStart(2, '0')} min` : sec ? `${m} min ${sec} s` : `${m} min`;
}

const x = (ms) => ((ms - state.from) / 60_000) * state.pxPerMin;

// ---- status --------------------------------------------------------------------------------------------------------

const STATUS_TEXT = {
  scheduled: 'Scheduled', onair: 'On air', pending: 'Awaiting as-run', aired: 'Aired as planned',
  late: 'Late start / early end', missing: 'Missing', substituted: 'Substituted', slate: 'Slate (nothing to air)',
};

/** The colour a programme gets: the worst reconciliation outcome once judged, else where it stands against now. */
function statusOf(p, now) {
  if (p.kind === 'gap') return 'slate';
  const outcomes = p.reconciliation.map((r) => r.outcome);
  if (outcomes.includes('SUBSTITUTED')) return 'substituted';
  if (outcomes.includes('MISSING')) return 'missing';
  if (outcomes.includes('LATE_START') || outcomes.includes('EARLY_END')) return 'late';
  if (outcomes.includes('OK')) return 'aired';
  const start = Date.parse(p.start_utc);
  const end = Date.parse(p.end_utc);
  if (start <= now && now < end) return 'onair';
  return end <= now ? 'pending' : 'scheduled';
}

const titleOf = (p) => (p.kind === 'gap' ? 'Slate' : p.series_title || p.title || 'Untitled');
function subtitleOf(p) {
  const number = p.season != null && p.episode != null ? `S${p.season}E${p.episode}` : '';
  return [number, p.episode_title].filter(Boolean).join(' · ');
}

// ---- rendering -----------------------------------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'style') Object.assign(node.style, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c != null) node.append(c);
  }
  return node;
}

function render() {
  const g = state.guide;
  const now = serviceNow();
  const width = (WINDOW_MS / 60_000) * state.pxPerMin;
  const grid = $('guide-grid');
  const fill = (grid.clientHeight - $('ruler').offsetHeight - 2) / Math.max(g.channels.length, 1);
  grid.style.setProperty('--row-h', `${Math.round(Math.min(Math.max(fill, ROW_MIN_PX), ROW_MAX_PX))}px`);
  grid.dataset.fromUtc = new Date(state.from).toISOString();
  grid.dataset.pxPerMin = String(state.pxPerMin);
  $('zone-label').replaceChildren(el('strong', {}, state.zone === browserZone ? `${state.zone}` : state.zone),
    state.zone === browserZone ? 'times in your browser’s zone' : 'times in this zone');
  renderRuler(width);
  renderZoneChoices(g.channels);
  $('channels').replaceChildren(...g.channels.map((c) => channelHeader(c, now)));
  const rows = g.channels.map((c) => el('div', { class: 'row', 'data-channel-id': c.channel_id, style: { width: `${width}px` } },
    c.programmes.map((p) => programmeCell(c, p, now))));
  if (!rows.length) {
    rows.push(el('div', { class: 'empty', style: { width: `${width}px` } }, 'No channels yet: publish a channel and a plan to see them here.'));
  }
  const nowLine = $('now-line');
  $('rows').replaceChildren(...rows, nowLine);
  $('rows').style.setProperty('--slot', `${30 * state.pxPerMin}px`);
  $('rows').style.setProperty('--slot-offset', `${x(firstHalfHour())}px`);
  renderAssets(g.channels);
  renderChannelChoices(g.channels);
  moveNowLine();
  if (state.selected) {
    showDetails(state.selected);
  }
}

/** The first instant of the window that is a whole or half hour in the display zone (zones differ by 15-minute steps). */
function firstHalfHour() {
  let t = state.from;
  while (minutesOf(t, state.zone) % 30 !== 0) t += 15 * 60_000;
  return t;
}

function renderRuler(width) {
  const ruler = $('ruler');
  ruler.style.width = `${width}px`;
  const ticks = [];
  let lastDay = null;
  for (let t = state.from; t <= state.from + WINDOW_MS; t += 15 * 60_000) {
    const minute = minutesOf(t, state.zone);
    if (minute % 30 !== 0) continue;
    const day = dayLabel(t);
    const major = minute === 0;
    ticks.push(el('div', { class: `tick ${major ? 'major' : 'minor'}`, style: { left: `${x(t)}px` } },
      el('span', {}, major ? hhmm(t) : ':30'),
      day !== lastDay && major ? el('span', { class: 'day' }, day) : null));
    if (major) lastDay = day;
  }
  ruler.replaceChildren(...ticks);
}

function channelHeader(c, now) {
  const onAir = c.programmes.find((p) => Date.parse(p.start_utc) <= now && now < Date.parse(p.end_utc));
  const inBreak = c.programmes.some((p) => Date.parse(p.end_utc) <= now) && c.programmes.some((p) => Date.parse(p.start_utc) > now);
  const nowText = onAir
    ? `${titleOf(onAir)} · ${duration(Date.parse(onAir.end_utc) - now)} left`
    : inBreak ? 'Break: filler, bumpers or promos' : 'Nothing scheduled now';
  return el('div', { class: 'channel', 'data-channel-id': c.channel_id },
    el('div', { class: 'name' }, el('span', {}, c.title,
      el('button', { type: 'button', class: 'watch', title: `Watch ${c.title} live`, onclick: () => watch(c) }, '\u25B6 Watch')),
    el('span', { class: 'local', title: `Local time in ${c.timezone}` }, `${hhmm(now, c.timezone)} ${zoneAbbrev(now, c.timezone)}`)),
    el('div', { class: 'zone' }, `${c.slug} · ${c.timezone} · day from ${c.programming_day_start}`),
    el('div', { class: 'now', 'data-now-uuid': onAir?.uuid }, el('span', { class: 'badge live' }, 'NOW'), nowText));
}

function programmeCell(c, p, now) {
  const start = Math.max(Date.parse(p.start_utc), state.from);
  const end = Math.min(Date.parse(p.end_utc), state.from + WINDOW_MS);
  const left = x(start);
  const width = Math.max(x(end) - left - 1, 2);
  const status = statusOf(p, now);
  const label = `${titleOf(p)}, ${hhmm(Date.parse(p.start_utc))}–${hhmm(Date.parse(p.end_utc))}, ${STATUS_TEXT[status]}`
    + (p.kind === 'override' ? ', override' : '');
  const badge = p.kind === 'override' ? el('span', { class: 'badge ovr' }, p.override_action === 'INSERT' ? 'INS' : 'OVR')
    : p.kind === 'fallback' ? el('span', { class: 'badge fb' }, 'FB') : null;
  return el('button', {
    type: 'button', class: `prog st-${status} k-${p.kind}`, style: { left: `${left}px`, width: `${width}px` },
    'aria-label': label, title: label, 'aria-pressed': String(state.selected === p.uuid),
    'data-uuid': p.uuid, 'data-kind': p.kind, 'data-status': status, 'data-start-utc': p.start_utc, 'data-end-utc': p.end_utc,
    'data-override-id': p.override_id, 'data-channel-id': c.channel_id,
    onclick: () => select(p.uuid),
  }, width >= (status === 'slate' ? SLATE_MIN_LABEL_PX : PROGRAMME_MIN_LABEL_PX) ? [
    el('span', { class: 't' }, badge, titleOf(p)),
    el('span', { class: 's' }, `${hhmm(Date.parse(p.start_utc))} ${subtitleOf(p)}`),
    el('span', { class: 'r' }, outcomeText(p, status)),
  ] : []);
}

/** The status in words on the cell itself, so colour is never the only carrier of it. */
function outcomeText(p, status) {
  if (status === 'late') {
    const r = p.reconciliation.find((o) => o.delta_ms != null && o.outcome !== 'OK');
    return r ? `${r.outcome === 'EARLY_END' ? 'early end' : 'late'} ${r.delta_ms > 0 ? '+' : ''}${Math.round(r.delta_ms / 1000)} s` : 'late';
  }
  return { onair: 'on air', aired: 'aired', missing: 'missing', substituted: 'substituted', pending: 'awaiting as-run' }[status] || '';
}

function moveNowLine() {
  const now = serviceNow();
  const line = $('now-line');
  if (now == null || now < state.from || now > state.from + WINDOW_MS) {
    line.hidden = true;
    return;
  }
  line.hidden = false;
  line.style.left = `${x(now)}px`;
  line.dataset.nowUtc = new Date(now).toISOString();
  $('service-clock').textContent = hhmmss(now);
  $('service-utc').textContent = `${zoneAbbrev(now, state.zone)} · ${hhmm(now, 'UTC')} UTC`;
}

function renderZoneChoices(channels) {
  const zones = [[browserZone, `${browserZone} (your browser)`], ['UTC', 'UTC']];
  for (const c of channels) {
    zones.push([c.timezone, `${c.timezone} (${c.slug})`]);
  }
  const seen = new Set();
  replaceOptions($('zone'), zones.filter(([z]) => !seen.has(z) && seen.add(z)));
  $('zone').value = state.zone;
}

/** Rebuilds a select's options only when they change, so a refresh never closes a menu the operator has open. */
function replaceOptions(select, options) {
  const key = JSON.stringify(options);
  if (select.dataset.options === key) return;
  const current = select.value;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  select.dataset.options = key;
  if (options.some(([value]) => value === current)) select.value = current;
}

function renderAssets(channels) {
  const assets = new Map();
  for (const c of channels) {
    for (const p of c.programmes) {
      if (p.asset_uuid && !assets.has(p.asset_uuid)) assets.set(p.asset_uuid, `${titleOf(p)} ${subtitleOf(p)}`.trim());
    }
  }
  $('assets').replaceChildren(...[...assets].sort((a, b) => a[1].localeCompare(b[1]))
    .map(([uuid, title]) => el('option', { value: uuid, label: title })));
}

function renderChannelChoices(channels) {
  replaceOptions($('ov-channel'), channels.map((c) => [c.channel_id, `${c.title} (${c.slug})`]));
}

// ---- details and lineage -------------------------------------------------------------------------------------------

function find(uuid) {
  for (const c of state.guide?.channels || []) {
    const p = c.programmes.find((q) => q.uuid === uuid);
    if (p) return { channel: c, programme: p };
  }
  return null;
}

function select(uuid) {
  state.selected = uuid;
  document.querySelectorAll('.prog[aria-pressed="true"]').forEach((b) => b.setAttribute('aria-pressed', 'false'));
  document.querySelectorAll(`.prog[data-uuid="${uuid}"]`).forEach((b) => b.setAttribute('aria-pressed', 'true'));
  showDetails(uuid);
}

function showDetails(uuid) {
  const found = find(uuid);
  const panel = $('details');
  if (!found) {
    panel.replaceChildren(el('h2', {}, 'Programme'), el('p', { class: 'muted' }, 'The selected programme is no longer in the guide.'));
    return;
  }
  const { channel: c, programme: p } = found;
  const start = Date.parse(p.start_utc);
  const end = Date.parse(p.end_utc);
  const status = statusOf(p, serviceNow());
  const dayUrl = `/api/v1/channels/${c.channel_id}/schedule-days/${p.broadcast_day}`;
  const facts = [
    ['Channel', `${c.title} (${c.slug})`],
    ['Time', `${hhmm(start)}–${hhmm(end)} ${zoneAbbrev(start, state.zone)} (${duration(end - start)})`],
    ['Channel time', `${hhmm(start, c.timezone)}–${hhmm(end, c.timezone)} ${zoneAbbrev(start, c.timezone)}`],
    ['UTC', `${p.start_utc} → ${p.end_utc}`],
    ['Kind', p.kind + (p.frozen ? ' · frozen' : '')],
    ['Joins asset at', p.offset_ms ? duration(p.offset_ms) : null],
    ['Genre', p.genre],
    ['Status', el('span', { class: `pill st-${status}` }, STATUS_TEXT[status])],
    ...p.reconciliation.map((r) => ['Reconciliation', `${r.outcome}${r.delta_ms != null ? ` (${r.delta_ms > 0 ? '+' : ''}${r.delta_ms / 1000} s)` : ''}`
      + (r.detail ? ` — ${r.detail}` : '')]),
    ['Asset', code(p.asset_uuid)],
    ['Broadcast day', p.broadcast_day],
    ['ScheduleDay', el('span', {}, `version ${p.schedule_day_version} `, el('a', { href: dayUrl, target: '_blank', rel: 'noopener' }, 'JSON'), ' ',
      code(p.schedule_day_id))],
    ['Plan', p.plan_id ? el('span', {}, `${p.plan_name || ''} `, code(p.plan_id)) : 'none (channel filler or default programming)'],
    ['Assignment', p.assignment_id ? code(p.assignment_id) : 'none'],
    ['Override', p.override_id ? el('span', {}, `${p.override_action || ''} — ${p.override_reason || ''} `, code(p.override_id)) : 'none'],
    ['Event', code(p.uuid)],
  ].filter(([, v]) => v != null && v !== '');
  panel.replaceChildren(...[
    el('h2', {}, 'Programme'),
    el('h3', {}, titleOf(p)),
    subtitleOf(p) ? el('div', { class: 'muted' }, subtitleOf(p)) : null,
    el('dl', { class: 'facts' }, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('div', { class: 'detail-actions' },
      el('button', { type: 'button', onclick: () => prepareOverride(c, p, 'REPLACE') }, 'Replace…'),
      el('button', { type: 'button', onclick: () => prepareOverride(c, p, 'CANCEL') }, 'Cancel…'),
      el('button', { type: 'button', onclick: () => prepareOverride(c, p, 'RETIME') }, 'Retime…'),
      el('button', { type: 'button', onclick: () => prepareOverride(c, p, 'INSERT') }, 'Break in on this channel…')),
  ].filter(Boolean));
}

const code = (text) => el('code', {}, text);

// ---- override form -------------------------------------------------------------------------------------------------

// the programme an override acts on (REPLACE, CANCEL, RETIME): chosen in the guide, kept with its times
let overrideTarget = null;

function prepareOverride(c, p, action) {
  $('ov-channel').value = c.channel_id;
  $('ov-action').value = action;
  if (action !== 'INSERT') {
    overrideTarget = p;
    $('ov-target').value = p.uuid;
    $('ov-target-label').textContent = `${titleOf(p)} ${hhmm(Date.parse(p.start_utc))}–${hhmm(Date.parse(p.end_utc))}`;
  }
  syncActionFields();
  (action === 'RETIME' ? $('ov-move-by') : action === 'CANCEL' ? $('ov-reason') : $('ov-asset')).focus();
}

// each action shows only the fields its request takes (docs/operator-guide.md)
function syncActionFields() {
  const action = $('ov-action').value;
  document.querySelector('.insert-only').hidden = action !== 'INSERT';
  document.querySelector('.target-only').hidden = action === 'INSERT';
  document.querySelector('.retime-only').hidden = action !== 'RETIME';
  document.querySelector('.asset-field').hidden = action === 'CANCEL' || action === 'RETIME';
  updateWhen();
}

function retimedStart() {
  return Date.parse(overrideTarget.start_utc) + Number($('ov-move-by').value) * 60_000;
}

function insertWindow() {
  const now = serviceNow();
  const start = Math.ceil((now + Number($('ov-start-in').value) * 60_000) / 1000) * 1000;
  return { start, end: start + Number($('ov-duration').value) * 60_000 };
}

function updateWhen() {
  if (!state.guide) return;
  const action = $('ov-action').value;
  if (action === 'INSERT') {
    const { start, end } = insertWindow();
    $('ov-when').textContent = `On air ${hhmmss(start)}–${hhmmss(end)} ${zoneAbbrev(start, state.zone)}`;
  } else if (action === 'RETIME' && overrideTarget) {
    const start = retimedStart();
    const end = start + Date.parse(overrideTarget.end_utc) - Date.parse(overrideTarget.start_utc);
    $('ov-moved-to').textContent = `Moves to ${hhmmss(start)}–${hhmmss(end)} ${zoneAbbrev(start, state.zone)}`;
  }
}

async function submitOverride(event) {
  event.preventDefault();
  const result = $('ov-result');
  const action = $('ov-action').value;
  const body = {
    action,
    reason: $('ov-reason').value.trim(),
    requested_by: $('ov-requested-by').value.trim(),
  };
  if (action === 'INSERT' || action === 'REPLACE') {
    body.asset_uuid = $('ov-asset').value.trim();
  }
  if (action === 'INSERT') {
    const { start, end } = insertWindow();
    Object.assign(body, { start_utc: new Date(start).toISOString(), end_utc: new Date(end).toISOString(), resume: $('ov-resume').value });
  } else {
    body.target_event_uuid = $('ov-target').value;
    if (!body.target_event_uuid || !overrideTarget) {
      showResult('error', `Select the programme to ${action.toLowerCase()} in the guide first.`);
      return;
    }
    if (action === 'RETIME') {
      body.start_utc = new Date(retimedStart()).toISOString(); // the service keeps the programme's length
    }
  }
  $('ov-submit').disabled = true;
  result.textContent = 'Sending…';
  result.className = '';
  try {
    const channel = $('ov-channel').value;
    const { status, body: answer } = await api(`/api/v1/channels/${channel}/overrides`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    result.dataset.overrideId = answer.override_id;
    showResult('ok', status === 201
      ? `Applied: override ${answer.override_id}, ${answer.events.length} new event(s), ${answer.superseded_event_uuids.length} superseded.`
      : `Accepted, still being applied: ${answer.status_url}`);
    if (status === 201 && action !== 'INSERT') {
      // the target is superseded now: a second request for it would be refused
      overrideTarget = null;
      $('ov-target').value = '';
      $('ov-target-label').textContent = 'Select a programme in the guide.';
    }
    await refresh();
    const added = answer.events?.find((e) => e.kind === 'override') || answer.events?.[0];
    if (added) select(added.uuid);
  } catch (e) {
    const field = e.problem?.field ? ` (${e.problem.field})` : '';
    showResult('error', `Refused${field}: ${e.message}`);
  } finally {
    $('ov-submit').disabled = false;
  }
}

function showResult(kind, text) {
  const result = $('ov-result');
  result.className = kind;
  result.textContent = text;
}

// ---- watching a channel --------------------------------------------------------------------------------------------

async function watch(c) {
  const panel = $('watch');
  panel.hidden = false;
  $('watch-title').textContent = `Watch · ${c.title}`;
  stopWatching();
  const status = $('watch-status');
  try {
    if (state.streams == null) {
      const { body } = await api('/api/v1/iptv/channels');
      state.streams = new Map(body.map((s) => [s.channel_id, s]));
    }
  } catch (e) {
    status.textContent = `The stream list could not be loaded: ${e.message}`;
    return;
  }
  const stream = state.streams.get(c.channel_id);
  $('watch-url').href = stream ? stream.stream_url : '#';
  if (!stream) {
    status.textContent = 'This channel has no stream.';
  } else if (!window.ContinuityPlayer) {
    status.textContent = 'The player is not built: this service was built without Node.js/npm. Open the stream URL in an IPTV player.';
    panel.dataset.player = 'missing';
  } else {
    status.textContent = 'Connecting…';
    panel.dataset.player = 'hls.js';
    const video = $('player');
    video.onplaying = () => { status.textContent = `Live · channel ${stream.number}`; };
    state.stopPlayer = window.ContinuityPlayer.play(video, stream.stream_url, (reason) => {
      status.textContent = `The stream stopped: ${reason}`;
    });
  }
}

function stopWatching() {
  if (state.stopPlayer) {
    state.stopPlayer();
    state.stopPlayer = null;
  }
}

// ---- loading -------------------------------------------------------------------------------------------------------

async function refresh() {
  try {
    if (state.guide == null) {
      const { body } = await api('/api/v1/guide');
      state.guide = body;
      state.fetchedAt = performance.now();
    }
    const previousFrom = state.from;
    if (state.from == null || state.follow) {
      state.from = Math.floor((serviceNow() - LEAD_MS) / 3600_000) * 3600_000;
    }
    const range = `from=${new Date(state.from).toISOString()}&to=${new Date(state.from + WINDOW_MS).toISOString()}`;
    const { body } = await api(`/api/v1/guide?${range}`);
    state.guide = body;
    state.fetchedAt = performance.now();
    $('banner').hidden = true;
    render();
    if (!state.scrolledToNow) {
      scrollToNow();
      state.scrolledToNow = true;
    } else if (state.follow && previousFrom != null && previousFrom !== state.from) {
      $('guide-grid').scrollLeft -= ((state.from - previousFrom) / 60_000) * state.pxPerMin;
    }
    $('refresh-status').textContent = `Updated ${hhmmss(serviceNow())} · every ${REFRESH_MS / 1000} s`;
    await refreshAlerts();
  } catch (e) {
    const banner = $('banner');
    banner.hidden = false;
    banner.textContent = e.status === 401 || e.status === 403
      ? `The API refused access (${e.status}). Paste a token above.`
      : `Could not load the guide: ${e.message}`;
  }
}

/** The warnings and critical alerts of the last 24 hours (GET /api/v1/alerts), newest first; the guide stands without them. */
async function refreshAlerts() {
  const list = $('alerts');
  try {
    const { body } = await api('/api/v1/alerts?min_severity=WARNING&limit=50');
    const titles = new Map((state.guide?.channels || []).map((c) => [c.channel_id, c.title]));
    list.replaceChildren(...(body.length === 0 ? [el('li', { class: 'muted' }, 'No warnings or critical alerts.')]
      : body.map((a) => el('li', { 'data-kind': a.kind, 'data-severity': a.severity, 'data-channel-id': a.channel_id || '' },
        el('span', { class: 'when' }, hhmm(Date.parse(a.at_utc))),
        el('span', { class: 'kind' }, a.kind),
        `${a.channel_id ? `${titles.get(a.channel_id) || a.channel_id}: ` : ''}${a.message}`))));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'muted' }, `Alerts could not be loaded: ${e.message}`));
  }
}

/** Scrolls so that now sits a third of the way into the visible timeline: the last hour or two stays in view. */
function scrollToNow() {
  const grid = $('guide-grid');
  const visible = grid.clientWidth - $('channels').offsetWidth;
  grid.scrollLeft = Math.max(0, x(serviceNow()) - visible / 3);
}

function shift(ms) {
  state.follow = false;
  $('follow-now').setAttribute('aria-pressed', 'false');
  state.from += ms;
  refresh();
}

function init() {
  takeTokenFromFragment();
  if (!token()) showTokenForm('API token (if the service asks for one)');
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token-input').value.trim());
    $('token-input').value = '';
    $('token-form').hidden = !!token();
    refresh();
  });
  $('earlier').addEventListener('click', () => shift(-STEP_MS));
  $('later').addEventListener('click', () => shift(STEP_MS));
  $('follow-now').addEventListener('click', () => {
    state.follow = true;
    state.scrolledToNow = false;
    $('follow-now').setAttribute('aria-pressed', 'true');
    refresh();
  });
  window.addEventListener('resize', () => { if (state.guide) render(); });
  $('zone').addEventListener('change', (e) => { state.zone = e.target.value; render(); });
  $('zoom').addEventListener('change', (e) => {
    state.pxPerMin = Number(e.target.value);
    render();
    scrollToNow();
  });
  $('new-override').addEventListener('click', () => { $('ov-action').value = 'INSERT'; syncActionFields(); $('ov-asset').focus(); });
  $('ov-action').addEventListener('change', syncActionFields);
  $('ov-start-in').addEventListener('input', updateWhen);
  $('ov-duration').addEventListener('input', updateWhen);
  $('ov-move-by').addEventListener('input', updateWhen);
  $('override-form').addEventListener('submit', submitOverride);
  $('watch-close').addEventListener('click', () => { stopWatching(); $('watch').hidden = true; });
  refresh();
  setInterval(refresh, REFRESH_MS);
  setInterval(() => { if (state.guide) { moveNowLine(); updateWhen(); } }, 1000);
}

init();
