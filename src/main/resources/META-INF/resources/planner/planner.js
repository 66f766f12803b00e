// Continuity planner: channels, labels, plans and their assignments on a day grid, a what-if preview of the pending
// changes, and publishing them. Plain ES modules, no build step. Every change goes through the REST commands (and so
// through Kafka); plan and assignment edits are staged client-side as a list of change operations first, so that they
// can be previewed (POST /api/v1/channels/{id}/preview) before "Publish" sends them one by one.

import { $, api, ApiError, clearErrors, command, el, hhmmToMinutes, minutesToHhmm, setResult, setToken, showProblem, takeTokenFromFragment,
  token, uuid } from './lib.js';
import { contentPicker } from './content.js';
import { initBrowse, showHistory } from './browse.js';
import { renderPreview } from './preview.js';

const PX_PER_MIN = 0.5;
const DAY_MIN = 1440;

const state = {
  canEdit: false,
  channels: [],
  channelId: null,
  labels: [],
  plans: [],                 // as stored
  assignments: new Map(),    // plan id -> stored assignments
  pending: [],               // staged change operations, in order
  planId: null,              // the plan shown on the day grid
  assignmentId: null,        // the assignment in the form
  draft: null,               // {start, duration} dragged out on the grid, not staged yet
};

let picker = { value: () => null };
let defaultPicker = { value: () => null };

const channel = () => state.channels.find((c) => c.channel_id === state.channelId) || null;
const dayStartMinutes = () => hhmmToMinutes(channel()?.programming_day_start || '00:00');
const gridMinutes = () => channel()?.grid_block_minutes || 30;
const offsets = () => channel()?.block_start_offsets_minutes || [0];

// ---- grid arithmetic (the same rule as the service's GridRules) -------------------------------------------------------

const onGrid = (start) => offsets().includes((dayStartMinutes() + start) % 60);

/** The block start nearest to a schedule-time minute. */
export function snapStart(minute) {
  let best = 0;
  for (let m = 0; m < DAY_MIN; m++) {
    if (onGrid(m) && Math.abs(m - minute) < Math.abs(best - minute)) best = m;
  }
  return best;
}

const snapDuration = (minutes) => Math.max(gridMinutes(), Math.round(minutes / gridMinutes()) * gridMinutes());

/** The next block start after (or before, with step -1) a start. */
function nextStart(start, step) {
  for (let m = start + step; m >= 0 && m < DAY_MIN; m += step) {
    if (onGrid(m)) return m;
  }
  return start;
}

/** The channel's broadcast day that holds an instant: the local date, or the day before when it is before the day start. */
function broadcastDayAt(iso) {
  const c = channel();
  if (!c || !iso) return null;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: c.timezone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(Date.parse(iso)).map((p) => [p.type, p.value]));
  const date = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  if (Number(parts.hour) * 60 + Number(parts.minute) < dayStartMinutes()) date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const localTime = (scheduleMinute) => minutesToHhmm((dayStartMinutes() + scheduleMinute) % DAY_MIN);

// ---- working state: what is stored with the pending changes applied -------------------------------------------------

function workingPlans() {
  const plans = state.plans.map((p) => ({ ...p }));
  for (const op of state.pending) {
    if (op.op === 'create_plan') plans.push({ ...op.plan, pending: 'new' });
    if (op.op === 'update_plan') Object.assign(plans.find((p) => p.plan_id === op.plan.plan_id) || {}, op.plan, { pending: 'changed' });
    if (op.op === 'retire_plan') Object.assign(plans.find((p) => p.plan_id === op.plan_id) || {}, { is_active: false, pending: 'retired' });
  }
  return plans.sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
}

function workingAssignments(planId) {
  const list = (state.assignments.get(planId) || []).map((a) => ({ ...a }));
  for (const op of state.pending) {
    if (op.op === 'add_assignment' && op.assignment.plan_id === planId) list.push({ ...op.assignment, pending: 'new' });
    if (op.op === 'update_assignment' && op.assignment.plan_id === planId) {
      Object.assign(list.find((a) => a.assignment_id === op.assignment.assignment_id) || {}, op.assignment, { pending: 'changed' });
    }
    if (op.op === 'remove_assignment' && op.plan_id === planId) {
      Object.assign(list.find((a) => a.assignment_id === op.assignment_id) || {}, { pending: 'removed' });
    }
  }
  return list.sort((a, b) => hhmmToMinutes(a.start_time) - hhmmToMinutes(b.start_time));
}

