/*
 * mapper: the offline incident map's incidents, filters, popups and fly-to (MIT, part of mapper).
 *
 * Python (mapper/webmap) embeds the incidents as one compact payload and calls
 * the functions below from folium MacroElement templates; panel.js binds the
 * side panel and basemap.js draws the basemap. Every string taken from a report
 * reaches the page through textContent or an attribute, never as HTML, so a
 * quote holding markup shows as text and runs nothing.
 */
(function (root) {
  'use strict';
  var L = root.L;

  var DAY_MS = 86400000;
  var TIME_FLAG = {2: '± a week', 3: '± a month or more'};
  var GEO_FLAG = {2: 'near the place, or somewhere in it', 3: 'only the larger region is known'};
  // A point incident is framed at a zoom that shows its surroundings: a town, an area, a region.
  var FOCUS_ZOOM = {1: 11, 2: 9, 3: 7};
  var STATUSES = ['fact', 'claim', 'disputed'];
  var BATCH = 300;  // marker changes above which the clusters are rebuilt off the map
  var FOLD = {'ə': 'a', 'ı': 'i', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'æ': 'ae',
    'œ': 'oe', 'ß': 'ss', 'ʼ': "'", '’': "'", '‘': "'", 'ʻ': "'", '`': "'", '–': '-', '—': '-'};

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function byId(id) { return document.getElementById(id); }

  // Case- and accent-insensitive key of a name ("Şuşa" and "susa", "Bogotá" and "bogota").
  function fold(s) {
    s = String(s === null || s === undefined ? '' : s).toLowerCase();
    s = s.replace(/[əıøłđðþæœßʼ’‘ʻ`–—]/g, function (c) { return FOLD[c]; });
    if (s.normalize) { s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''); }
    return s.replace(/\s+/g, ' ').trim();
  }

  function dayOf(date) {
    if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) { return null; }
    var t = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
    return isNaN(t) ? null : Math.round(t / DAY_MS);
  }

  function dateOf(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }

  // The legend and layer name of an incident's type (an untyped incident is "Unknown").
  function typeKey(p) { return p.event_type || 'Unknown'; }

  // Only web links are followed; anything else (javascript:, data:) stays text.
  function safeUrl(url) { return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null; }

  // ---- the payload -------------------------------------------------------
  function decode(payload) {
    var cols = payload.columns, strings = payload.strings, rows = payload.rows;
    var refs = {}, meta = {};
    (payload.string_columns || []).forEach(function (c) { refs[c] = true; });
    var str = function (i) { return i === null || i === undefined ? null : strings[i]; };
    (payload.reports || []).forEach(function (r) {
      meta[r[0]] = {title: str(r[1]), published: str(r[2]), url: str(r[3])};
    });
    var n = cols.length, items = new Array(rows.length);
    for (var r = 0; r < rows.length; r++) {
      var row = rows[r], p = {};
      for (var j = 0; j < n; j++) {
        var v = row[j];
        p[cols[j]] = (refs[cols[j]] && v !== null) ? strings[v] : v;
      }
      p.disputed = !!p.disputed;
      p.background = !!p.background;
      var flat = row[n + 2] || [], sources = [];
      for (var k = 0; k + 3 < flat.length; k += 4) {
        var m = meta[flat[k]] || {};
        sources.push({report: str(flat[k]), quote: str(flat[k + 1]), start: flat[k + 2], end: flat[k + 3],
          title: m.title || null, published: m.published || null, url: m.url || null});
      }
      items[r] = {i: r, p: p, lat: row[n], lon: row[n + 1], sources: sources,
        geometry: row[n + 3], extra: row[n + 4], day: dayOf(p.event_date),
        status: p.disputed ? 'disputed' : (p.claimed_by ? 'claim' : 'fact'),
        actors: null,  // folded on first use by the actor filter
        weight: (p.fatalities > 0 ? p.fatalities : 0) + 1};
    }
    return items;
  }

  // The payload is inline JSON, or (for big maps) gzip-compressed JSON in base64.
  function loadPayload(payload) {
    if (!payload.gzip) { return Promise.resolve(payload); }
    if (typeof DecompressionStream === 'undefined') {
      return Promise.reject(new Error('it needs DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 or newer)'));
    }
    var bin = atob(payload.gzip), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text().then(JSON.parse);
  }

  // ---- popups --------------------------------------------------------------
  function row(dl, label, value, flag) {
    if (value === null || value === undefined || value === '') { return; }
    dl.appendChild(el('dt', null, label));
    var dd = el('dd', null, value);
    if (flag) { dd.appendChild(el('span', 'mapper-flag', flag)); }
    dl.appendChild(dd);
  }

  function statusText(p) {
    if (p.disputed) {
      return 'Disputed claim' + (p.claimed_by ? ' by ' + p.claimed_by : '') +
        (p.disputed_by ? '; disputed by ' + p.disputed_by : '');
    }
    if (p.claimed_by) { return 'Claim by ' + p.claimed_by; }
    return 'Reported as fact';
  }

  // The place once: "Iraq", not "Iraq, Iraq"; "Bogotá, Colombia".
  function placeText(p) {
    var loc = p.location || '', country = p.country || '';
    if (!country || fold(loc).indexOf(fold(country)) !== -1) { return loc || country; }
    return loc ? loc + ', ' + country : country;
  }

  // Notes for people: a clause said twice is said once, and the pipeline's own messages
  // about its inputs (a contradicted metadata date) go to the details row.
  function tidyNotes(notes) {
    var out = {text: '', processing: [], uncertain: false};
    if (!notes) { return out; }
    var seen = {}, kept = [];
    String(notes).split(/\.\s+(?=[A-Z])/).forEach(function (sentence) {
      sentence = sentence.replace(/\.\s*$/, '').trim();
      if (!sentence) { return; }
      if (/\bmetadata date\b.*\bcontradicted\b/i.test(sentence)) {
        out.processing.push(sentence + '.');
        if (/uncertain/i.test(sentence)) { out.uncertain = true; }
        return;
      }
      var clauses = sentence.split(/;\s*/).filter(function (c) {
        var key = fold(c);
        if (!key || seen[key]) { return false; }
        seen[key] = true;
        return true;
      });
      if (clauses.length) { kept.push(clauses.join('; ') + '.'); }
    });
    out.text = kept.join(' ');
    return out;
  }

  function dateFlag(p, notes) {
    if (!p.event_date) { return null; }
    var flags = [];
    if (TIME_FLAG[p.time_precision]) { flags.push(TIME_FLAG[p.time_precision]); }
    if (notes.uncertain) { flags.push('date uncertain'); }
    return flags.length ? flags.join(', ') : null;
  }

  function sourceItem(s) {
    var li = el('li');
    if (s.title || s.url) {
      var head = el('div', 'mapper-source-title');
      var url = safeUrl(s.url);
      if (url) {
        var a = el('a', null, s.title || url);
        a.href = url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        head.appendChild(a);
      } else {
        head.appendChild(el('span', null, s.title));
      }
      if (s.published) { head.appendChild(el('span', 'mapper-muted', ' · ' + s.published)); }
      li.appendChild(head);
    }
    li.appendChild(el('blockquote', 'mapper-quote', s.quote));
    li.appendChild(el('cite', null, (s.published && !s.title && !s.url ? s.published + ' · ' : '') +
      (s.report || 'unknown report')));
    return li;
  }

  function popupContent(view, item) {
    var p = item.p, notes = tidyNotes(p.notes);
    var box = el('div', 'mapper-popup');
    var head = el('div', 'mapper-popup-head');
    head.appendChild(el('span', 'mapper-swatch mapper-t' + view.typeIndex(typeKey(p))));
    head.appendChild(el('strong', null, p.event_type || 'Incident'));
    if (p.sub_event_type) { head.appendChild(el('span', 'mapper-sub', ' · ' + p.sub_event_type)); }
    box.appendChild(head);
    box.appendChild(el('div', 'mapper-status mapper-' + item.status, statusText(p)));
    if (p.background) { box.appendChild(el('div', 'mapper-status mapper-bgnote', 'Background: a historical mention, not a current incident')); }
    var dl = el('dl', 'mapper-facts');
    row(dl, 'Date', p.event_date || 'unknown', dateFlag(p, notes));
    row(dl, 'Place', placeText(p), GEO_FLAG[p.geo_precision] || null);
    row(dl, 'Actors', [p.actor1, p.actor2].filter(Boolean).join(' vs ') || null);
    row(dl, 'Fatalities', p.fatalities);
    row(dl, 'Injuries', p.injuries);
    row(dl, 'Notes', notes.text);
    box.appendChild(dl);
    if (item.sources.length) {
      box.appendChild(el('div', 'mapper-sources-head', item.sources.length === 1 ? 'Source' : item.sources.length + ' sources'));
      var ol = el('ol', 'mapper-sources');
      item.sources.forEach(function (s) { ol.appendChild(sourceItem(s)); });
      box.appendChild(ol);
    }
    var details = el('details', 'mapper-details');
    details.appendChild(el('summary', null, 'Details'));
    var more = el('dl', 'mapper-facts');
    row(more, 'ID', p.id);
    row(more, 'Precision', 'time ' + (p.time_precision || '?') + ', place ' + (p.geo_precision || '?') + ' (ACLED codes)');
    item.sources.forEach(function (s) {
      if (s.start !== null && s.start !== undefined) {
        row(more, 'Passage', (s.report || '?') + ' [' + s.start + '–' + s.end + ']');
      }
    });
    notes.processing.forEach(function (n) { row(more, 'Processing', n); });
    details.appendChild(more);
    box.appendChild(details);
    return box;
  }

  // ---- markers and clusters ---------------------------------------------------
  // The lines and areas of a geometry (points are the marker's job), or null.
  function drawable(g) {
    if (!g || /Point$/.test(g.type)) { return null; }
    if (g.type !== 'GeometryCollection') { return g; }
    var parts = (g.geometries || []).map(drawable).filter(Boolean);
    return parts.length ? {type: 'GeometryCollection', geometries: parts} : null;
  }

  function clusterIcon(view) {
    return function (cluster) {
      var markers = cluster.getAllChildMarkers(), counts = {}, total = markers.length;
      for (var m = 0; m < markers.length; m++) {
        var t = markers[m].mapperType;
        counts[t] = (counts[t] || 0) + 1;
      }
      var stops = [], at = 0;
      view.types.forEach(function (t, idx) {
        if (!counts[idx]) { return; }
        var to = at + 360 * counts[idx] / total;
        stops.push(t.color + ' ' + at.toFixed(1) + 'deg ' + to.toFixed(1) + 'deg');
        at = to;
      });
      var n = cluster.getChildCount();
      var size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
      var ring = el('div', 'mapper-cluster-ring');
      ring.style.background = 'conic-gradient(' + stops.join(', ') + ')';
      ring.appendChild(el('span', null, n));
      return L.divIcon({html: ring, className: 'marker-cluster mapper-cluster',
        iconSize: L.point(size, size)});
    };
  }

  var Toggle = L.Layer.extend({
    initialize: function (onChange, attribution) {
      this._onChange = onChange;
      L.setOptions(this, {attribution: attribution || null});
    },
    onAdd: function () { this._onChange(true); },
    onRemove: function () { this._onChange(false); }
  });

  function defaultFilter() {
    return {type: {}, background: false, lo: null, hi: null, undated: true,
      status: {fact: true, claim: true, disputed: true}, actor: '', fatal: 0, country: ''};
  }

  function IncidentView(map, payload, options) {
    this.map = map;
    this.options = options;
    this.types = options.types;            // [{name, color}] in legend order
    this._typeIndex = {};
    var self = this;
    this.types.forEach(function (t, idx) { self._typeIndex[t.name] = idx; });
    this.dates = options.dates;             // sorted distinct event dates
    this.filter = defaultFilter();
    this.visible = [];
    this.selected = null;
    this._listeners = [];
    this._selectListeners = [];
    this._icons = {};
    this._scheduled = false;
    this.cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon(this), showCoverageOnHover: false,
      maxClusterRadius: options.cluster_radius || 80, spiderfyOnMaxZoom: true, chunkedLoading: false
    });
    this.shapes = L.featureGroup();
    // Popups are made on first use: ten thousand unused popups cost start-up time.
    this.cluster.on('click', function (ev) { openAt(map, self._popup(ev.layer)); });
    map.on('popupopen', function (ev) {
      var marker = ev.popup._source;
      if (marker && marker.mapperItem) { self.select(marker.mapperItem.i); }
      avoidControls(map, ev.popup);
    });
    map.addLayer(this.shapes);
    map.addLayer(this.cluster);
    if (options.attribution && map.attributionControl) {
      map.attributionControl.addAttribution(options.attribution);
    }
    this.items = [];
    this.markers = [];
    this.exportColumns = [];
    this.ready = loadPayload(payload).then(function (data) {
      self.items = decode(data);
      self.exportColumns = data.export_columns || data.columns;
      self.markers = self.items.map(function (item) { return self._marker(item); });
      self._loaded = true;
      self.refresh();
      return self;
    });
    this.ready.catch(function (err) {
      var node = byId('mapper-count');
      if (node) { node.textContent = 'This browser cannot read the map data: ' + err.message; }
    });
  }

  // Popups fit the map: narrower on a phone, never taller than the map.
  IncidentView.prototype._popupOptions = function () {
    // 54 px for the buttons on the left, 12 on the right, 30 for the popup's own margins
    var size = this.map.getSize();
    var width = Math.max(160, Math.min(360, size.x - 96));
    return {maxWidth: width, minWidth: Math.min(240, width), autoPanPaddingTopLeft: L.point(54, 12),
      autoPanPaddingBottomRight: L.point(12, 24), maxHeight: Math.max(150, Math.min(420, size.y - 130))};
  };

  IncidentView.prototype._popup = function (marker) {
    var self = this, item = marker.mapperItem;
    if (!marker.getPopup()) {
      marker.bindPopup(function () { return popupContent(self, item); }, this._popupOptions());
    } else {
      L.setOptions(marker.getPopup(), this._popupOptions());
    }
    return marker;
  };

  IncidentView.prototype.typeIndex = function (name) {
    var idx = this._typeIndex[name];
    return idx === undefined ? this.types.length - 1 : idx;
  };

  IncidentView.prototype._icon = function (item) {
    var t = this.typeIndex(typeKey(item.p));
    var cls = 'mapper-mk mapper-t' + t + ' mapper-' + item.status + ' mapper-p' + (item.p.geo_precision || 1) +
      (item.p.background ? ' mapper-bg' : '') + (item.drawn ? ' mapper-geom' : '');
    if (!this._icons[cls]) {
      this._icons[cls] = L.divIcon({className: cls, iconSize: [14, 14], html: ''});
    }
    return this._icons[cls];
  };

  IncidentView.prototype.label = function (item) {
    var p = item.p;
    return [p.event_date || 'undated', p.event_type, p.location].filter(Boolean).join(' · ');
  };

  IncidentView.prototype._marker = function (item) {
    var self = this;
    item.drawn = drawable(item.geometry);
    // zIndexOffset: a single incident stays above (and clickable over) any cluster beside it
    var marker = L.marker([item.lat, item.lon], {icon: this._icon(item), title: this.label(item),
      riseOnHover: true, zIndexOffset: 1000});
    marker.mapperType = this.typeIndex(typeKey(item.p));
    marker.mapperItem = item;
    // Lines and regions are drawn whole (dashed when the place is approximate).
    if (item.drawn) {
      var color = this.types[marker.mapperType].color;
      item.shape = L.geoJSON(item.drawn, {
        style: {color: color, weight: 4, opacity: 0.85, fillColor: color, fillOpacity: 0.05,
          dashArray: (item.p.geo_precision || 1) > 1 ? '8 6' : null},
        interactive: true
      });
      item.shape.on('click', function () { self.focus(item.i); });
    }
    return marker;
  };

  IncidentView.prototype.typeLayer = function (name) {
    var self = this;
    this.filter.type[name] = false;
    return new Toggle(function (on) { self.filter.type[name] = on; self.schedule(); });
  };

  IncidentView.prototype.backgroundLayer = function () {
    var self = this;
    return new Toggle(function (on) { self.filter.background = on; self.schedule(); });
  };

  // ---- the heatmap: weighted by fatalities + 1, its colour scale fitted to each view ----
  IncidentView.prototype.heatLayer = function (options) {
    var self = this, map = this.map;
    var rescale = function () { self._rescaleHeat(); };
    return new Toggle(function (on) {
      map.getContainer().classList.toggle('mapper-heat-on', on);
      if (on) {
        self.heat = L.heatLayer(self._heatPoints(), options);
        map.on('moveend', rescale);
        self._rescaleHeat();
        self.heat.addTo(map);
      } else if (self.heat) {
        map.off('moveend', rescale);
        map.removeLayer(self.heat);
        self.heat = null;
      }
      var legend = byId('mapper-heat-legend');
      if (legend) { legend.hidden = !on; }
    });
  };

  IncidentView.prototype._heatPoints = function () {
    var items = this.items;
    return this.visible.map(function (i) { return [items[i].lat, items[i].lon, items[i].weight]; });
  };

  // The colour scale tops out at the 95th percentile of what one cell of the heatmap's own
  // grid holds in this view, so neither one big event nor ten thousand small ones saturate it.
  IncidentView.prototype._rescaleHeat = function () {
    if (!this.heat) { return; }
    var map = this.map, o = this.heat.options, cell = Math.max(4, ((o.radius || 20) + (o.blur || 15)) / 2);
    var size = map.getSize(), sums = {}, items = this.items;
    for (var k = 0; k < this.visible.length; k++) {
      var it = items[this.visible[k]], pt = map.latLngToContainerPoint([it.lat, it.lon]);
      if (pt.x < -cell || pt.y < -cell || pt.x > size.x + cell || pt.y > size.y + cell) { continue; }
      var key = Math.floor(pt.x / cell) + ':' + Math.floor(pt.y / cell);
      sums[key] = (sums[key] || 0) + it.weight;
    }
    var values = Object.keys(sums).map(function (key) { return sums[key]; }).sort(function (a, b) { return a - b; });
    var top = values.length ? values[Math.min(values.length - 1, Math.floor(values.length * 0.95))] : 1;
    top = Math.max(2, top);
    this.heat.setOptions({max: top});
    var centre = map.getCenter();
    var km = cell * 40075 * Math.cos(centre.lat * Math.PI / 180) / (256 * Math.pow(2, map.getZoom()));
    var maxNode = byId('mapper-heat-max'), note = byId('mapper-heat-note');
    if (maxNode) { maxNode.textContent = '≥ ' + top; }
    if (note) {
      note.textContent = 'Fatalities + 1 per cell of about ' + (km < 10 ? km.toFixed(1) : Math.round(km)) +
        ' km, summed over the shown incidents; the scale is refitted at each zoom.';
    }
  };

  IncidentView.prototype.onFilter = function (fn) { this._listeners.push(fn); };
  IncidentView.prototype.onSelect = function (fn) { this._selectListeners.push(fn); };

  IncidentView.prototype.select = function (i) {
    this.selected = i;
    for (var k = 0; k < this._selectListeners.length; k++) { this._selectListeners[k](i); }
  };

  // Coalesce many changes (every layer added at start-up) into one refresh.
  IncidentView.prototype.schedule = function () {
    if (this._scheduled) { return; }
    this._scheduled = true;
    var self = this;
    Promise.resolve().then(function () { self._scheduled = false; if (self._loaded) { self.refresh(); } });
  };

  IncidentView.prototype.setFilter = function (changes) {
    for (var k in changes) { if (Object.prototype.hasOwnProperty.call(changes, k)) { this.filter[k] = changes[k]; } }
    this.schedule();
  };

  // Each filter as a test; ``failing(item)`` names the first one an incident fails.
  var TESTS = [
    ['type', 'type', function (f, it) { return !!f.type[typeKey(it.p)]; }],
    ['background', 'background layer off', function (f, it) { return !it.p.background || f.background; }],
    ['dates', 'date range', function (f, it) {
      return it.p.background || it.day === null || ((f.lo === null || it.day >= f.lo) && (f.hi === null || it.day <= f.hi));
    }],
    ['undated', 'undated off', function (f, it) { return it.p.background || it.day !== null || f.undated; }],
    ['status', 'status', function (f, it) { return !!f.status[it.status]; }],
    ['actor', 'actor', function (f, it) {
      if (!f.actor) { return true; }
      if (it.actors === null) { it.actors = fold([it.p.actor1, it.p.actor2].filter(Boolean).join(' | ')); }
      return it.actors.indexOf(f.actor) !== -1;
    }],
    ['fatal', 'fatalities', function (f, it) { return !f.fatal || (it.p.fatalities || 0) >= f.fatal; }],
    ['country', 'country', function (f, it) { return !f.country || it.p.country === f.country; }]
  ];

  // The filters an incident fails, one bit a test (0: it is shown).
  IncidentView.prototype.failing = function (item) {
    var mask = 0;
    for (var k = 0; k < TESTS.length; k++) { if (!TESTS[k][2](this.filter, item)) { mask |= 1 << k; } }
    return mask;
  };

  IncidentView.prototype.passes = function (item) { return this.failing(item) === 0; };

  // Whether an incident passes every filter but those named in ``skip`` ({dates: true}),
  // read from the last refresh.
  IncidentView.prototype.passesExcept = function (item, skip) {
    var mask = this._masks ? this._masks[item.i] : this.failing(item);
    for (var k = 0; k < TESTS.length; k++) { if (skip[TESTS[k][0]]) { mask &= ~(1 << k); } }
    return mask === 0;
  };

  // How many incidents each filter hides on its own: [[label, n], ...], biggest first.
  IncidentView.prototype.explain = function () {
    var counts = this._hidden || TESTS.map(function () { return 0; });
    return TESTS.map(function (t, k) { return [t[1], counts[k], t[0]]; })
      .filter(function (e) { return e[1] > 0; })
      .sort(function (a, b) { return b[1] - a[1]; });
  };

  // Show the markers that pass the filters. A small change (one day on the slider, one
  // type) adds and removes only the difference; a big one rebuilds the clusters at once.
  IncidentView.prototype.refresh = function () {
    var vis = [], add = [], remove = [], shown = this._shown || [];
    var now = new Array(this.items.length), masks = new Uint8Array(this.items.length);
    var hidden = TESTS.map(function () { return 0; });
    for (var i = 0; i < this.items.length; i++) {
      var item = this.items[i], mask = this.failing(item), on = mask === 0;
      masks[i] = mask;
      for (var b = 0; mask; b++, mask >>= 1) { if (mask & 1) { hidden[b]++; } }
      now[i] = on;
      if (on) { vis.push(i); }
      if (on && !shown[i]) { add.push(i); } else if (!on && shown[i]) { remove.push(i); }
      if (item.shape && on !== !!shown[i]) {
        if (on) { this.shapes.addLayer(item.shape); } else { this.shapes.removeLayer(item.shape); }
      }
    }
    var markers = this.markers, pick = function (idx) { return markers[idx]; };
    var cluster = this.cluster, map = this.map, changes = add.length + remove.length;
    // Many changes go faster with the clusters off the map: no marker leaves the page one by one.
    var lift = changes > BATCH && map.hasLayer(cluster);
    if (lift) { map.removeLayer(cluster); }
    if (changes > vis.length / 2) {
      cluster.clearLayers();
      cluster.addLayers(vis.map(pick), true);
    } else {
      if (remove.length) { cluster.removeLayers(remove.map(pick)); }
      if (add.length) { cluster.addLayers(add.map(pick), true); }
    }
    if (lift) { map.addLayer(cluster); }
    this._shown = now;
    this._masks = masks;
    this._hidden = hidden;
    this.visible = vis;
    if (this.heat) { this.heat.setLatLngs(this._heatPoints()); this._rescaleHeat(); }
    for (var k = 0; k < this._listeners.length; k++) { this._listeners[k](this); }
  };

  // Back to what the map opened with (the layer control's type and background boxes stay).
  IncidentView.prototype.resetFilters = function () {
    var f = defaultFilter();
    f.type = this.filter.type;
    f.background = this.filter.background;
    this.filter = f;
    (this._resetHooks || []).forEach(function (fn) { fn(); });
    this.schedule();
  };

  IncidentView.prototype.onReset = function (fn) { (this._resetHooks = this._resetHooks || []).push(fn); };

  // ---- fly-to -------------------------------------------------------------------
  // Open a marker's popup even while the marker sits in a cluster (at its own place).
  function openAt(map, marker) {
    var popup = marker.getPopup();
    popup._source = marker;
    map.openPopup(popup, marker.getLatLng());
  }

  IncidentView.prototype._openWhenSettled = function (marker, tries) {
    var self = this, map = this.map;
    if (this.cluster._inZoomAnimation) {  // the clusters are still regrouping after a zoom
      this.cluster.once('animationend', function () { self._openWhenSettled(marker, tries); });
      return;
    }
    var parent = this.cluster.getVisibleParent(marker);
    if (!parent || parent === marker) { openAt(map, marker); return; }
    // Incidents that share (or nearly share) a place are spread out around it ...
    if (parent.getChildCount() <= 40 || tries <= 0) {
      var opened = false, open = function () {
        if (!opened) { opened = true; self.cluster.off('spiderfied', open); openAt(map, marker); }
      };
      this.cluster.on('spiderfied', open);
      parent.spiderfy();
      root.setTimeout(open, 450);  // spiderfy fires nothing when it has nothing to do
      return;
    }
    // ... a crowd is zoomed into, a few levels at most.
    var view = map._getBoundsCenterZoom(parent.getBounds(), {padding: L.point(40, 40),
      maxZoom: Math.min(map.getMaxZoom(), map.getZoom() + 3)});
    flyThen(map, view.center, view.zoom, function () { self._openWhenSettled(marker, tries - 1); });
  };

  // Fly to a view, then call ``done``; at once when the map already shows it (no moveend comes).
  function flyThen(map, center, zoom, done) {
    var z = map.getZoom();
    if (Math.abs(z - zoom) < 0.01 && map.project(map.getCenter(), z).distanceTo(map.project(center, z)) < 3) {
      done();
      return;
    }
    map.once('moveend', done);
    map.flyTo(center, zoom, {duration: 0.6});
  }

  // Frame an incident: a line or region by its bounds, a point at a zoom that shows its
  // surroundings (no zoom change when the map already shows it at about that scale).
  IncidentView.prototype.focus = function (i) {
    var self = this, map = this.map, marker = this.markers[i], item = this.items[i];
    if (!marker || !this.cluster.hasLayer(marker)) { return; }
    this._popup(marker);
    this.cluster.unspiderfy();
    map.closePopup();
    var done = function () { self._openWhenSettled(marker, 2); };
    var size = map.getSize(), pad = L.point(Math.min(60, size.x / 6), Math.min(60, size.y / 6));
    if (item.shape) {
      var view = map._getBoundsCenterZoom(item.shape.getBounds(), {padding: pad, maxZoom: 12});
      flyThen(map, view.center, view.zoom, done);
      return;
    }
    var target = FOCUS_ZOOM[item.p.geo_precision] || 11, zoom = map.getZoom();
    var inner = map.getPixelBounds().pad(-0.15), at = map.project([item.lat, item.lon]);
    if (zoom >= target - 1 && zoom <= target + 2 && inner.contains(at)) { done(); return; }
    if (zoom >= target - 1 && zoom <= target + 2) { target = zoom; }
    flyThen(map, L.latLng(item.lat, item.lon), target, done);
  };

  IncidentView.prototype.shownBounds = function () {
    var bounds = L.latLngBounds([]), items = this.items;
    this.visible.forEach(function (i) {
      var it = items[i];
      bounds.extend(it.shape ? it.shape.getBounds() : L.latLng(it.lat, it.lon));
    });
    return bounds;
  };

  // Room the map's own buttons take, so a fitted incident is never under them.
  IncidentView.prototype.fitPadding = function () {
    var size = this.map.getSize(), small = size.x < 500;
    return {paddingTopLeft: L.point(small ? 52 : 60, small ? 16 : 24),
      paddingBottomRight: L.point(small ? 16 : 24, small ? 30 : 36)};
  };

  IncidentView.prototype.fitShown = function (animate) {
    var bounds = this.shownBounds();
    if (!bounds.isValid()) { return false; }
    var opts = this.fitPadding();
    opts.maxZoom = 10;
    opts.animate = !!animate;
    this.map.fitBounds(bounds, opts);
    return true;
  };

  IncidentView.prototype.fit = function (fallback) {
    var self = this;
    this.ready.then(function () {
      if (self.fitShown(false)) { return; }
      if (fallback) { self.map.fitBounds(fallback, {animate: false}); } else { self.map.setView([20, 0], 1); }
    });
  };

  // ---- saving what is shown ---------------------------------------------------------
  function sourceOut(s) {
    var o = {report: s.report, quote: s.quote, start: s.start, end: s.end};
    if (s.title !== null) { o.title = s.title; }
    if (s.published !== null) { o.published = s.published; }
    if (s.url !== null) { o.url = s.url; }
    return o;
  }

  // The properties of an incident in the columns (and order) the input had.
  IncidentView.prototype.exportProperties = function (item) {
    var props = {}, extra = item.extra || {};
    this.exportColumns.forEach(function (c) {
      var has = Object.prototype.hasOwnProperty;
      if (c === 'sources') { props[c] = item.sources.map(sourceOut); } else if (has.call(extra, c)) { props[c] = extra[c]; } else if (c === 'latitude') { props[c] = item.lat; } else if (c === 'longitude') { props[c] = item.lon; } else if (has.call(item.p, c)) { props[c] = item.p[c]; } else { props[c] = null; }
    });
    return props;
  };

  IncidentView.prototype.featureCollection = function (onlyVisible) {
    var self = this, items = this.items;
    var list = onlyVisible ? this.visible.map(function (i) { return items[i]; }) : items;
    return {type: 'FeatureCollection', features: list.map(function (item) {
      return {type: 'Feature', id: item.p.id,
        geometry: item.geometry || {type: 'Point', coordinates: [item.lon, item.lat]},
        properties: self.exportProperties(item)};
    })};
  };

  // ---- keeping popups clear of the map's buttons and legend -----------------------------------
  function overlap(a, b) {
    return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
  }

  // After Leaflet's own auto-pan, move the map the least it takes for the popup to
  // clear every control it covers (the legend, zoom buttons, attribution).
  function avoidControls(map, popup) {
    var check = function (tries) {
      var node = popup.getElement && popup.getElement();
      if (!node || !map.hasLayer(popup)) { return; }
      var box = node.getBoundingClientRect(), area = map.getContainer().getBoundingClientRect();
      var controls = map.getContainer().querySelectorAll('.leaflet-control');
      var best = null;
      for (var k = 0; k < controls.length; k++) {
        var c = controls[k].getBoundingClientRect();
        if (c.width === 0 || !overlap(box, c)) { continue; }
        var moves = [[c.right + 6 - box.left, 0], [c.left - 6 - box.right, 0],
          [0, c.bottom + 6 - box.top], [0, c.top - 6 - box.bottom]];
        for (var m = 0; m < moves.length; m++) {
          var dx = moves[m][0], dy = moves[m][1];
          var fits = box.left + dx >= area.left + 4 && box.right + dx <= area.right - 4 &&
            box.top + dy >= area.top + 4 && box.bottom + dy <= area.bottom - 4;
          if (fits && (!best || Math.abs(dx) + Math.abs(dy) < Math.abs(best[0]) + Math.abs(best[1]))) { best = [dx, dy]; }
        }
        if (!best && controls[k].tagName === 'DETAILS' && controls[k].open) {
          controls[k].open = false;  // a legend the popup cannot avoid folds away
          best = [0, 0];
        }
        break;
      }
      if (best && (best[0] || best[1])) { map.panBy([-best[0], -best[1]], {animate: false}); }
      if (best && tries > 0) { root.requestAnimationFrame(function () { check(tries - 1); }); }
    };
    root.requestAnimationFrame(function () {
      if (map._panAnim && map._panAnim._inProgress) { map.once('moveend', function () { check(3); }); } else { check(3); }
    });
  }

  root.Mapper = {
    el: el,
    byId: byId,
    fold: fold,
    dayOf: dayOf,
    dateOf: dateOf,
    typeKey: typeKey,
    statusText: statusText,
    placeText: placeText,
    tidyNotes: tidyNotes,
    STATUSES: STATUSES,
    decode: decode,
    popupContent: popupContent,
    IncidentView: IncidentView,
    incidents: function (map, payload, options) {
      if (!map.getPane('mapperBase')) {
        map.createPane('mapperBase').style.zIndex = 150;
        map.createPane('mapperLabels').style.zIndex = 420;
        map.createPane('mapperTheatre').style.zIndex = 350;
        map.getPane('mapperLabels').style.pointerEvents = 'none';
      }
      return new IncidentView(map, payload, options);
    }
  };
}(window));
