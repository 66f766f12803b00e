// The read-only pages: the catalog browser (search with filters, where an asset is scheduled next and why an ineligible
// one is not) and a broadcast day's version history with the diff between two versions.

import { $, api, clearErrors, duration, el, setResult, showProblem } from './lib.js';
import { renderDiff } from './preview.js';

let channelId = () => null;
let channelOf = () => null;

export function initBrowse(currentChannelId, currentChannel) {
  channelId = currentChannelId;
  channelOf = currentChannel;
  $('catalog-form').addEventListener('submit', (e) => { e.preventDefault(); search(); });
  $('history-form').addEventListener('submit', (e) => { e.preventDefault(); showHistory(channelId()); });
  $('diff-form').addEventListener('submit', (e) => { e.preventDefault(); showDiff(); });
}

// ---- catalog -------------------------------------------------------------------------------------------------------------

async function search() {
  const form = $('catalog-form');
  const params = new URLSearchParams({ size: '100' });
  for (const [key, id] of [['q', 'cat-q'], ['kind', 'cat-kind'], ['series_id', 'cat-series'], ['genre', 'cat-genre'], ['tag', 'cat-tag'],
    ['eligible', 'cat-eligible']]) {
    if ($(id).value.trim()) params.set(key, $(id).value.trim());
  }
  try {
    const { body } = await api(`/api/v1/assets/search?${params}`);
    clearErrors(form);
    $('cat-count').textContent = `${body.total} asset(s)${body.total > body.items.length ? `, the first ${body.items.length} shown` : ''}`;
    $('cat-table').tBodies[0].replaceChildren(...body.items.map((a) => el('tr', { 'data-asset-uuid': a.asset_uuid },
      el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => showAsset(a) }, a.title)),
      el('td', {}, a.kind), el('td', {}, a.series_title || a.series_id || ''), el('td', {}, a.genre || ''),
      el('td', {}, duration(a.duration_ms)), el('td', {}, a.eligible ? 'yes' : 'no'))));
  } catch (e) {
    showProblem(form, e, $('cat-count'));
  }
}

async function showAsset(a) {
  const panel = $('asset-details');
  panel.replaceChildren(el('h2', { id: 'asset-title' }, a.title), el('p', { class: 'muted' }, 'Loading…'));
  try {
    const { body } = await api(`/api/v1/assets/${a.asset_uuid}/schedule`);
    const channels = new Map((await api('/api/v1/channels')).body.map((c) => [c.channel_id, c]));
    const when = (iso, c) => new Intl.DateTimeFormat('en-GB', { timeZone: c?.timezone || 'UTC', weekday: 'short', day: '2-digit', month: 'short',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(iso));
    panel.replaceChildren(
      el('h2', { id: 'asset-title' }, a.title),
      el('dl', { class: 'facts' },
        [['Kind', a.kind], ['Series', a.series_title ? `${a.series_title} S${a.season ?? '?'}E${a.episode ?? '?'}` : ''], ['Genre', a.genre],
        ['Tags', (a.tags || []).join(', ')], ['Length', duration(a.duration_ms)], ['Uuid', a.asset_uuid]]
        .filter(([, v]) => v).map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
      el('h3', {}, body.eligible ? 'Eligible for broadcast' : 'Not eligible for broadcast'),
      ...(body.eligible ? [] : [el('ul', { id: 'asset-reasons', class: 'list' }, body.ineligible_because.map((r) => el('li', {}, `Because ${r}.`)))]),
      el('h3', {}, 'Scheduled next'),
      el('ul', { id: 'asset-upcoming', class: 'list' }, body.upcoming.length ? body.upcoming.map((u) => {
        const c = channels.get(u.channel_id);
        return el('li', { 'data-event-uuid': u.event_uuid }, `${when(u.start_utc, c)} on ${c?.title || u.channel_id} (${u.kind})`);
      }) : [el('li', { class: 'muted' }, body.eligible ? 'Not in the current playlog of any channel.' : 'Nothing: it cannot be scheduled.')]));
  } catch (e) {
    panel.replaceChildren(el('h2', { id: 'asset-title' }, a.title), el('p', { class: 'error' }, `Could not load: ${e.message}`));
  }
}

// ---- version history ------------------------------------------------------------------------------------------------------

export async function showHistory(id) {
  const form = $('history-form');
  const day = $('hi-day').value;
  const body = $('hi-table').tBodies[0];
  if (!id || !day) return;
  try {
    const { body: versions } = await api(`/api/v1/channels/${id}/schedule-days/${day}/versions`);
    clearErrors(form);
    setResult($('hi-result'), '', `${versions.length} version(s) of ${day} on ${channelOf()?.title || id}.`);
    body.replaceChildren(...versions.map((v) => el('tr', { 'data-version': v.version },
      el('td', {}, String(v.version)), el('td', {}, v.created_at), el('td', {}, v.superseded_at || 'current'), el('td', {}, String(v.events ?? '')),
      el('td', {}, causes(v.causes)),
      el('td', {}, v.version > 1 ? el('button', { type: 'button', onclick: () => { $('hi-from').value = v.version - 1; $('hi-to').value = v.version; showDiff(); } },
        `${v.version - 1} → ${v.version}`) : ''))));
    if (versions.length > 1 && !$('hi-from').value) {
      $('hi-from').value = versions.length - 1;
      $('hi-to').value = versions.length;
    }
  } catch (e) {
    body.replaceChildren();
    showProblem(form, e, $('hi-result'));
  }
}

function causes(list) {
  if (!Array.isArray(list) || !list.length) return '';
  return list.map((c) => (typeof c === 'string' ? c : [c.ce_type || c.type || c.kind, c.ce_id || c.id].filter(Boolean).join(' '))).join('; ');
}

async function showDiff() {
  const form = $('diff-form');
  try {
    const { body } = await api(`/api/v1/channels/${channelId()}/schedule-days/${$('hi-day').value}/diff?from=${$('hi-from').value}&to=${$('hi-to').value}`);
    clearErrors(form);
    $('hi-diff').replaceChildren(el('h3', {}, `Version ${body.from_version} → ${body.to_version}`), renderDiff(body, channelOf()?.timezone, 'hi'));
  } catch (e) {
    $('hi-diff').replaceChildren();
    showProblem(form, e);
  }
}