/** Stages an assignment: edits a pending add in place, else replaces a pending update, else appends. */
function stageAssignment(assignment) {
  const add = state.pending.find((o) => o.op === 'add_assignment' && o.assignment.assignment_id === assignment.assignment_id);
  if (add) {
    add.assignment = assignment;
  } else if (!(state.assignments.get(assignment.plan_id) || []).some((a) => a.assignment_id === assignment.assignment_id)) {
    state.pending.push({ op: 'add_assignment', assignment });
  } else {
    state.pending = state.pending.filter((o) => !(o.op === 'update_assignment' && o.assignment.assignment_id === assignment.assignment_id));
    const stored = state.assignments.get(assignment.plan_id).find((a) => a.assignment_id === assignment.assignment_id);
    state.pending.push({ op: 'update_assignment', assignment: { ...assignment, expected_version: stored.version } });
  }
}

// ---- loading -----------------------------------------------------------------------------------------------------------

async function loadSession() {
  try {
    const { body } = await api('/api/v1/session');
    state.canEdit = body.can_edit;
    state.nowUtc = body.now_utc;
    $('session').textContent = `${body.user} · ${body.roles.join(', ')}${body.can_edit ? '' : ' · read only'}`;
  } catch (e) {
    state.canEdit = false;
    $('session').textContent = e.status === 401 ? 'not signed in' : `session unknown: ${e.message}`;
    if (e.status === 401 || e.status === 403) showTokenForm();
  }
  document.body.classList.toggle('read-only', !state.canEdit);
  document.querySelectorAll('.edit-only').forEach((n) => { n.hidden = !state.canEdit; });
  document.querySelectorAll('#channel-form input, #channel-form select, #plan-form input, #assignment-form input, #assignment-form select')
    .forEach((n) => { n.disabled = !state.canEdit; });
}

async function loadChannels(select) {
  const { body } = await api('/api/v1/channels');
  state.channels = body;
  if (select !== undefined) state.channelId = select;
  if (!state.channels.some((c) => c.channel_id === state.channelId)) state.channelId = state.channels[0]?.channel_id || null;
  $('channel-select').replaceChildren(...state.channels.map((c) => el('option', { value: c.channel_id }, `${c.title} (${c.slug})`)));
  if (state.channelId) $('channel-select').value = state.channelId;
  $('channel-list').replaceChildren(...state.channels.map((c) => el('li', {},
    el('button', { type: 'button', 'data-channel-id': c.channel_id, 'aria-pressed': String(c.channel_id === state.channelId),
      onclick: () => selectChannel(c.channel_id) }, `${c.title}`), el('span', { class: 'muted' }, ` ${c.slug} · ${c.timezone}`))));
  fillChannelForm(channel());
}

async function selectChannel(channelId) {
  if (state.pending.length && channelId !== state.channelId && !confirm('Discard the pending changes of this channel?')) {
    $('channel-select').value = state.channelId;
    return;
  }
  state.channelId = channelId;
  state.pending = [];
  state.planId = null;
  state.assignmentId = null;
  await loadChannels();
  await loadChannelParts();
}

async function loadChannelParts() {
  state.labels = [];
  state.plans = [];
  state.assignments = new Map();
  if (state.channelId) {
    state.labels = (await api(`/api/v1/channels/${state.channelId}/labels`)).body;
    state.plans = (await api(`/api/v1/channels/${state.channelId}/plans`)).body;
    for (const p of state.plans) {
      state.assignments.set(p.plan_id, (await api(`/api/v1/plans/${p.plan_id}/assignments`)).body);
    }
  }
  if (!workingPlans().some((p) => p.plan_id === state.planId)) state.planId = workingPlans()[0]?.plan_id || null;
  const today = broadcastDayAt(state.nowUtc);
  if (today) {
    $('pv-day').value = today;
    $('hi-day').value = today;
  }
  renderLabels();
  renderPlans();
  renderDay();
  renderPending();
  fillAssignmentForm(null);
}

// ---- channels ------------------------------------------------------------------------------------------------------------

function fillChannelForm(c) {
  clearErrors($('channel-form'));
  $('channel-form-title').textContent = c ? `Channel: ${c.title}` : 'New channel';
  $('channel-form').dataset.channelId = c?.channel_id || '';
  $('ch-slug').value = c?.slug || '';
  $('ch-title').value = c?.title || '';
  $('ch-timezone').value = c?.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  $('ch-grid').value = String(c?.grid_block_minutes || 30);
  $('ch-offsets').value = (c?.block_start_offsets_minutes || [0, 30]).join(', ');
  $('ch-day-start').value = c?.programming_day_start || '06:00';
  const kinds = [c?.filler_rule?.kind || ['filler', 'promo', 'bumper']].flat();
  $('ch-filler-kinds').querySelectorAll('input').forEach((i) => { i.checked = kinds.includes(i.value); });
  $('ch-filler-tags').value = [c?.filler_rule?.tags || []].flat().join(', ');
  $('ch-default-type').value = c?.default_programming?.content_type || '';
  defaultPicker = contentPicker($('ch-default-picker'), $('ch-default-type').value, c?.default_programming?.content_reference, 'ch-default');
  const sources = state.channels.filter((o) => !o.retired && !o.time_shift && o.channel_id !== c?.channel_id);
  $('ch-shift-source').replaceChildren(el('option', { value: '' }, 'none (plans of its own)'),
    ...sources.map((o) => el('option', { value: o.channel_id }, o.title)));
  $('ch-shift-source').value = c?.time_shift?.source_channel_id || '';
  $('ch-shift-minutes').value = String(c?.time_shift?.offset_minutes || 60);
  $('ch-retire').hidden = !c || !state.canEdit;
  setResult($('ch-result'), '', '');
}

