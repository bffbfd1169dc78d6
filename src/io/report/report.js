/* copnet report: draws the circle map and the tables from the data copnet wrote into this page
   (the analyses' own descriptions and the map's layout). Nothing is computed here beyond sorting,
   counting what is shown and formatting; nothing is fetched. Plain ES2017, no library. */
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('copnet-data').textContent);
  var M = D.map, N = M.nodes, T = M.ties;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var RINGS = ['core', 'inner', 'outer', 'none'];
  var RING_NAMES = ['core', 'inner circle', 'outer circle', 'not members'];
  var timing = { hover: [], click: [] };
  window.copnetReport = { data: D, timing: timing };

  // ---- small helpers --------------------------------------------------------------------------
  function h(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    if (children !== undefined) append(e, children);
    return e;
  }
  function append(e, children) {
    if (!Array.isArray(children)) children = [children];
    children.forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return e;
  }
  function s(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  function fmt(x, digits) {
    if (x === null || x === undefined || (typeof x === 'number' && !isFinite(x))) return 'n/a';
    if (typeof x !== 'number') return String(x);
    if (Number.isInteger(x)) return x.toLocaleString('en');
    return x.toFixed(digits === undefined ? 2 : digits);
  }
  function pct(x) { return x === null || x === undefined ? 'n/a' : (100 * x).toFixed(0) + '\u00a0%'; }
  function cat(c) { return c === '' || c === null || c === undefined ? '(none)' : c; }
  function plural(n, one, many) { return fmt(n) + ' ' + (n === 1 ? one : (many || one + 's')); }
  var nameOf = {};
  N.id.forEach(function (id, i) { nameOf[id] = N.name[i] || id; });
  function who(id) { return nameOf[id] && nameOf[id] !== id ? nameOf[id] + ' (' + id + ')' : id; }
  function sectionEl(id) { return document.getElementById(id); }
  function para(text, cls) { return h('p', { class: cls || 'reading' }, text); }
  function unavailable(part) { return part && part.unavailable ? para('Not shown: ' + part.unavailable + '.', 'unavailable') : null; }
  /* A table: columns [{key, title, num, fmt}], rows [objects]. */
  function table(caption, columns, rows, more) {
    var t = h('table');
    if (caption) t.appendChild(h('caption', null, caption));
    var tr = h('tr');
    columns.forEach(function (c) { tr.appendChild(h('th', { scope: 'col', class: c.num ? 'num' : null }, c.title)); });
    t.appendChild(h('thead', null, tr));
    var body = h('tbody');
    rows.forEach(function (r) {
      var row = h('tr');
      columns.forEach(function (c) {
        var v = typeof c.key === 'function' ? c.key(r) : r[c.key];
        row.appendChild(h('td', { class: c.num ? 'num' : null }, c.fmt ? c.fmt(v, r) : fmt(v)));
      });
      body.appendChild(row);
    });
    t.appendChild(body);
    var out = [t];
    if (more) out.push(para(more, 'note'));
    return out;
  }

  // ---- header ---------------------------------------------------------------------------------
  document.getElementById('title').textContent = D.meta.title;
  var cap = [D.meta.domain, D.meta.caption].filter(function (x) { return x; }).join(' \u2014 ');
  document.getElementById('caption').textContent = cap;
  document.getElementById('footer').textContent = 'Made by copnet ' + D.meta.copnet + ' from ' +
    plural(D.meta.stakeholders, 'stakeholder') + ' and ' + plural(D.meta.ties, 'tie') +
    '. This page works offline: everything it shows is inside it.';

  // ---- the circle map -------------------------------------------------------------------------
  var V = N.id.length, E = T.s.length;
  var relations = M.relations;
  var adj = [];
  for (var i = 0; i < V; i++) adj.push([]);
  for (var e = 0; e < E; e++) { adj[T.s[e]].push(e); if (T.t[e] !== T.s[e]) adj[T.t[e]].push(e); }
  var svg = s('svg', { viewBox: '0 0 ' + M.width + ' ' + M.height, role: 'img', tabindex: '0',
                       'aria-label': 'Circle map: ' + V + ' stakeholders, ' + E + ' ties. Arrow keys pan, + and - zoom, 0 resets, Tab moves between stakeholders.',
                       'font-family': 'DejaVu Sans, Helvetica, Arial, sans-serif' });
  var defs = s('defs');
  M.categories.forEach(function (c, k) {
    if (!c.pattern) return;
    var p = s('pattern', { id: 'cat-' + k, patternUnits: 'userSpaceOnUse', width: 4, height: 4 });
    p.appendChild(s('rect', { width: 4, height: 4, fill: c.colour }));
    if (c.pattern === 1) p.appendChild(s('path', { d: 'M0 4L4 0', stroke: '#fff', 'stroke-width': 1.2 }));
    else if (c.pattern === 2) p.appendChild(s('circle', { cx: 2, cy: 2, r: 1, fill: '#fff' }));
    else if (c.pattern === 3) p.appendChild(s('path', { d: 'M0 2H4M2 0V4', stroke: '#fff', 'stroke-width': 0.9 }));
    else p.appendChild(s('circle', { cx: 2, cy: 2, r: 1.3, fill: 'none', stroke: '#222', 'stroke-width': 0.6 }));
    defs.appendChild(p);
  });
  svg.appendChild(defs);
  function fillOf(k) { var c = M.categories[k]; return c.pattern ? 'url(#cat-' + k + ')' : (c.name === '' ? '#BBBBBB' : c.colour); }
  var view = s('g', { class: 'viewport' });
  svg.appendChild(view);
  var bandFill = ['#D9D9D9', '#E8E8E8', '#F3F3F3', '#FCFCFC'];
  for (var k = 3; k >= 0; k--)
    view.appendChild(s('circle', { class: 'band', 'data-ring': RINGS[k], cx: M.cx, cy: M.cy, r: M.band_edge[k], fill: bandFill[k] }));
  for (k = 0; k < 4; k++) {
    var rn = s('text', { class: 'ring-name', x: M.cx, y: M.cy - M.band_edge[k] + M.font_size + 6,
                         'font-size': M.font_size + 1, 'text-anchor': 'middle' });
    rn.textContent = RING_NAMES[k];
    view.appendChild(rn);
  }
  var tieG = s('g', { class: 'ties' }), dotG = s('g', { class: 'stakeholders' }), labelG = s('g', { class: 'labels', 'font-size': M.font_size });
  // The selection is drawn again on top (overlay) while the rest is dimmed as whole groups: one
  // style change per group, not per element, so that a click answers fast on a big map.
  var overlay = s('g', { class: 'overlay' });
  view.appendChild(tieG); view.appendChild(dotG); view.appendChild(labelG); view.appendChild(overlay);
  var tieEl = new Array(E), dotEl = new Array(V), labelEl = new Array(V);
  for (e = 0; e < E; e++) {
    var rel = relations[T.r[e]], a = T.s[e], b = T.t[e];
    var role = ['authority', 'influence', 'collaboration'].indexOf(rel.role) >= 0 ? rel.role : 'other';
    var line = s('line', { class: 'tie ' + role, x1: N.x[a], y1: N.y[a], x2: N.x[b], y2: N.y[b],
                           'data-source': N.id[a], 'data-target': N.id[b], 'data-relation': rel.name,
                           'stroke-width': (0.5 + 0.8 * Math.max(0, Math.min(1, T.w[e]))).toFixed(2) });
    tieEl[e] = line;
    tieG.appendChild(line);
  }
  for (i = 0; i < V; i++) {
    var dot = s('circle', { class: 'stakeholder', cx: N.x[i], cy: N.y[i], r: M.dot, fill: fillOf(N.cat[i]),
                            'data-id': N.id[i], 'data-index': i, tabindex: '0', role: 'button',
                            'aria-label': (N.name[i] || N.id[i]) + ', ' + RING_NAMES[N.ring[i]] });
    dotEl[i] = dot;
    dotG.appendChild(dot);
    if (!N.label[i]) continue;
    if (Math.abs(N.la[i] - N.a[i]) > 1e-6) {
      var r0 = M.ring_radius[N.ring[i]] + M.dot + 1;
      labelG.appendChild(s('line', { class: 'leader', x1: (M.cx + r0 * Math.cos(N.a[i])).toFixed(1), y1: (M.cy + r0 * Math.sin(N.a[i])).toFixed(1),
                                     x2: (N.lx[i] - 2 * Math.cos(N.la[i])).toFixed(1), y2: (N.ly[i] - 2 * Math.sin(N.la[i])).toFixed(1) }));
    }
    var deg = N.la[i] * 180 / Math.PI + (N.flip[i] ? 180 : 0);
    var t = s('text', { class: 'label', x: N.lx[i], y: N.ly[i], dy: '0.35em', 'text-anchor': N.flip[i] ? 'end' : 'start',
                        transform: 'rotate(' + deg.toFixed(2) + ' ' + N.lx[i] + ' ' + N.ly[i] + ')', 'data-for': N.id[i] });
    t.textContent = N.label[i];
    labelEl[i] = t;
    labelG.appendChild(t);
  }
  document.getElementById('map-holder').appendChild(svg);
  // A label the browser sets wider than copnet estimated is cut to its ring's room.
  labelEl.forEach(function (t, i) {
    if (!t) return;
    var room = M.label_room[N.ring[i]] + 2;
    var text = N.label[i];
    while (text.length > 2 && t.getComputedTextLength() > room) {
      text = text.slice(0, -2) + '\u2026';
      t.textContent = text;
    }
  });

  // Reading and what was left out.
  var reading = 'The core group sits at the centre, then the inner and outer circles, and outside them the ' +
    'stakeholders of the landscape who are not members. Each wedge is a ' + M.facet + '. ' +
    'Point at a stakeholder to see who they are; click (or press Enter) to light up their ties.';
  if (M.shown < M.total)
    reading += ' The map shows ' + fmt(M.shown) + ' of ' + fmt(M.total) + ' stakeholders: ' +
      (M.members_shown === M.members_total ? 'all ' : '') + fmt(M.members_shown) + ' members and the ' +
      fmt(M.shown - M.members_shown) + ' best connected others; ' + fmt(M.total - M.shown) + ' are left out.';
  if (M.ties_shown < M.ties_total)
    reading += ' It draws ' + fmt(M.ties_shown) + ' of ' + fmt(M.ties_total) + ' ties' +
      (M.ties_shown < M.ties_among_shown ? ' (the strongest ' + fmt(M.ties_shown) + ' of the ' + fmt(M.ties_among_shown) + ' among those shown)' : ' (those among the stakeholders shown)') + '.';
  if (M.labels_selected) reading += ' Names are written for ' + fmt(M.labelled) + ' of them (the members and the best connected); the others show theirs on hover.';
  document.getElementById('map-reading').textContent = reading;

  // Legend.
  var legend = document.getElementById('legend');
  var counts = M.categories.map(function () { return 0; });
  N.cat.forEach(function (c) { counts[c]++; });
  var ul = h('ul');
  M.categories.forEach(function (c, k) {
    var sw = h('span', { class: 'swatch' });
    sw.style.background = c.name === '' ? '#BBBBBB' : c.colour;
    if (c.pattern) sw.style.backgroundImage = ['', 'repeating-linear-gradient(135deg, transparent 0 2px, #fff 2px 3px)',
      'radial-gradient(#fff 30%, transparent 31%)', 'linear-gradient(#fff 1px, transparent 1px), linear-gradient(90deg, #fff 1px, transparent 1px)',
      'radial-gradient(transparent 30%, #222 31%, #222 40%, transparent 41%)'][c.pattern];
    if (c.pattern) sw.style.backgroundSize = '4px 4px';
    ul.appendChild(h('li', null, [sw, cat(c.name) + ' (' + counts[k] + ')']));
  });
  append(legend, [h('h3', null, M.facet), ul]);
  var tl = h('ul');
  relations.forEach(function (r, k) {
    var n = 0;
    for (var e2 = 0; e2 < E; e2++) if (T.r[e2] === k) n++;
    if (!n) return;
    var sw = h('span', { class: 'swatch-line' });
    sw.style.borderTopColor = { authority: '#333', influence: '#1f5fad', collaboration: '#8a8a8a' }[r.role] || '#7b5ea7';
    sw.style.borderTopStyle = r.role === 'influence' ? 'dashed' : (r.role === 'collaboration' || r.role === 'authority' ? 'solid' : 'dotted');
    tl.appendChild(h('li', null, [sw, r.name + ' (' + n + ' shown)']));
  });
  append(legend, [h('h3', null, 'ties'), tl]);

  // ---- selection, hover ---------------------------------------------------------------------
  var selected = -1, lit = [];
  function facetsOf(i) {
    var out = [];
    for (var f in N.facets) if (N.facets[f][i]) out.push(f + ': ' + N.facets[f][i]);
    return out;
  }
  function tieSummary(i) {
    var by = {};
    adj[i].forEach(function (e3) { var n = relations[T.r[e3]].name; by[n] = (by[n] || 0) + 1; });
    return Object.keys(by).map(function (n) { return n + ' ' + by[n]; }).join(', ') || 'none shown';
  }
  function clearSelection() {
    lit.forEach(function (x) { x.classList.remove('highlight'); x.classList.remove('neighbour'); x.classList.remove('selected'); });
    lit = [];
    selected = -1;
    svg.classList.remove('selecting');
    overlay.textContent = '';
    document.getElementById('selection').textContent = '';
  }
  function copyTo(el, cls) {
    var c = el.cloneNode(true);
    c.removeAttribute('data-id'); c.removeAttribute('data-index'); c.removeAttribute('tabindex'); c.removeAttribute('role');
    c.removeAttribute('data-source'); c.removeAttribute('data-target'); c.removeAttribute('data-relation'); c.removeAttribute('data-for');
    c.setAttribute('class', cls);
    c.setAttribute('aria-hidden', 'true');
    overlay.appendChild(c);
  }
  function select(i) {
    var t0 = performance.now();
    clearSelection();
    selected = i;
    svg.classList.add('selecting');
    dotEl[i].classList.add('selected');
    lit.push(dotEl[i]);
    var neighbours = [];
    adj[i].forEach(function (e4) {
      tieEl[e4].classList.add('highlight');
      lit.push(tieEl[e4]);
      var o = T.s[e4] === i ? T.t[e4] : T.s[e4];
      if (o !== i && neighbours.indexOf(o) < 0) neighbours.push(o);
    });
    neighbours.forEach(function (o) {
      dotEl[o].classList.add('neighbour'); lit.push(dotEl[o]);
    });
    adj[i].forEach(function (e5) { if (!tieEl[e5].classList.contains('hidden')) copyTo(tieEl[e5], 'hl-tie'); });
    neighbours.concat([i]).forEach(function (o) {
      copyTo(dotEl[o], o === i ? 'hl-dot hl-selected' : 'hl-dot');
      if (labelEl[o]) copyTo(labelEl[o], 'label hl-label');
    });
    var box = document.getElementById('selection');
    box.textContent = '';
    append(box, [h('h3', null, N.name[i] || N.id[i]),
      h('p', null, 'id ' + N.id[i] + '; ' + RING_NAMES[N.ring[i]] + (N.k ? '; coreness ' + N.k[i] : '') + '; ' + N.degree[i] + ' ties in all'),
      h('p', null, facetsOf(i).join('; ')),
      h('p', null, 'Ties shown: ' + tieSummary(i)),
      h('p', null, 'Neighbours (' + neighbours.length + '): ' + neighbours.slice(0, 30).map(function (o) { return N.name[o] || N.id[o]; }).join(', ') + (neighbours.length > 30 ? ', \u2026' : '')),
      h('button', { type: 'button', id: 'clear-selection' }, 'Clear')]);
    document.getElementById('clear-selection').addEventListener('click', clearSelection);
    timing.click.push(performance.now() - t0);
  }
  var tip = document.getElementById('tooltip');
  function showTip(i, x, y) {
    var t0 = performance.now();
    tip.textContent = '';
    append(tip, [h('strong', null, N.name[i] || N.id[i]), h('br'), 'id ' + N.id[i] + ', ' + RING_NAMES[N.ring[i]], h('br'),
      facetsOf(i).join('; '), h('br'), 'ties shown: ' + tieSummary(i)]);
    tip.hidden = false;
    tip.style.left = Math.min(x + 14, window.innerWidth - 350) + 'px';
    tip.style.top = (y + 14) + 'px';
    timing.hover.push(performance.now() - t0);
  }
  dotG.addEventListener('mouseover', function (ev) {
    var i = ev.target.getAttribute && ev.target.getAttribute('data-index');
    if (i !== null && i !== undefined) showTip(+i, ev.clientX, ev.clientY);
  });
  dotG.addEventListener('mouseout', function () { tip.hidden = true; });
  dotG.addEventListener('focusin', function (ev) {
    var i = ev.target.getAttribute('data-index');
    if (i === null) return;
    var r = ev.target.getBoundingClientRect();
    showTip(+i, r.right, r.bottom);
  });
  dotG.addEventListener('focusout', function () { tip.hidden = true; });
  dotG.addEventListener('click', function (ev) {
    var i = ev.target.getAttribute('data-index');
    if (i !== null) { ev.stopPropagation(); if (+i === selected) clearSelection(); else select(+i); }
  });
  dotG.addEventListener('keydown', function (ev) {
    var i = ev.target.getAttribute('data-index');
    if (i !== null && (ev.key === 'Enter' || ev.key === ' ')) { ev.preventDefault(); select(+i); }
  });

  // ---- zoom and pan -------------------------------------------------------------------------
  var zoom = { k: 1, x: 0, y: 0 };
  function applyZoom() { view.setAttribute('transform', 'translate(' + zoom.x + ' ' + zoom.y + ') scale(' + zoom.k + ')'); }
  function zoomBy(f, px, py) {
    if (px === undefined) { px = M.width / 2; py = M.height / 2; }
    var k2 = Math.max(0.5, Math.min(40, zoom.k * f));
    zoom.x = px - (px - zoom.x) * k2 / zoom.k;
    zoom.y = py - (py - zoom.y) * k2 / zoom.k;
    zoom.k = k2;
    applyZoom();
  }
  function toMap(ev) {
    var p = svg.createSVGPoint(); p.x = ev.clientX; p.y = ev.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }
  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var p = toMap(ev);
    zoomBy(ev.deltaY < 0 ? 1.2 : 1 / 1.2, p.x, p.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener('pointerdown', function (ev) {
    if (ev.target.classList.contains('stakeholder')) return;
    drag = { p: toMap(ev), x: zoom.x, y: zoom.y, moved: false };
    svg.classList.add('panning');
  });
  svg.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    var p = toMap(ev);
    zoom.x = drag.x + p.x - drag.p.x; zoom.y = drag.y + p.y - drag.p.y;
    drag.moved = drag.moved || Math.abs(p.x - drag.p.x) + Math.abs(p.y - drag.p.y) > 3;
    applyZoom();
  });
  function endDrag() { if (drag && !drag.moved) clearSelection(); drag = null; svg.classList.remove('panning'); }
  svg.addEventListener('pointerup', endDrag);
  svg.addEventListener('pointerleave', function () { drag = null; svg.classList.remove('panning'); });
  svg.addEventListener('keydown', function (ev) {
    var step = 40 / zoom.k * zoom.k;
    if (ev.key === '+' || ev.key === '=') zoomBy(1.25);
    else if (ev.key === '-') zoomBy(0.8);
    else if (ev.key === '0') { zoom = { k: 1, x: 0, y: 0 }; applyZoom(); }
    else if (ev.key === 'ArrowLeft') { zoom.x += step; applyZoom(); }
    else if (ev.key === 'ArrowRight') { zoom.x -= step; applyZoom(); }
    else if (ev.key === 'ArrowUp') { zoom.y += step; applyZoom(); }
    else if (ev.key === 'ArrowDown') { zoom.y -= step; applyZoom(); }
    else if (ev.key === 'Escape') clearSelection();
    else return;
    ev.preventDefault();
  });
  function centreOn(i) {
    if (zoom.k < 2) zoom.k = 2;
    zoom.x = M.width / 2 - N.x[i] * zoom.k; zoom.y = M.height / 2 - N.y[i] * zoom.k;
    applyZoom();
  }

  // ---- controls: search, filters, zoom buttons ------------------------------------------------
  var controls = document.getElementById('map-controls');
  var search = h('input', { type: 'search', id: 'search', placeholder: 'name or id', 'aria-label': 'Find a stakeholder by name or id', autocomplete: 'off' });
  var results = h('ul', { id: 'search-results', 'aria-live': 'polite' });
  var matches = [];
  function runSearch() {
    matches.forEach(function (m) { dotEl[m].classList.remove('match'); });
    matches = [];
    results.textContent = '';
    var q = search.value.trim().toLowerCase();
    if (!q) return;
    for (var j = 0; j < V && matches.length < 50; j++)
      if (N.id[j].toLowerCase().indexOf(q) >= 0 || (N.name[j] || '').toLowerCase().indexOf(q) >= 0) matches.push(j);
    matches.forEach(function (m, n) {
      dotEl[m].classList.add('match');
      if (n < 10) {
        var b2 = h('button', { type: 'button', 'data-id': N.id[m] }, (N.name[m] || N.id[m]) + ' (' + N.id[m] + ')');
        b2.addEventListener('click', function () { select(m); centreOn(m); dotEl[m].focus(); });
        results.appendChild(h('li', null, b2));
      }
    });
    if (!matches.length) results.appendChild(h('li', null, 'nobody on the map matches'));
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && matches.length) { select(matches[0]); centreOn(matches[0]); }
  });
  controls.appendChild(h('fieldset', null, [h('legend', null, 'Find'), search, results]));

  var show = { relation: relations.map(function () { return true; }), ring: [true, true, true, true],
               cat: M.categories.map(function () { return true; }) };
  function applyFilters() {
    var visible = new Array(V);
    for (var j = 0; j < V; j++) {
      visible[j] = show.ring[N.ring[j]] && show.cat[N.cat[j]];
      dotEl[j].classList.toggle('hidden', !visible[j]);
      if (labelEl[j]) labelEl[j].classList.toggle('hidden', !visible[j]);
    }
    for (var e5 = 0; e5 < E; e5++)
      tieEl[e5].classList.toggle('hidden', !(show.relation[T.r[e5]] && visible[T.s[e5]] && visible[T.t[e5]]));
  }
  function checkboxes(title, names, state, cls) {
    var fs = h('fieldset', { class: cls }, h('legend', null, title));
    names.forEach(function (n, j) {
      if (n === null) return;
      var box = h('input', { type: 'checkbox', checked: 'checked', 'data-filter': cls, value: String(j) });
      box.addEventListener('change', function () { state[j] = box.checked; applyFilters(); });
      fs.appendChild(h('label', null, [box, ' ' + n]));
    });
    return fs;
  }
  var usedRel = relations.map(function (r, j) { for (var e6 = 0; e6 < E; e6++) if (T.r[e6] === j) return r.name; return null; });
  controls.appendChild(checkboxes('Relations', usedRel, show.relation, 'filter-relation'));
  controls.appendChild(checkboxes('Circles', RING_NAMES, show.ring, 'filter-ring'));
  controls.appendChild(checkboxes(M.facet, M.categories.map(function (c) { return cat(c.name); }), show.cat, 'filter-category'));
  var zb = h('fieldset', null, h('legend', null, 'Zoom'));
  [['+', function () { zoomBy(1.25); }], ['\u2212', function () { zoomBy(0.8); }], ['reset', function () { zoom = { k: 1, x: 0, y: 0 }; applyZoom(); }]]
    .forEach(function (b) { var btn = h('button', { type: 'button' }, b[0]); btn.addEventListener('click', b[1]); zb.appendChild(btn); });
  controls.appendChild(zb);

  // ---- Who is here ----------------------------------------------------------------------------
  (function () {
    var el = sectionEl('who-is-here'), S = D.summary;
    if (S.unavailable) return append(el, unavailable(S));
    var c = S.circles;
    var members = c.core + c.inner + c.outer;
    var text = 'The landscape holds ' + plural(S.stakeholders, 'stakeholder') + ' and ' + plural(D.meta.ties, 'tie') + '. ';
    if (members) text += 'The community has ' + fmt(members) + ' members: ' + fmt(c.core) + ' in the core group, ' + fmt(c.inner) +
      ' in the inner circle and ' + fmt(c.outer) + ' in the outer circle; ' + fmt(c.none) + ' stakeholders of the landscape are not members.';
    else text += 'No circles are declared, so everyone counts as the landscape.';
    var lv = S.levels;
    text += ' By level: ' + fmt(lv.local) + ' local, ' + fmt(lv.state) + ' state, ' + fmt(lv.national) + ' national' + (lv.unknown ? ', ' + fmt(lv.unknown) + ' unknown' : '') + '.';
    var st = S.stances;
    text += ' By stance: ' + fmt(st.ally) + ' allies, ' + fmt(st.neutral) + ' neutral, ' + fmt(st.skeptic) + ' skeptics.';
    append(el, para(text));
    S.facets.forEach(function (f) {
      var rows = f.rows.slice().sort(function (a, b) { return b.total - a.total; });
      append(el, table('By ' + f.facet, [{ key: 'category', title: f.facet, fmt: cat }, { key: 'core', title: 'core', num: true },
        { key: 'inner', title: 'inner', num: true }, { key: 'outer', title: 'outer', num: true },
        { key: 'none', title: 'not members', num: true }, { key: 'total', title: 'landscape', num: true }], rows.slice(0, 40),
        rows.length > 40 ? (rows.length - 40) + ' more categories not listed.' : null));
    });
    if (S.merged_spellings && S.merged_spellings.length)
      append(el, para('Spellings read as one: ' + S.merged_spellings.map(function (m) { return m.facet + ': ' + m.spellings.join(' / '); }).join('; ') + '.', 'note'));
  })();

  // ---- Who isn't here -------------------------------------------------------------------------
  (function () {
    var el = sectionEl('who-isnt-here'), G = D.gaps;
    if (G.unavailable) return append(el, unavailable(G));
    var text = '';
    if (G.missing.length)
      text += 'Missing from the core and inner circles: ' + G.missing.map(function (m) {
        return m.facet + ' "' + m.category + '"' + (m.landscape ? ' (' + m.landscape + ' in the landscape, ' + m.outer + ' in the outer circle)' : ' (not even in the landscape)');
      }).join('; ') + '. ';
    else text += 'Every expected category has someone in the core or inner circle. ';
    if (G.under_represented.length)
      text += 'Under-represented: ' + G.under_represented.map(function (u) { return u.facet + ' "' + u.category + '" at ' + fmt(u.ratio) + ' of its share of the landscape'; }).join('; ') + '. ';
    if (G.candidates.length) text += 'Whom to invite first: ' + who(G.candidates[0].id) + ', because ' + G.candidates[0].reasons.map(function (r) { return r.text; }).join(', ') + '.';
    append(el, para(text));
    append(el, table('Representation (core + inner circles against the landscape)', [
      { key: 'facet', title: 'facet' }, { key: 'category', title: 'category', fmt: cat },
      { key: 'landscape', title: 'landscape', num: true }, { key: 'core', title: 'core', num: true },
      { key: 'inner', title: 'inner', num: true }, { key: 'outer', title: 'outer', num: true },
      { key: function (r) { return r.ratio.leading; }, title: 'ratio to landscape share', num: true },
      { key: 'status', title: 'status' }], G.representation));
    append(el, table('Whom to invite, and why', [
      { key: 'id', title: 'stakeholder', fmt: who }, { key: 'score', title: 'score', num: true },
      { key: 'ties_to_members', title: 'ties to members', num: true },
      { key: function (r) { return r.reasons.map(function (x) { return x.text; }).join('; '); }, title: 'reasons' }], G.candidates));
    if (G.fragile.length)
      append(el, table('What would break: members whose leaving splits the community', [
        { key: 'id', title: 'stakeholder', fmt: who }, { key: 'circle', title: 'circle' },
        { key: 'splits_into', title: 'pieces', num: true }], G.fragile.slice(0, 25)));
  })();

  // ---- How far does our message reach ----------------------------------------------------------
  (function () {
    var el = sectionEl('reach'), R = D.reach;
    if (R.unavailable) append(el, unavailable(R));
    else {
      var total = D.meta.stakeholders;
      var steps = R.steps;
      var text = 'A message from the ' + plural(R.sources, 'member') + ' of the core group reaches ' + fmt(steps[0].count) + ' of ' + fmt(total) +
        ' stakeholders (' + pct(steps[0].count / total) + ') in one step, ' + fmt(steps[1].count) + ' (' + pct(steps[1].count / total) +
        ') within two, and ' + fmt(steps[2].count) + ' (' + pct(steps[2].count / total) + ') at any distance.';
      var two = steps[1].by_facet.filter(function (r) { return r.total > 0; }).sort(function (a, b) { return a.share - b.share; });
      if (two.length) text += ' Within two steps it reaches least of ' + D.meta.facet + ' "' + cat(two[0].category) + '" (' + pct(two[0].share) + ').';
      append(el, para(text));
      var rowsBy = function (key) {
        return steps[0][key].map(function (r, j) {
          return { category: r.category, total: r.total, one: steps[0][key][j].share, two: steps[1][key][j].share, any: steps[2][key][j].share };
        });
      };
      var cols = function (title) {
        return [{ key: 'category', title: title, fmt: cat }, { key: 'total', title: 'stakeholders', num: true },
          { key: 'one', title: 'in 1 step', num: true, fmt: pct }, { key: 'two', title: 'within 2', num: true, fmt: pct },
          { key: 'any', title: 'at any distance', num: true, fmt: pct }];
      };
      append(el, table('Reached from the core group, by circle', cols('circle'), rowsBy('by_circle')));
      append(el, table('Reached from the core group, by ' + D.meta.facet, cols(D.meta.facet), rowsBy('by_facet')));
    }
    append(el, h('h3', null, 'Whom to convene'));
    var L = D.leverage;
    if (L.unavailable) append(el, unavailable(L));
    else {
      append(el, para('Convened together, these ' + plural(L.conveners.length, 'stakeholder') + ' (chosen among the ' + L.among +
        ') would reach about ' + fmt(L.expected, 1) + ' stakeholders on average (' + pct(L.expected / D.meta.stakeholders) +
        ', independent cascade over ' + fmt(L.runs) + ' simulated runs along ' + L.relations.join(', ') + ', tie weights as chances).'));
      append(el, table('Best conveners, in the order chosen', [{ key: 'id', title: 'stakeholder', fmt: who },
        { key: 'gain', title: 'added reach', num: true, fmt: function (v) { return fmt(v, 1); } }],
        L.conveners.map(function (id, j) { return { id: id, gain: L.gains[j] }; })));
    }
    append(el, h('h3', null, 'Two-way flow between levels'));
    var F = D.flow;
    if (F.unavailable) return append(el, unavailable(F));
    var flowText = function (f) {
      if (!f.senders || !f.receivers) return 'no ' + (f.senders ? f.to : f.from) + ' members';
      return f.hops_to_target !== null ? 'half of them within ' + plural(f.hops_to_target, 'step') : 'never half of them';
    };
    var rows = [];
    F.pairs.forEach(function (p) { rows.push(p.forward); rows.push(p.backward); });
    append(el, para(rows.slice(0, 2).map(function (f) { return f.to + ' members hear ' + f.from + ' members: ' + flowText(f) + ' (' + pct(f.share) + ' reached at all)'; }).join('; ') + '.'));
    append(el, table('From the members at one level to those at another', [{ key: 'from', title: 'from' }, { key: 'to', title: 'to' },
      { key: 'senders', title: 'senders', num: true }, { key: 'receivers', title: 'receivers', num: true },
      { key: 'hops_to_target', title: 'steps to half', num: true }, { key: 'share', title: 'reached', num: true, fmt: pct }], rows));
  })();

  // ---- Where do we cross boundaries -----------------------------------------------------------
  (function () {
    var el = sectionEl('boundaries'), B = D.boundaries;
    if (B.unavailable) return append(el, unavailable(B));
    var text = 'The E-I index by ' + B.facet + ' is ' + fmt(B.ei_index) + ' (from -1, every tie within a group, to +1, every tie across): ' +
      fmt(B.external) + ' ties cross a boundary and ' + fmt(B.internal) + ' stay within. ' +
      'Groups of these sizes tied at random would give ' + fmt(B.ei_expected) + ', so ties ' +
      (B.ei_index < B.ei_expected ? 'stay within groups more than chance would have them' : 'cross boundaries at least as often as chance') + '. ';
    if (B.spanners.length) text += 'The leading boundary spanner is ' + who(B.spanners[0].id) + ', on ' + pct(B.spanners[0].cross_group_share) + ' of the shortest paths between groups.';
    append(el, para(text));
    append(el, table('E-I index by ' + B.facet, [{ key: 'group', title: B.facet, fmt: cat }, { key: 'size', title: 'stakeholders', num: true },
      { key: 'internal', title: 'ties within', num: true }, { key: 'external', title: 'ties across', num: true }, { key: 'ei_index', title: 'E-I', num: true }], B.groups));
    var lv = ['local', 'state', 'national'];
    append(el, table('Ties between levels (from row to column)', [{ key: 'from', title: 'from \\ to' }].concat(lv.map(function (l) { return { key: l, title: l, num: true }; })),
      lv.map(function (f) { var r = { from: f }; lv.forEach(function (t2) { r[t2] = B.levels[f][t2]; }); return r; }),
      B.levels_unknown ? B.levels_unknown + ' ties have an end of unknown level.' : null));
    append(el, table('Boundary spanners (share of shortest paths between groups through them)', [{ key: 'id', title: 'stakeholder', fmt: who },
      { key: 'cross_group_share', title: 'between groups', num: true, fmt: pct }, { key: 'betweenness', title: 'betweenness', num: true, fmt: function (v) { return fmt(v, 1); } },
      { key: 'categories', title: 'groups touched', num: true }], B.spanners.slice(0, 10),
      B.sampled_sources ? "Betweenness estimated from " + B.sampled_sources + " sampled sources." : null));
    append(el, table('Brokers (Gould & Fernandez roles, open two-paths)', [{ key: 'id', title: 'stakeholder', fmt: who },
      { key: 'coordinator', title: 'coordinator', num: true }, { key: 'itinerant', title: 'itinerant', num: true },
      { key: 'gatekeeper', title: 'gatekeeper', num: true }, { key: 'representative', title: 'representative', num: true },
      { key: 'liaison', title: 'liaison', num: true }, { key: 'total', title: 'total', num: true }], B.brokerage.slice(0, 10),
      'The ' + Math.min(10, B.brokerage.length) + ' leading brokers of ' + fmt(B.stakeholders_total) + ' stakeholders.'));
  })();

  // ---- Do our circles fit our ties --------------------------------------------------------------
  (function () {
    var el = sectionEl('circles'), C = D.circles;
    if (C.unavailable) return append(el, unavailable(C));
    var f = C.fits;
    var word = function (x) { return x === null ? 'cannot be measured' : x >= 0.6 ? 'fit the ties well' : x >= 0.3 ? 'fit the ties in part' : 'fit the ties poorly'; };
    append(el, para('The declared circles ' + word(f.core_inner_vs_outer) + ': a core/periphery fit of ' + fmt(f.core_inner_vs_outer) +
      ' (1 would mean that members of the core and inner circles are tied to each other and the outer circle only to them; Borgatti & Everett). ' +
      'The best partition copnet found fits ' + fmt(f.best) + '. ' +
      (C.suggestions.length ? plural(C.suggestions_total, 'move is', 'moves are') + ' suggested; the first: ' + who(C.suggestions[0].id) + ' from ' + C.suggestions[0].from + ' to ' + C.suggestions[0].to + ' (' + C.suggestions[0].why + ').' : 'No move is suggested.')));
    append(el, table('Fit of the circles (correlation with an ideal core/periphery pattern)', [{ key: 'name', title: 'partition' }, { key: 'value', title: 'fit', num: true }],
      [{ name: 'core + inner vs outer', value: f.core_inner_vs_outer }, { name: 'core vs the rest', value: f.core_vs_rest }, { name: 'best found', value: f.best }]));
    append(el, table('Suggested moves', [{ key: 'id', title: 'stakeholder', fmt: who }, { key: 'from', title: 'from' }, { key: 'to', title: 'to' }, { key: 'why', title: 'why' }],
      C.suggestions.slice(0, 25), C.suggestions_total > 25 ? (C.suggestions_total - 25) + ' more moves not listed.' : null));
    append(el, table('Density within and between circles', [{ key: 'from', title: 'from' }, { key: 'to', title: 'to' }, { key: 'pairs', title: 'pairs', num: true },
      { key: 'tied', title: 'tied', num: true }, { key: 'density', title: 'density', num: true }], C.density));
  })();

  // ---- How are we doing over time -------------------------------------------------------------
  (function () {
    var el = sectionEl('over-time'), H = D.health;
    if (H.unavailable) return append(el, unavailable(H));
    var W = H.windows;
    if (!W.length) return append(el, para('The event log has no events in its windows.'));
    var last = W[W.length - 1], first = W[0];
    append(el, para('Over ' + plural(W.length, 'window') + ' of the event log, the active stakeholders went from ' + fmt(first.active) + ' to ' + fmt(last.active) +
      '; the last window had ' + plural(last.newcomers, 'newcomer') + ' and half of its events came from ' + plural(last.absence_factor, 'person', 'people') +
      (last.persistence !== null ? '; ' + pct(last.persistence) + ' of its pairs were also in contact the window before' : '') + '.'));
    var cw = 760, ch = 240, pad = 42;
    var maxY = 1;
    W.forEach(function (w) { maxY = Math.max(maxY, w.active, w.newcomers); });
    var chart = s('svg', { class: 'chart', viewBox: '0 0 ' + cw + ' ' + ch, width: cw, height: ch, role: 'img', 'aria-label': 'Active stakeholders and newcomers per window' });
    var xs = function (j) { return pad + (W.length === 1 ? (cw - 2 * pad) / 2 : j * (cw - 2 * pad) / (W.length - 1)); };
    var ys = function (v) { return ch - pad - v * (ch - 2 * pad) / maxY; };
    chart.appendChild(s('line', { class: 'axis', x1: pad, y1: ch - pad, x2: cw - pad, y2: ch - pad }));
    chart.appendChild(s('line', { class: 'axis', x1: pad, y1: pad, x2: pad, y2: ch - pad }));
    [0, maxY].forEach(function (v) { var t3 = s('text', { x: pad - 6, y: ys(v) + 4, 'text-anchor': 'end' }); t3.textContent = v; chart.appendChild(t3); });
    W.forEach(function (w, j) {
      if (W.length > 6 && j % Math.ceil(W.length / 6)) return;
      var t4 = s('text', { x: xs(j), y: ch - pad + 16, 'text-anchor': 'middle' }); t4.textContent = String(w.start).slice(0, 10); chart.appendChild(t4);
    });
    [['active', 'series-active'], ['newcomers', 'series-newcomers']].forEach(function (sr) {
      chart.appendChild(s('polyline', { class: sr[1], points: W.map(function (w, j) { return xs(j).toFixed(1) + ',' + ys(w[sr[0]]).toFixed(1); }).join(' ') }));
    });
    var key = s('text', { x: cw - pad, y: pad - 12, 'text-anchor': 'end' });
    key.textContent = 'solid: active stakeholders; dashed: newcomers';
    chart.appendChild(key);
    append(el, chart);
    append(el, table('Health per window', [{ key: 'start', title: 'from', fmt: function (v) { return String(v).slice(0, 10); } },
      { key: 'events', title: 'events', num: true }, { key: 'active', title: 'active', num: true }, { key: 'newcomers', title: 'newcomers', num: true },
      { key: 'retained', title: 'came back', num: true }, { key: 'persistence', title: 'ties kept', num: true, fmt: pct },
      { key: 'reciprocity', title: 'contacts returned', num: true, fmt: pct }, { key: 'absence_factor', title: 'half the events from', num: true }], W));
  })();
  document.documentElement.setAttribute('data-report', 'ready');
})();
