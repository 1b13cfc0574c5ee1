/*
 * mapper: the side panel of the offline incident map (MIT, part of mapper): counts, legend
 * numbers, the time slider with its histogram, filters, place search, export, the incident
 * list and, on a phone, the bottom sheet. Needs mapper.js (window.Mapper).
 */
(function (root) {
  'use strict';
  var L = root.L, M = root.Mapper, View = M.IncidentView, el = M.el, byId = M.byId, fold = M.fold;
  var FEED_PAGE = 60;  // list entries drawn at a time: a long list costs every filter change
  var LIVE_FILTER_MAX = 3000;  // filter on every slider step up to this many incidents
  var PLAY_MS = 700;
  var PHONE = '(max-width: 760px)';

  function isPhone() { return !!(root.matchMedia && root.matchMedia(PHONE).matches); }

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // ---- counts: header, legend and layer list say the same number ----------------------
  View.prototype.bindCount = function (countId, whyId) {
    var node = byId(countId), why = byId(whyId);
    if (!node) { return; }
    this.onFilter(function (view) {
      node.textContent = view.visible.length + ' of ' + plural(view.items.length, 'incident') + ' shown';
      if (!why) { return; }
      var hidden = view.visible.length < view.items.length ? view.explain() : [];
      why.textContent = hidden.length ? 'hidden by ' + hidden.map(function (h) { return h[0] + ' ' + h[1]; }).join(' · ') : '';
    });
  };

  View.prototype.shownByType = function () {
    var counts = {}, view = this;
    this.visible.forEach(function (i) {
      var t = view.typeIndex(M.typeKey(view.items[i].p));
      counts[t] = (counts[t] || 0) + 1;
    });
    return counts;
  };

  // The legend's and the layer list's per-type numbers both count what the filters show.
  View.prototype.bindLegend = function (id) {
    var node = byId(id);
    this.onFilter(function (view) {
      var counts = view.shownByType();
      var cells = document.querySelectorAll('.mapper-legend-n[data-t], .mapper-type-n[data-t]');
      for (var k = 0; k < cells.length; k++) {
        cells[k].textContent = String(counts[cells[k].getAttribute('data-t')] || 0);
      }
    });
    if (node && isPhone()) { node.open = false; }
  };

  // ---- the phone's bottom sheet ---------------------------------------------------------
  View.prototype.bindSheet = function (sideId, handleId, labelId) {
    var side = byId(sideId), handle = byId(handleId), label = byId(labelId), page = document.documentElement;
    if (!side || !handle) { return; }
    var set = function (open) {
      page.classList.toggle('mapper-sheet-open', open);
      handle.setAttribute('aria-expanded', open ? 'true' : 'false');
    };
    this.sheet = set;
    handle.addEventListener('click', function () { set(!page.classList.contains('mapper-sheet-open')); });
    this.onFilter(function (view) {
      if (label) { label.textContent = 'Filters and list · ' + view.visible.length + ' shown'; }
    });
  };

  // ---- time: one two-handled slider on a time-proportional axis, with a histogram ----------
  function binDays(days) { return days <= 92 ? 1 : days <= 1100 ? 7 : 30; }

  // One bar a day, week or month, placed and sized in proportion to the time it covers.
  function timeBars(hist, days, unit) {
    var bars = [];
    for (var b = 0; b * unit <= days; b++) {
      var bar = el('div', 'mapper-bar'), lo = b * unit, hi = Math.min(days, lo + unit - 1);
      bar.style.left = (100 * lo / (days + 1)) + '%';
      bar.style.width = (100 * (hi - lo + 1) / (days + 1)) + '%';
      hist.appendChild(bar);
      bars.push({node: bar, lo: lo, hi: hi});
    }
    return bars;
  }

  // The histogram counts what every other filter lets through.
  View.prototype._histogram = function (bars, base, unit) {
    var skip = {dates: true, undated: true};
    this.onFilter(function (view) {
      var counts = bars.map(function () { return 0; }), most = 0;
      for (var i = 0; i < view.items.length; i++) {
        var it = view.items[i];
        if (it.day === null || it.p.background || !view.passesExcept(it, skip)) { continue; }
        var at = Math.floor((it.day - base) / unit);
        if (at >= 0 && at < counts.length) { counts[at]++; }
      }
      counts.forEach(function (n) { most = Math.max(most, n); });
      bars.forEach(function (bb, k) {
        bb.node.style.height = (most ? Math.max(counts[k] ? 8 : 0, 100 * counts[k] / most) : 0) + '%';
        bb.node.title = M.dateOf(base + bb.lo) + (bb.hi > bb.lo ? ' – ' + M.dateOf(base + bb.hi) : '') +
          ': ' + plural(counts[k], 'incident');
      });
    });
  };

  // ▶ steps a window as wide as the selection (one bar when it is everything) through time.
  function bindPlay(play, slider, unit) {
    var timer = null, label = '▶ Play by ' + (unit === 1 ? 'day' : unit === 7 ? 'week' : 'month');
    var stop = function () {
      if (timer) { root.clearInterval(timer); timer = null; }
      play.setAttribute('aria-pressed', 'false');
      play.textContent = label;
    };
    play.textContent = label;
    play.addEventListener('click', function () {
      if (timer) { stop(); return; }
      var v = slider.values(), width = (v[1] - v[0] === slider.days) ? unit - 1 : v[1] - v[0];
      slider.set(0, width);
      play.setAttribute('aria-pressed', 'true');
      play.textContent = '❚❚ Pause';
      timer = root.setInterval(function () {
        var w = slider.values();
        if (w[1] >= slider.days) { stop(); return; }
        slider.set(w[0] + unit, Math.min(slider.days, w[1] + unit));
      }, PLAY_MS);
    });
    return stop;
  }

  View.prototype.bindTime = function (opts) {
    var self = this, undated = byId('mapper-undated');
    if (undated) {
      undated.addEventListener('change', function () { self.setFilter({undated: undated.checked}); });
      this.onReset(function () { undated.checked = true; });
    }
    var from = byId('mapper-date-from'), to = byId('mapper-date-to');
    if (!from || !to || !opts.days) { return; }
    var base = M.dayOf(opts.first), days = opts.days, unit = binDays(days);
    var fill = byId('mapper-range-fill'), span = byId('mapper-date-span'), play = byId('mapper-play');
    var bars = timeBars(byId('mapper-hist'), days, unit), stop = function () {};
    var slider = {days: days, values: function () {
      var a = parseInt(from.value, 10), c = parseInt(to.value, 10);
      return [Math.min(a, c), Math.max(a, c)];
    }};
    var paint = function () {
      var v = slider.values();
      fill.style.left = (100 * v[0] / (days + 1)) + '%';
      fill.style.width = (100 * (v[1] - v[0] + 1) / (days + 1)) + '%';
      byId('mapper-date-from-label').textContent = M.dateOf(base + v[0]);
      byId('mapper-date-to-label').textContent = M.dateOf(base + v[1]);
      if (span) { span.textContent = plural(v[1] - v[0] + 1, 'day'); }
      bars.forEach(function (bb) { bb.node.classList.toggle('mapper-bar-in', bb.hi >= v[0] && bb.lo <= v[1]); });
    };
    var apply = function () {
      var v = slider.values();
      self.setFilter({lo: v[0] === 0 ? null : base + v[0], hi: v[1] === days ? null : base + v[1]});
    };
    slider.set = function (a, c) { from.value = a; to.value = c; paint(); apply(); };
    var moved = function (input, final) {
      if (parseInt(from.value, 10) > parseInt(to.value, 10)) {
        if (input === from) { to.value = from.value; } else { from.value = to.value; }
      }
      paint();
      if (final || self.items.length <= LIVE_FILTER_MAX) { apply(); }
    };
    [from, to].forEach(function (input) {
      input.addEventListener('input', function () { moved(input, false); });
      input.addEventListener('change', function () { moved(input, true); });
    });
    if (play) { stop = bindPlay(play, slider, unit); }
    var all = byId('mapper-date-all');
    if (all) { all.addEventListener('click', function () { stop(); slider.set(0, days); }); }
    this.onReset(function () { stop(); from.value = 0; to.value = days; paint(); });
    this._histogram(bars, base, unit);
    paint();
  };

  // ---- filters: status, actor, fatalities, country ---------------------------------------
  View.prototype.bindFilters = function (sectionId) {
    var self = this, box = byId(sectionId);
    if (!box) { return; }
    var statuses = box.querySelectorAll('input[data-status]');
    var actor = byId('mapper-actor'), fatal = byId('mapper-fatal'), country = byId('mapper-country');
    var reset = byId('mapper-reset'), pending = null;
    var status = function () {
      var s = {};
      for (var k = 0; k < statuses.length; k++) { s[statuses[k].getAttribute('data-status')] = statuses[k].checked; }
      self.setFilter({status: s});
    };
    for (var k = 0; k < statuses.length; k++) { statuses[k].addEventListener('change', status); }
    if (actor) {
      actor.addEventListener('input', function () {
        root.clearTimeout(pending);
        pending = root.setTimeout(function () { self.setFilter({actor: fold(actor.value)}); }, 120);
      });
    }
    if (fatal) {
      fatal.addEventListener('input', function () {
        var n = parseInt(fatal.value, 10);
        self.setFilter({fatal: isNaN(n) || n < 0 ? 0 : n});
      });
    }
    if (country) { country.addEventListener('change', function () { self.setFilter({country: country.value}); }); }
    if (reset) { reset.addEventListener('click', function () { self.resetFilters(); }); }
    this.onReset(function () {
      for (var j = 0; j < statuses.length; j++) { statuses[j].checked = true; }
      if (actor) { actor.value = ''; }
      if (fatal) { fatal.value = 0; }
      if (country) { country.value = ''; }
    });
  };

  // ---- place search: incident places, theatre names and aliases, gazetteer towns ----------
  var ZOOM = {country: 5, capital: 10, town: 11, theatre: 11, incident: 11};
  var KIND_ORDER = {incident: 0, theatre: 1, country: 2, capital: 3, town: 4};

  // Every searchable place once, under each of its folded names: {entries, keys: [[key, index]]}.
  function searchIndex(view, sources) {
    var index = {entries: [], keys: []};
    var add = function (entry, names) {
      var idx = index.entries.push(entry) - 1, own = {};
      names.forEach(function (name) {
        var key = fold(name);
        if (key && !own[key]) { own[key] = true; index.keys.push([key, idx]); }
      });
    };
    view.ready.then(function () {
      var byPlace = {};
      view.items.forEach(function (it) {
        var key = fold(it.p.location);
        if (!key) { return; }
        if (!byPlace[key]) {
          byPlace[key] = {name: it.p.location, kind: 'incident', pts: [], note: it.p.country || ''};
          add(byPlace[key], [it.p.location]);
        }
        byPlace[key].pts.push([it.lat, it.lon]);
      });
      (sources || []).forEach(function (list) {
        (list || []).forEach(function (pl) {
          add({name: pl.name, kind: pl.kind, lat: pl.lat, lon: pl.lon, bounds: pl.bounds, note: pl.note || ''},
            [pl.name].concat(pl.aliases || []));
        });
      });
    });
    return index;
  }

  // Exact names first, then names that start with the query, then names that hold it;
  // incident places before the overlay's and the gazetteer's (already ranked by size).
  function findPlaces(index, query, most) {
    var q = fold(query), rank = [[], [], []], seen = {}, found = [], entries = index.entries;
    if (!q) { return found; }
    for (var k = 0; k < index.keys.length; k++) {
      var key = index.keys[k][0], at = key.indexOf(q);
      if (at === -1 || (at > 0 && q.length < 3)) { continue; }
      var r = key === q ? 0 : at === 0 ? 1 : 2;
      if (!seen[index.keys[k][1]]) { seen[index.keys[k][1]] = true; rank[r].push(index.keys[k][1]); }
    }
    rank.forEach(function (list) {
      list.sort(function (a, b) { return (KIND_ORDER[entries[a].kind] - KIND_ORDER[entries[b].kind]) || (a - b); });
      list.forEach(function (idx) { if (found.length < most) { found.push(entries[idx]); } });
    });
    return found;
  }

  View.prototype.goToPlace = function (entry) {
    var map = this.map, size = map.getSize(), pad = [Math.min(40, size.x / 8), Math.min(40, size.y / 8)];
    if (entry.pts) {
      map.flyToBounds(L.latLngBounds(entry.pts), {maxZoom: ZOOM.incident, padding: pad, duration: 0.6});
    } else if (entry.bounds) {
      map.flyToBounds(entry.bounds, {maxZoom: 12, padding: pad, duration: 0.6});
    } else {
      map.flyTo([entry.lat, entry.lon], Math.max(map.getZoom(), ZOOM[entry.kind] || 10), {duration: 0.6});
      if (this._found) { this._found.remove(); }
      this._found = L.tooltip({permanent: true, direction: 'top', className: 'mapper-found', interactive: false})
        .setLatLng([entry.lat, entry.lon]).setContent(el('span', null, entry.name)).addTo(map);
    }
    if (this.sheet && isPhone()) { this.sheet(false); }
  };

  View.prototype.bindSearch = function (inputId, resultsId, statusId, sources) {
    var self = this, input = byId(inputId), results = byId(resultsId), status = byId(statusId);
    if (!input) { return; }
    var index = searchIndex(this, sources), found = [], pending = null;
    var go = function (entry) {
      if (status) { status.textContent = entry.name; }
      results.innerHTML = '';
      self.goToPlace(entry);
    };
    var show = function () {
      found = findPlaces(index, input.value, 8);
      results.innerHTML = '';
      found.forEach(function (entry) {
        var li = el('li'), btn = el('button', 'mapper-search-hit');
        btn.type = 'button';
        btn.appendChild(el('span', null, entry.name));
        var what = entry.kind === 'incident' ? plural(entry.pts.length, 'incident') : entry.kind;
        btn.appendChild(el('span', 'mapper-muted', ' ' + [what, entry.note].filter(Boolean).join(', ')));
        btn.addEventListener('click', function () { go(entry); });
        li.appendChild(btn);
        results.appendChild(li);
      });
      if (status) {
        status.textContent = input.value.trim() && !found.length ? 'No place matches “' + input.value.trim() + '”.' : '';
      }
    };
    input.addEventListener('input', function () { root.clearTimeout(pending); pending = root.setTimeout(show, 80); });
    input.addEventListener('keydown', function (ev) {
      if (ev.key !== 'Enter') { return; }
      root.clearTimeout(pending);
      show();
      if (found.length) { go(found[0]); }
    });
  };

  // ---- saving what is shown: GeoJSON and CSV, named after the filter -------------------------
  function slug(s) { return String(s).replace(/[^0-9A-Za-z]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase(); }

  View.prototype.filterName = function () {
    var f = this.filter, view = this, shownTypes = this.types.filter(function (t) { return f.type[t.name]; });
    var dates = (f.lo === null && f.hi === null) ? 'all-dates' :
      (f.lo === null ? 'start' : M.dateOf(f.lo)) + '_to_' + (f.hi === null ? 'end' : M.dateOf(f.hi));
    var types = shownTypes.length === view.types.length ? 'all-types' :
      shownTypes.length > 3 ? shownTypes.length + '-types' : shownTypes.map(function (t) { return slug(t.name); }).join('+') || 'no-types';
    var other = !f.undated || f.actor || f.fatal || f.country ||
      M.STATUSES.some(function (s) { return !f.status[s]; });
    return [this.options.filename || 'mapper-incidents', dates, types].join('_') + (other ? '_filtered' : '');
  };

  View.prototype.filterRecord = function () {
    var f = this.filter, view = this;
    return {types: this.types.filter(function (t) { return f.type[t.name]; }).map(function (t) { return t.name; }),
      from: f.lo === null ? null : M.dateOf(f.lo), to: f.hi === null ? null : M.dateOf(f.hi),
      undated: f.undated, background: f.background,
      status: M.STATUSES.filter(function (s) { return f.status[s]; }),
      actor: f.actor || null, fatalities_at_least: f.fatal || 0, country: f.country || null,
      shown: view.visible.length, total: view.items.length};
  };

  function csvCell(v) {
    if (v === null || v === undefined) { return ''; }
    if (typeof v === 'boolean') { return v ? 'True' : 'False'; }
    var s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  View.prototype.csv = function () {
    var cols = this.exportColumns, lines = [cols.map(csvCell).join(',')], items = this.items, view = this;
    this.visible.forEach(function (i) {
      var props = view.exportProperties(items[i]);
      lines.push(cols.map(function (c) { return csvCell(props[c]); }).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  };

  function save(text, type, name) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var a = el('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    root.setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  View.prototype.bindExport = function (geojsonId, csvId) {
    var self = this, geo = byId(geojsonId), csv = byId(csvId);
    if (geo) {
      geo.addEventListener('click', function () {
        var fc = self.featureCollection(true);
        fc.mapper_filter = self.filterRecord();
        save(JSON.stringify(fc, null, 1), 'application/geo+json', self.filterName() + '.geojson');
      });
    }
    if (csv) { csv.addEventListener('click', function () { save(self.csv(), 'text/csv', self.filterName() + '.csv'); }); }
  };

  // ---- the incident list ---------------------------------------------------------------------
  View.prototype.orderedVisible = function (newest) {
    var items = this.items, dated = [], undated = [];
    this.visible.forEach(function (i) { (items[i].day === null ? undated : dated).push(i); });
    if (newest) { dated.reverse(); }  // the payload is sorted oldest first
    return dated.concat(undated);
  };

  function feedItem(view, item) {
    var p = item.p;
    var li = el('li', 'mapper-feed-item mapper-' + item.status + (p.background ? ' mapper-bg' : ''));
    li.setAttribute('data-i', String(item.i));
    var btn = el('button', 'mapper-feed-btn');
    btn.type = 'button';
    btn.setAttribute('data-i', String(item.i));
    var top = el('span', 'mapper-feed-top');
    top.appendChild(el('span', 'mapper-swatch mapper-t' + view.typeIndex(M.typeKey(p))));
    top.appendChild(el('span', 'mapper-feed-date', (p.event_date || 'undated') + ((p.time_precision || 1) > 1 ? ' ~' : '')));
    top.appendChild(el('span', 'mapper-feed-loc', M.placeText(p)));
    btn.appendChild(top);
    btn.appendChild(el('span', 'mapper-feed-type', [p.event_type, p.sub_event_type].filter(Boolean).join(' · ') +
      (p.fatalities ? ' · ' + p.fatalities + ' killed' : '')));
    if (item.status !== 'fact') { btn.appendChild(el('span', 'mapper-feed-status', M.statusText(p))); }
    var notes = M.tidyNotes(p.notes).text;
    if (notes) { btn.appendChild(el('span', 'mapper-feed-notes', notes)); }
    li.appendChild(btn);
    return li;
  }

  View.prototype.bindFeed = function (listId, moreId, sortId, emptyId) {
    var list = byId(listId), more = byId(moreId), sort = byId(sortId), empty = byId(emptyId);
    var self = this, limit = FEED_PAGE, order = [];
    if (!list) { return; }
    var render = function () {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      order = self.orderedVisible(!sort || sort.value !== 'oldest');
      var n = Math.min(limit, order.length);
      for (var k = 0; k < n; k++) { list.appendChild(feedItem(self, self.items[order[k]])); }
      if (more) {
        more.hidden = order.length <= n;
        more.textContent = 'Show more (' + (order.length - n) + ' left)';
      }
      if (empty) {
        empty.hidden = order.length > 0;
        while (empty.firstChild) { empty.removeChild(empty.firstChild); }
        if (!order.length) {
          var why = self.explain().map(function (h) { return h[0] + ' hides ' + h[1]; }).join(', ');
          empty.appendChild(el('p', null, 'No incident matches the filters' + (why ? ': ' + why + '.' : '.')));
          var reset = el('button', 'mapper-action', 'Reset all filters');
          reset.type = 'button';
          reset.addEventListener('click', function () { self.resetFilters(); });
          empty.appendChild(reset);
        }
      }
      mark(self.selected, false);
    };
    var mark = function (i, scroll) {
      var old = list.querySelector('.mapper-selected');
      if (old) { old.classList.remove('mapper-selected'); }
      if (i === null || i === undefined) { return; }
      var at = order.indexOf(i);
      if (at === -1) { return; }
      if (at >= limit) { limit = at + 1; render(); return; }
      var li = list.querySelector('li[data-i="' + i + '"]');
      if (!li) { return; }
      li.classList.add('mapper-selected');
      var box = list.closest ? list.closest('.mapper-side-body') : null;
      if (scroll && box && box.clientHeight) {
        var top = li.offsetTop - box.offsetTop, bottom = top + li.offsetHeight;
        if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) { box.scrollTop = Math.max(0, top - 40); }
      }
    };
    list.addEventListener('click', function (ev) {
      var btn = ev.target.closest ? ev.target.closest('button[data-i]') : null;
      if (!btn) { return; }
      if (self.sheet && isPhone()) { self.sheet(false); }
      self.focus(parseInt(btn.getAttribute('data-i'), 10));
    });
    if (more) { more.addEventListener('click', function () { limit += FEED_PAGE; render(); }); }
    if (sort) { sort.addEventListener('change', function () { limit = FEED_PAGE; render(); }); }
    this.onFilter(function () { limit = FEED_PAGE; render(); });
    this.onSelect(function (i) { mark(i, true); });
  };
}(window));