function channelBody() {
  const filler = { kind: [...$('ch-filler-kinds').querySelectorAll('input:checked')].map((i) => i.value) };
  const tags = $('ch-filler-tags').value.split(',').map((s) => s.trim()).filter(Boolean);
  if (tags.length) filler.tags = tags;
  const body = {
    slug: $('ch-slug').value.trim(), title: $('ch-title').value.trim(), timezone: $('ch-timezone').value.trim(),
    grid_block_minutes: Number($('ch-grid').value),
    block_start_offsets_minutes: $('ch-offsets').value.split(',').map((s) => s.trim()).filter(Boolean).map(Number),
    programming_day_start: $('ch-day-start').value, filler_rule: filler,
  };
  if ($('ch-default-type').value) {
    body.default_programming = { content_type: $('ch-default-type').value, content_reference: defaultPicker.value() };
  }
  if ($('ch-shift-source').value) {
    body.time_shift = { source_channel_id: $('ch-shift-source').value, offset_minutes: Number($('ch-shift-minutes').value) };
  }
  return body;
}

async function saveChannel(event) {
  event.preventDefault();
  const form = $('channel-form');
  const existing = state.channels.find((c) => c.channel_id === form.dataset.channelId);
  const body = channelBody();
  setResult($('ch-result'), '', 'Saving…');
  try {
    const answer = existing
      ? await command(`/api/v1/channels/${existing.channel_id}`, 'PUT', { ...body, expected_version: existing.version })
      : await command('/api/v1/channels', 'POST', body);
    clearErrors(form);
    setResult($('ch-result'), 'ok', existing ? `Saved: version ${answer.body.version}.` : `Created ${answer.body.slug}.`);
    await loadChannels(answer.body.channel_id);
    await loadChannelParts();
    setResult($('ch-result'), 'ok', existing ? `Saved: version ${answer.body.version}.` : `Created ${answer.body.slug}.`);
  } catch (e) {
    failed(form, e, $('ch-result'));
  }
}

async function retireChannel() {
  const c = channel();
  if (!c || !confirm(`Retire ${c.title}? Its history stays; it is no longer scheduled.`)) return;
  try {
    await command(`/api/v1/channels/${c.channel_id}?expected_version=${c.version}`, 'DELETE');
    state.channelId = null;
    await loadChannels();
    await loadChannelParts();
  } catch (e) {
    failed($('channel-form'), e, $('ch-result'));
  }
}

function failed(form, e, result) {
  if (!(e instanceof ApiError)) throw e;
  if (e.status === 401 || e.status === 403) showTokenForm();
  const target = showProblem(form, e, result);
  if (target) target.focus();
}

// ---- labels ----------------------------------------------------------------------------------------------------------------

function renderLabels() {
  $('label-list').replaceChildren(...(state.labels.length ? state.labels.map((l) => el('li', {},
    el('span', { class: 'swatch', style: { background: l.color || '#888' } }), ` ${l.name}`))
    : [el('li', { class: 'muted' }, 'No labels.')]));
  $('as-label').replaceChildren(el('option', { value: '' }, 'none'),
    ...state.labels.map((l) => el('option', { value: l.label_id }, l.name)));
}

async function saveLabel(event) {
  event.preventDefault();
  try {
    await command(`/api/v1/channels/${state.channelId}/labels`, 'POST', { name: $('lb-name').value.trim(), color: $('lb-color').value });
    clearErrors($('label-form'));
    setResult($('lb-result'), 'ok', `Defined ${$('lb-name').value.trim()}.`);
    $('lb-name').value = '';
    state.labels = (await api(`/api/v1/channels/${state.channelId}/labels`)).body;
    renderLabels();
  } catch (e) {
    failed($('label-form'), e, $('lb-result'));
  }
}

