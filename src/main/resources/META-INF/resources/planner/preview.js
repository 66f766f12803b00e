// Renders the answer of POST /api/v1/channels/{id}/preview (docs/preview.md): for each broadcast day the current version
// beside the previewed one, and the diff (added, removed and moved events, new gaps, warnings, overrides affected).
// Also renders a version diff of GET .../schedule-days/{day}/diff, which has the same added/removed/moved lists.

import { el } from './lib.js';

const time = (iso, zone) => (iso ? new Intl.DateTimeFormat('en-GB', { timeZone: zone || 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  .format(Date.parse(iso)) : '');

const eventsOf = (side) => (Array.isArray(side) ? side : side?.events || []);

function eventLine(e, zone) {
  return el('li', { 'data-uuid': e.uuid || '', 'data-kind': e.kind || '' },
    `${time(e.start_utc || e.to_start_utc, zone)}–${time(e.end_utc || e.to_end_utc, zone)} `,
    el('strong', {}, e.title || (e.kind === 'gap' ? 'Slate (gap)' : e.asset_uuid || e.kind || '')), e.kind ? el('span', { class: 'muted' }, ` ${e.kind}`) : null);
}

function diffList(id, heading, items, render) {
  return el('section', { class: 'diff-part', 'aria-labelledby': `${id}-h` },
    el('h4', { id: `${id}-h` }, `${heading} (${items.length})`),
    el('ul', { id, class: 'list diff', 'data-count': items.length }, items.length ? items.map(render) : [el('li', { class: 'muted' }, 'none')]));
}

/** The diff parts every answer has, and those only a preview has. */
export function renderDiff(diff, zone, prefix) {
  const moved = (m) => el('li', { 'data-uuid': m.uuid }, el('strong', {}, m.title || m.asset_uuid || ''),
    ` ${time(m.from_start_utc, zone)} → ${time(m.to_start_utc, zone)}`);
  const text = (w) => el('li', {}, typeof w === 'string' ? w : `${w.kind ? `${w.kind}: ` : ''}${w.message || ''}`);
  return el('div', { class: 'diff-parts' },
    diffList(`${prefix}-added`, 'Added', diff.added || [], (e) => eventLine(e, zone)),
    diffList(`${prefix}-removed`, 'Removed', diff.removed || [], (e) => eventLine(e, zone)),
    diffList(`${prefix}-moved`, 'Moved', diff.moved || [], moved),
    diff.new_gaps ? diffList(`${prefix}-gaps`, 'New gaps', diff.new_gaps, (e) => eventLine({ ...e, kind: 'gap' }, zone)) : null,
    diff.warnings ? diffList(`${prefix}-warnings`, 'Warnings', diff.warnings, text) : null,
    diff.affected_overrides ? diffList(`${prefix}-overrides`, 'Overrides affected', diff.affected_overrides,
      (o) => el('li', {}, `${o.action || ''} ${o.override_id || ''}: ${o.effect === 'pinned' ? 'its programme is gone, it stays pinned to its window'
        : 'what it replaces or interrupts changes'}`)) : null);
}

/** The preview's days (docs/preview.md), each beside the current version's events (fetched by the caller). */
export function renderPreview(container, answer, channel, currentEvents = []) {
  const zone = channel?.timezone;
  container.replaceChildren(...(answer.days || []).map((d, i) => {
    const current = currentEvents[i] || [];
    const diff = { ...(d.diff || {}), warnings: d.warnings || [], affected_overrides: d.overrides || [] };
    return el('article', { class: 'preview-day', 'data-broadcast-day': d.broadcast_day, 'data-changed': String(d.changed) },
      el('h3', {}, `Broadcast day ${d.broadcast_day}${d.changed === false ? ' — unchanged' : ''}`),
      el('div', { class: 'side-by-side' },
        el('section', { 'aria-label': 'Current version' }, el('h4', {}, d.current ? `Current (version ${d.current.version})` : 'Current: not resolved yet'),
          el('ol', { class: 'list events current' }, current.length ? current.map((e) => eventLine(e, zone)) : [el('li', { class: 'muted' }, 'no events')])),
        el('section', { 'aria-label': 'Preview' }, el('h4', {}, 'With the pending changes'),
          el('ol', { class: 'list events previewed' }, (d.events || []).map((e) => eventLine(e, zone))))),
      renderDiff(diff, zone, `pv-${i}`));
  }));
}
