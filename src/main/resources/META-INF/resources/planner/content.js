// Content pickers: choose what an assignment (or a channel's default programming) plays. A series or an asset is found
// by searching the catalog (GET /api/v1/assets/search); a rule is built field by field with a live count of the assets
// it matches (POST /api/v1/assets/rule-matches); a virtual package is chosen from GET /api/v1/virtual-assets.

import { api, csv, el, duration } from './lib.js';

const RULE_FIELDS = [
  ['genre', 'Genres (any of, comma separated)'],
  ['rating', 'Ratings (any of)'],
  ['series_id', 'Series ids (any of)'],
  ['tags', 'Tags (all of)'],
];

/** Builds the picker for a content type inside container; answers { value(): content_reference or null }. */
export function contentPicker(container, type, reference, prefix) {
  container.replaceChildren();
  switch (type) {
    case 'series': return searchPicker(container, prefix, 'series', reference);
    case 'asset': return searchPicker(container, prefix, 'asset', reference);
    case 'rule': case 'random': return ruleBuilder(container, prefix, reference || {});
    case 'virtual_package': return virtualPicker(container, prefix, reference);
    default: return { value: () => null };
  }
}

function searchPicker(container, prefix, what, reference) {
  const search = el('input', { id: `${prefix}-search`, type: 'search', autocomplete: 'off', spellcheck: 'false' });
  const chosen = el('input', { id: `${prefix}-ref`, 'data-field': 'content_reference', required: true, spellcheck: 'false', value: reference || '' });
  const results = el('ul', { class: 'list picks', id: `${prefix}-results`, 'aria-label': `Matching ${what === 'series' ? 'series' : 'assets'}` });
  let timer = null;
  let asked = 0;
  const run = async () => {
    const kind = what === 'series' ? '&kind=episode' : '';
    const mine = ++asked;
    try {
      const { body } = await api(`/api/v1/assets/search?size=50&q=${encodeURIComponent(search.value)}${kind}`);
      if (mine !== asked) return;
      const items = what === 'series'
        ? [...new Map(body.items.filter((a) => a.series_id).map((a) => [a.series_id, a.series_title || a.series_id])).entries()]
          .map(([id, title]) => ({ id, label: `${title} (${id})` }))
        : body.items.map((a) => ({ id: a.asset_uuid, label: `${a.title} · ${a.kind} · ${duration(a.duration_ms)}${a.eligible ? '' : ' · not eligible'}` }));
      results.dataset.query = search.value;
      results.replaceChildren(...items.slice(0, 12).map((i) => el('li', {},
        el('button', { type: 'button', 'data-ref': i.id, onclick: () => { chosen.value = i.id; chosen.dispatchEvent(new Event('input')); } }, i.label))));
      if (!items.length) results.replaceChildren(el('li', { class: 'muted' }, 'Nothing found.'));
    } catch (e) {
      results.replaceChildren(el('li', { class: 'muted' }, `Search failed: ${e.message}`));
    }
  };
  search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 250); });
  container.append(
    el('label', {}, `Search the catalog for ${what === 'series' ? 'a series' : 'an asset'} `, search),
    results,
    el('label', {}, what === 'series' ? 'Series id ' : 'Asset uuid ', chosen));
  run();
  return { value: () => chosen.value.trim() || null };
}

function ruleBuilder(container, prefix, rule) {
  const kinds = el('fieldset', { class: 'checks', 'data-field': 'content_reference.kind' }, el('legend', {}, 'Kinds'),
    ['episode', 'movie'].map((k) => el('label', {}, el('input', { type: 'checkbox', value: k, id: `${prefix}-kind-${k}`,
      checked: (rule.kind ? [rule.kind].flat() : []).includes(k) }), ` ${k}`)));
  const inputs = Object.fromEntries(RULE_FIELDS.map(([key]) => [key,
    el('input', { id: `${prefix}-${key}`, 'data-field': `content_reference.${key}`, value: [rule[key] || []].flat().join(', ') })]));
  const min = el('input', { id: `${prefix}-min`, type: 'number', min: '0', 'data-field': 'content_reference.min_duration', value: rule.min_duration ?? '' });
  const max = el('input', { id: `${prefix}-max`, type: 'number', min: '1', 'data-field': 'content_reference.max_duration', value: rule.max_duration ?? '' });
  const fresh = el('input', { id: `${prefix}-fresh`, 'data-field': 'content_reference.freshness', value: rule.freshness ?? '',
    placeholder: 'days, or recent' });
  const count = el('output', { id: `${prefix}-count`, class: 'count', 'aria-live': 'polite' }, '…');
  const value = () => {
    const r = {};
    const k = [...kinds.querySelectorAll('input:checked')].map((i) => i.value);
    if (k.length) r.kind = k;
    for (const [key] of RULE_FIELDS) {
      const list = csv(inputs[key].value);
      if (list.length) r[key] = list;
    }
    if (min.value !== '') r.min_duration = Number(min.value);
    if (max.value !== '') r.max_duration = Number(max.value);
    if (fresh.value.trim()) r.freshness = /^\d+$/.test(fresh.value.trim()) ? Number(fresh.value.trim()) : fresh.value.trim();
    return r;
  };
  let timer = null;
  let asked = 0;
  const recount = async () => {
    const mine = ++asked;
    try {
      const { body } = await api('/api/v1/assets/rule-matches', { method: 'POST', body: value() });
      if (mine !== asked) return;
      count.dataset.matching = body.matching;
      count.dataset.eligible = body.eligible;
      count.textContent = `${body.eligible} eligible asset(s) match (${body.matching} in all)`;
    } catch (e) {
      if (mine === asked) count.textContent = `Rule refused: ${e.message}${e.problem?.field ? ` (${e.problem.field})` : ''}`;
    }
  };
  container.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(recount, 250); });
  container.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(recount, 250); });
  container.append(kinds,
    ...RULE_FIELDS.map(([key, label]) => el('label', {}, `${label} `, inputs[key])),
    el('div', { class: 'grid2' }, el('label', {}, 'Min minutes ', min), el('label', {}, 'Max minutes ', max)),
    el('label', {}, 'Added within ', fresh),
    el('p', {}, 'Matches: ', count));
  recount();
  return { value };
}

function virtualPicker(container, prefix, reference) {
  const select = el('select', { id: `${prefix}-virtual`, 'data-field': 'content_reference' });
  container.append(el('label', {}, 'Virtual package ', select));
  api('/api/v1/virtual-assets').then(({ body }) => {
    select.replaceChildren(...body.map((v) => el('option', { value: v.virtual_asset_uuid }, v.title)));
    if (reference) select.value = reference;
    if (!body.length) select.append(el('option', { value: '' }, 'no virtual packages defined'));
  }).catch((e) => select.replaceChildren(el('option', { value: '' }, `could not load: ${e.message}`)));
  return { value: () => select.value || null };
}