// ---- plans ---------------------------------------------------------------------------------------------------------------

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The days a cron's day-of-week field selects, in words (the other fields are shown as they are). */
export function cronText(cron) {
  const f = (cron || '').trim().split(/\s+/);
  if (f.length !== 5) return 'A cron has five fields: minute hour day-of-month month day-of-week.';
  const dow = f[4] === '*' ? 'every day' : f[4].split(',').map((part) => part.split('-').map((d) => DAYS[Number(d) % 7] || d).join('–')).join(', ');
  const dom = f[2] === '*' ? '' : ` on day ${f[2]} of the month`;
  const month = f[3] === '*' ? '' : ` in month ${f[3]}`;
  return `Applies ${dow}${dom}${month}.`;
}

function renderPlans() {
  const plans = workingPlans();
  $('plan-list').replaceChildren(...(plans.length ? plans.map((p) => el('li', { class: `layer ${p.is_active ? '' : 'inactive'}` },
    el('button', { type: 'button', 'data-plan-id': p.plan_id, 'aria-pressed': String(p.plan_id === state.planId), onclick: () => selectPlan(p.plan_id) },
      `${p.priority} · ${p.name}`),
    el('span', { class: 'muted' }, ` ${cronText(p.cron_expression)}${p.start_date ? ` From ${p.start_date}.` : ''}${p.end_date ? ` Until ${p.end_date}.` : ''}`),
    p.pending ? el('span', { class: `pill ${p.pending}` }, p.pending) : null,
    p.is_active ? null : el('span', { class: 'pill retired' }, 'inactive')))
    : [el('li', { class: 'muted' }, shiftNote() || 'No plans yet.')]));
  fillPlanForm(plans.find((p) => p.plan_id === state.planId) || null);
}

/** For a time-shifted channel: what it airs instead of plans of its own. */
function shiftNote() {
  const shift = channel()?.time_shift;
  if (!shift) return null;
  const source = state.channels.find((o) => o.channel_id === shift.source_channel_id);
  return `This channel airs ${source?.title || shift.source_channel_id} ${shift.offset_minutes} minutes later; it has no plans of its own (plan its source).`;
}

function selectPlan(planId) {
  state.planId = planId;
  state.assignmentId = null;
  state.draft = null;
  renderPlans();
  renderDay();
  fillAssignmentForm(null);
}

function fillPlanForm(p) {
  clearErrors($('plan-form'));
  $('plan-form').dataset.planId = p?.plan_id || '';
  $('pl-name').value = p?.name || '';
  $('pl-priority').value = p?.priority ?? 10;
  $('pl-cron').value = p?.cron_expression || '* * * * *';
  $('pl-start').value = p?.start_date || '';
  $('pl-end').value = p?.end_date || '';
  $('pl-active').checked = p ? p.is_active : true;
  $('pl-save').textContent = p ? 'Stage plan change' : 'Stage new plan';
  $('pl-retire').hidden = !p || !state.canEdit;
  $('pl-cron-text').textContent = cronText($('pl-cron').value);
}

function stagePlan(event) {
  event.preventDefault();
  const planId = $('plan-form').dataset.planId || uuid();
  const plan = {
    plan_id: planId, name: $('pl-name').value.trim(), priority: Number($('pl-priority').value), cron_expression: $('pl-cron').value.trim(),
    start_date: $('pl-start').value || null, end_date: $('pl-end').value || null, is_active: $('pl-active').checked,
  };
  const create = state.pending.find((o) => o.op === 'create_plan' && o.plan.plan_id === planId);
  const stored = state.plans.find((p) => p.plan_id === planId);
  if (create) {
    create.plan = plan;
  } else if (stored) {
    state.pending = state.pending.filter((o) => !(o.op === 'update_plan' && o.plan.plan_id === planId));
    state.pending.push({ op: 'update_plan', plan: { ...plan, expected_version: stored.version } });
  } else {
    state.pending.push({ op: 'create_plan', plan });
  }
  state.planId = planId;
  setResult($('pl-result'), 'ok', `Staged ${plan.name}: preview or publish below.`);
  renderPlans();
  renderDay();
  renderPending();
}

function stageRetirePlan() {
  const planId = $('plan-form').dataset.planId;
  if (!planId) return;
  if (state.pending.some((o) => o.op === 'create_plan' && o.plan.plan_id === planId)) {
    state.pending = state.pending.filter((o) => o.plan?.plan_id !== planId && o.assignment?.plan_id !== planId);
  } else {
    state.pending.push({ op: 'retire_plan', plan_id: planId, expected_version: state.plans.find((p) => p.plan_id === planId)?.version });
  }
  renderPlans();
  renderDay();
  renderPending();
}

// ---- the day grid ----------------------------------------------------------------------------------------------------------

const y = (minute) => `${minute * PX_PER_MIN}px`;
const minuteAt = (event) => (event.clientY - $('day-grid').getBoundingClientRect().top) / PX_PER_MIN;

function renderDay() {
  const grid = $('day-grid');
  const c = channel();
  if (!c || !state.planId) {
    grid.replaceChildren(el('p', { class: 'muted' }, c ? 'Create or choose a plan to see its day.' : 'Create a channel first.'));
    grid.style.height = '';
    return;
  }
  grid.style.height = y(DAY_MIN);
  grid.dataset.gridMinutes = String(gridMinutes());
  grid.dataset.pxPerMin = String(PX_PER_MIN);
  const lines = [];
  for (let m = 0; m < DAY_MIN; m += gridMinutes()) {
    const hour = (dayStartMinutes() + m) % 60 === 0;
    lines.push(el('div', { class: `gl ${hour ? 'hour' : ''}`, style: { top: y(m) } },
      hour || gridMinutes() >= 60 ? el('span', {}, `${minutesToHhmm(m)} · ${localTime(m)} local`) : null));
  }
  const labels = new Map(state.labels.map((l) => [l.label_id, l]));
  const blocks = workingAssignments(state.planId).filter((a) => a.pending !== 'removed').map((a) => {
    const start = hhmmToMinutes(a.start_time);
    const label = labels.get(a.label_id);
    const text = `${a.start_time}–${minutesToHhmm(start + a.duration)} ${describeContent(a)}`;
    return el('div', {
      class: `block ${a.pending || ''} ${a.assignment_id === state.assignmentId ? 'selected' : ''}`, role: 'button', tabindex: '0',
      'data-assignment-id': a.assignment_id, 'data-start': a.start_time, 'data-duration': a.duration,
      'aria-label': `${text}${a.pending ? ` (${a.pending}, not published)` : ''}`,
      style: { top: y(start), height: y(a.duration), borderLeftColor: label?.color || '' },
      onmousedown: (e) => e.stopPropagation(), onclick: () => editAssignment(a.assignment_id), onkeydown: (e) => blockKey(e, a),
    }, el('span', { class: 't' }, describeContent(a)), el('span', { class: 's' }, `${a.start_time} · ${a.duration} min${label ? ` · ${label.name}` : ''}`),
    state.canEdit ? el('span', { class: 'resize', title: 'Drag to resize', onmousedown: (e) => startResize(e, a) }) : null);
  });
  const draft = state.draft ? el('div', { class: 'block draft', id: 'draft', style: { top: y(state.draft.start), height: y(state.draft.duration) } },
    `${minutesToHhmm(state.draft.start)} · ${state.draft.duration} min (new)`) : null;
  grid.replaceChildren(...lines, ...blocks, ...(draft ? [draft] : []));
}

function describeContent(a) {
  const ref = a.content_reference;
  if (a.content_type === 'rule' || a.content_type === 'random') {
    const parts = Object.entries(ref || {}).map(([k, v]) => `${k} ${[v].flat().join('/')}`);
    return `${a.content_type}: ${parts.join(', ') || 'anything'}`;
  }
  if (a.content_type === 'asset') {
    return `asset ${String(ref).slice(0, 8)}`;
  }
  return `${a.content_type.replace('_', ' ')}: ${ref}`;
}

/** Dragging on the empty grid marks out a new assignment (snapped to the channel's grid) and puts it in the form. */
function startCreate(event) {
  if (!state.canEdit || !state.planId || event.button !== 0) return;
  event.preventDefault();
  const from = snapStart(Math.max(0, Math.min(DAY_MIN - gridMinutes(), minuteAt(event))));
  state.draft = { start: from, duration: gridMinutes() };
  renderDay();
  const move = (e) => {
    state.draft.duration = Math.min(DAY_MIN - from, snapDuration(minuteAt(e) - from));
    const node = $('draft');
    node.style.height = y(state.draft.duration);
    node.textContent = `${minutesToHhmm(from)} · ${state.draft.duration} min (new)`;
  };
  const up = () => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    state.assignmentId = null;
    fillAssignmentForm(null, state.draft);
    $('as-type').focus();
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}

/** Dragging a block's lower edge changes its length in grid steps; the change is staged on release. */
function startResize(event, a) {
  event.preventDefault();
  event.stopPropagation();
  const start = hhmmToMinutes(a.start_time);
  const node = event.target.parentElement;
  let minutes = a.duration;
  const move = (e) => {
    minutes = Math.min(DAY_MIN, snapDuration(minuteAt(e) - start));
    node.style.height = y(minutes);
  };
  const up = () => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', up);
    if (minutes !== a.duration) restage(a, { duration: minutes });
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', up);
}

function restage(a, change) {
  const { pending, version, created_at: c, updated_at: u, channel_id: ch, ...rest } = a;
  stageAssignment({ ...rest, ...change });
  state.assignmentId = a.assignment_id;
  renderDay();
  renderPending();
  fillAssignmentForm(workingAssignments(state.planId).find((x) => x.assignment_id === a.assignment_id));
  document.querySelector(`#day-grid .block[data-assignment-id="${a.assignment_id}"]`)?.focus();
}

/** Arrows move a block to the previous or next block start; Shift+arrows resize it by one grid block. */
function blockKey(event, a) {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    editAssignment(a.assignment_id);
    $('as-start').focus();
    return;
  }
  if (!state.canEdit) return;
  const start = hhmmToMinutes(a.start_time);
  if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
    event.preventDefault();
    const step = event.key === 'ArrowUp' ? -1 : 1;
    if (event.shiftKey) {
      const minutes = Math.max(gridMinutes(), Math.min(DAY_MIN, a.duration + step * gridMinutes()));
      if (minutes !== a.duration) restage(a, { duration: minutes });
    } else {
      const to = nextStart(start, step);
      if (to !== start) restage(a, { start_time: minutesToHhmm(to) });
    }
  } else if (event.key === 'Delete' || event.key === 'Backspace') {
    event.preventDefault();
    state.assignmentId = a.assignment_id;
    stageRemoval();
  }
}

// ---- the assignment form --------------------------------------------------------------------------------------------------

function editAssignment(assignmentId) {
  state.assignmentId = assignmentId;
  state.draft = null;
  renderDay();
  fillAssignmentForm(workingAssignments(state.planId).find((a) => a.assignment_id === assignmentId));
  document.querySelector(`#day-grid .block[data-assignment-id="${assignmentId}"]`)?.focus();
}

function fillAssignmentForm(a, draft) {
  clearErrors($('assignment-form'));
  const start = a ? a.start_time : draft ? minutesToHhmm(draft.start) : '';
  $('as-start').value = start;
  $('as-duration').value = a ? a.duration : draft ? draft.duration : gridMinutes();
  const type = a?.content_type || $('as-type').value || 'series';
  $('as-type').value = type;
  picker = contentPicker($('as-picker'), type, a?.content_reference, 'as-content');
  $('as-policy').value = a?.episode_policy || '';
  $('as-avoid').checked = !!a?.playback_rules?.avoid_repeats;
  $('as-avoid-days').value = a?.playback_rules?.avoid_repeats_window_days || 7;
  $('as-prefer-new').checked = !!a?.playback_rules?.prefer_new;
  $('as-label').value = a?.label_id || '';
  $('as-intent').value = a?.operator_intent || '';
  $('as-remove').hidden = !a || !state.canEdit;
  $('asg-title').textContent = a ? `Assignment ${a.start_time}` : 'New assignment';
  showLocal();
  setResult($('as-result'), '', '');
}

function showLocal() {
  const start = hhmmToMinutes($('as-start').value);
  $('as-local').textContent = start == null ? '' : `${localTime(start)} local in ${channel()?.timezone || ''}`
    + (onGrid(start % DAY_MIN) ? '' : ` — not a block start of this channel (offsets ${offsets().join(', ')})`);
}

function stageFromForm(event) {
  event.preventDefault();
  if (!state.planId) {
    setResult($('as-result'), 'error', 'Choose or stage a plan first.');
    return;
  }
  const form = $('assignment-form');
  clearErrors(form);
  const start = hhmmToMinutes($('as-start').value);
  if (start == null) {
    showProblem(form, new ApiError(400, { detail: 'must be HH:MM', field: 'start_time' }), $('as-result'));
    return;
  }
  const rules = {};
  if ($('as-avoid').checked) Object.assign(rules, { avoid_repeats: true, avoid_repeats_window_days: Number($('as-avoid-days').value) });
  if ($('as-prefer-new').checked) rules.prefer_new = true;
  const assignment = {
    assignment_id: state.assignmentId || uuid(), plan_id: state.planId, start_time: minutesToHhmm(start), duration: Number($('as-duration').value),
    content_type: $('as-type').value, content_reference: picker.value(),
  };
  if ($('as-policy').value) assignment.episode_policy = $('as-policy').value;
  if (Object.keys(rules).length) assignment.playback_rules = rules;
  if ($('as-label').value) assignment.label_id = $('as-label').value;
  if ($('as-intent').value.trim()) assignment.operator_intent = $('as-intent').value.trim();
  stageAssignment(assignment);
  state.assignmentId = assignment.assignment_id;
  state.draft = null;
  renderDay();
  renderPending();
  setResult($('as-result'), 'ok', `Staged ${assignment.start_time} for ${assignment.duration} min.`);
}

function stageRemoval() {
  const id = state.assignmentId;
  if (!id) return;
  const add = state.pending.find((o) => o.op === 'add_assignment' && o.assignment.assignment_id === id);
  state.pending = state.pending.filter((o) => o.assignment?.assignment_id !== id);
  if (!add) state.pending.push({ op: 'remove_assignment', plan_id: state.planId, assignment_id: id });
  state.assignmentId = null;
  renderDay();
  renderPending();
  fillAssignmentForm(null);
}

// ---- pending changes, preview, publish -------------------------------------------------------------------------------------

function describeOp(o) {
  switch (o.op) {
    case 'create_plan': return `New plan ${o.plan.name} (priority ${o.plan.priority}, ${o.plan.cron_expression})`;
    case 'update_plan': return `Change plan ${o.plan.name}`;
    case 'retire_plan': return `Retire plan ${state.plans.find((p) => p.plan_id === o.plan_id)?.name || o.plan_id}`;
    case 'add_assignment': return `Add ${o.assignment.start_time} ${o.assignment.duration} min — ${describeContent(o.assignment)}`;
    case 'update_assignment': return `Change ${o.assignment.start_time} ${o.assignment.duration} min — ${describeContent(o.assignment)}`;
    case 'remove_assignment': return `Remove assignment ${o.assignment_id.slice(0, 8)}`;
    default: return o.op;
  }
}

function renderPending() {
  $('pending-list').replaceChildren(...(state.pending.length ? state.pending.map((o, i) => el('li', { 'data-op': o.op, 'data-index': i },
    describeOp(o), o.error ? el('span', { class: 'field-error' }, ` — refused: ${o.error}`) : null))
    : [el('li', { class: 'muted' }, 'Nothing staged. Changes to plans and assignments collect here until you publish them.')]));
  $('pv-publish').disabled = !state.pending.length;
  $('pv-discard').disabled = !state.pending.length;
}

/** The pending operations in the preview API's shape (docs/preview.md): ids beside the command bodies. */
function changeOps() {
  return state.pending.map((o) => {
    switch (o.op) {
      case 'update_plan': return { op: o.op, plan_id: o.plan.plan_id, plan: o.plan };
      case 'retire_plan': return { op: o.op, plan_id: o.plan_id };
      case 'add_assignment': return { op: o.op, plan_id: o.assignment.plan_id, assignment: o.assignment };
      case 'update_assignment': return { op: o.op, plan_id: o.assignment.plan_id, assignment_id: o.assignment.assignment_id, assignment: o.assignment };
      default: {
        const { error, ...rest } = o;
        return rest;
      }
    }
  });
}

async function preview() {
  const body = { from: $('pv-day').value || undefined, days: Number($('pv-days').value) || 1, changes: changeOps() };
  setResult($('pv-result'), '', 'Resolving on a branch…');
  try {
    const { body: answer } = await api(`/api/v1/channels/${state.channelId}/preview`, { method: 'POST', body });
    const current = await Promise.all((answer.days || []).map((d) => api(`/api/v1/channels/${state.channelId}/schedule-days/${d.broadcast_day}`)
      .then((r) => r.body.events).catch(() => [])));
    setResult($('pv-result'), 'ok', `Preview only, nothing was published${answer.locked_until ? `; events before ${answer.locked_until} stay as they are` : ''}.`);
    $('preview').dataset.state = 'shown';
    renderPreview($('preview'), answer, channel(), current);
  } catch (e) {
    if (e.status === 404 && !e.problem?.code) {
      $('preview').dataset.state = 'unavailable';
      setResult($('pv-result'), 'error', 'This service has no preview endpoint (404): publish to see the result in the guide.');
    } else {
      $('preview').dataset.state = 'refused';
      refusedOp(e, $('pv-result'));
    }
  }
}

/** Sends the staged operations in order; stops at the first refusal and shows it next to the field that caused it. */
async function publish() {
  setResult($('pv-result'), '', 'Publishing…');
  const c = state.channelId;
  let sent = 0;
  while (state.pending.length) {
    const o = state.pending[0];
    try {
      await send(c, o);
      state.pending.shift();
      sent++;
    } catch (e) {
      o.error = `${e.message}${e.problem?.field ? ` (${e.problem.field})` : ''}`;
      renderPending();
      refusedOp(e, $('pv-result'), o);
      return;
    }
  }
  await loadChannelParts();
  setResult($('pv-result'), 'ok', `Published ${sent} change(s). The guide shows them once the days are resolved.`);
}

function send(c, o) {
  switch (o.op) {
    case 'create_plan': return command(`/api/v1/channels/${c}/plans`, 'POST', o.plan);
    case 'update_plan': return command(`/api/v1/channels/${c}/plans/${o.plan.plan_id}`, 'PUT', o.plan);
    case 'retire_plan': return command(`/api/v1/channels/${c}/plans/${o.plan_id}${o.expected_version ? `?expected_version=${o.expected_version}` : ''}`, 'DELETE');
    case 'add_assignment': return command(`/api/v1/plans/${o.assignment.plan_id}/assignments`, 'POST', o.assignment);
    case 'update_assignment': return command(`/api/v1/plans/${o.assignment.plan_id}/assignments/${o.assignment.assignment_id}`, 'PUT', o.assignment);
    case 'remove_assignment': return command(`/api/v1/plans/${o.plan_id}/assignments/${o.assignment_id}`, 'DELETE');
    default: throw new Error(`unknown change ${o.op}`);
  }
}

/** Opens the refused change in its form with the message beside its field. */
function refusedOp(error, result, op) {
  if (!(error instanceof ApiError)) throw error;
  // the preview names the change and the field as changes[i].assignment.start_time; a command names start_time
  const named = /^changes\[(\d+)\]\.(?:(?:assignment|plan)\.)?(.*)$/.exec(error.problem?.field || '');
  const e = named ? new ApiError(error.status, { ...error.problem, field: named[2] }) : error;
  const o = op || (named ? state.pending[Number(named[1])] : null);
  setResult(result, 'error', `Refused: ${e.message}${e.problem?.field ? ` (${e.problem.field})` : ''}`);
  if (o?.assignment) {
    state.planId = o.assignment.plan_id;
    renderPlans();
    editAssignment(o.assignment.assignment_id);
    showProblem($('assignment-form'), e)?.focus();
  } else if (o?.plan) {
    state.planId = o.plan.plan_id;
    renderPlans();
    showProblem($('plan-form'), e)?.focus();
  }
}

// ---- pages and start ---------------------------------------------------------------------------------------------------------

function showPage(page) {
  document.querySelectorAll('.tabs button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.page === page)));
  document.querySelectorAll('.page').forEach((p) => { p.hidden = p.id !== `page-${page}`; });
  if (page === 'plans') renderDay();
  if (page === 'history') showHistory(state.channelId);
}

function showTokenForm() {
  $('token-form').hidden = false;
}

async function start() {
  takeTokenFromFragment();
  if (!token()) showTokenForm();
  $('token-form').addEventListener('submit', (e) => {
    e.preventDefault();
    setToken($('token-input').value.trim());
    $('token-input').value = '';
    $('token-form').hidden = true;
    boot();
  });
  document.querySelectorAll('.tabs button').forEach((b) => b.addEventListener('click', () => showPage(b.dataset.page)));
  $('channel-select').addEventListener('change', (e) => selectChannel(e.target.value));
  $('channel-new').addEventListener('click', () => { fillChannelForm(null); $('ch-slug').focus(); });
  $('channel-form').addEventListener('submit', saveChannel);
  $('ch-retire').addEventListener('click', retireChannel);
  $('ch-default-type').addEventListener('change', () => {
    defaultPicker = contentPicker($('ch-default-picker'), $('ch-default-type').value, null, 'ch-default');
  });
  $('label-form').addEventListener('submit', saveLabel);
  $('plan-new').addEventListener('click', () => { state.planId = null; renderPlans(); renderDay(); $('pl-name').focus(); });
  $('plan-form').addEventListener('submit', stagePlan);
  $('pl-retire').addEventListener('click', stageRetirePlan);
  $('pl-cron').addEventListener('input', () => { $('pl-cron-text').textContent = cronText($('pl-cron').value); });
  $('day-grid').addEventListener('mousedown', startCreate);
  $('assignment-form').addEventListener('submit', stageFromForm);
  $('as-type').addEventListener('change', () => { picker = contentPicker($('as-picker'), $('as-type').value, null, 'as-content'); });
  $('as-start').addEventListener('input', showLocal);
  $('as-remove').addEventListener('click', stageRemoval);
  $('as-clear').addEventListener('click', () => { state.assignmentId = null; state.draft = null; renderDay(); fillAssignmentForm(null); });
  $('pv-preview').addEventListener('click', preview);
  $('pv-publish').addEventListener('click', publish);
  $('pv-discard').addEventListener('click', () => { state.pending = []; renderPlans(); renderDay(); renderPending(); });
  $('zones').replaceChildren(...(Intl.supportedValuesOf?.('timeZone') || ['UTC']).map((z) => el('option', { value: z })));
  initBrowse(() => state.channelId, () => channel());
  await boot();
}

async function boot() {
  try {
    await loadSession();
    await loadChannels();
    await loadChannelParts();
    $('banner').hidden = true;
    document.body.dataset.ready = 'true';
  } catch (e) {
    $('banner').hidden = false;
    $('banner').textContent = e.status === 401 || e.status === 403 ? `The API refused access (${e.status}). Paste a token above.`
      : `Could not load the planner: ${e.message}`;
  }
}

start();
