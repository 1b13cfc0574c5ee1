/*
 * mapper: the offline incident map's own behaviour (MIT, part of mapper).
 *
 * Python (mapper/webmap) embeds the incidents as one compact payload and calls
 * the functions below from folium MacroElement templates. Every string taken
 * from a report reaches the page through textContent or an attribute, never as
 * HTML, so a quote holding markup shows as text and runs nothing.
 */
(function (root) {
  'use strict';
  var L = root.L;

  var TIME_PRECISION = {1: 'exact day', 2: 'within a week', 3: 'within a month or vaguer'};
  var GEO_PRECISION = {1: 'the named place itself', 2: 'near the place or part of a region',
    3: 'only a larger region is known'};
  var FEED_PAGE = 200;
  var LIVE_FILTER_MAX = 3000;  // filter on every slider step up to this many incidents

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function byId(id) { return document.getElementById(id); }

  // The legend and layer name of an incident's type (an untyped incident is "Unknown").
  function typeKey(p) { return p.event_type || 'Unknown'; }

  // ---- the payload -------------------------------------------------------
  function decode(payload) {
    var cols = payload.columns, strings = payload.strings, rows = payload.rows;
    var refs = {};
    (payload.string_columns || []).forEach(function (c) { refs[c] = true; });
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
        sources.push({report: flat[k] === null ? null : strings[flat[k]],
          quote: flat[k + 1] === null ? null : strings[flat[k + 1]],
          start: flat[k + 2], end: flat[k + 3]});
      }
      items[r] = {i: r, p: p, lat: row[n], lon: row[n + 1], sources: sources,
        geometry: row[n + 3], extra: row[n + 4],
        status: p.disputed ? 'disputed' : (p.claimed_by ? 'claim' : 'fact')};
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

  function toFeature(item) {
    var props = {}, k;
    for (k in item.p) { if (Object.prototype.hasOwnProperty.call(item.p, k)) { props[k] = item.p[k]; } }
    if (item.extra) {
      for (k in item.extra) { if (Object.prototype.hasOwnProperty.call(item.extra, k)) { props[k] = item.extra[k]; } }
    }
    props.sources = item.sources;
    return {type: 'Feature', id: item.p.id,
      geometry: item.geometry || {type: 'Point', coordinates: [item.lon, item.lat]},
      properties: props};
  }

  // ---- popups --------------------------------------------------------------
  function row(dl, label, value) {
    if (value === null || value === undefined || value === '') { return; }
    dl.appendChild(el('dt', null, label));
    dl.appendChild(el('dd', null, value));
  }

  function statusText(p) {
    if (p.disputed) {
      return 'Disputed claim' + (p.claimed_by ? ' by ' + p.claimed_by : '') +
        (p.disputed_by ? '; disputed by ' + p.disputed_by : '');
    }
    if (p.claimed_by) { return 'Claim by ' + p.claimed_by; }
    return 'Reported as fact';
  }

  function popupContent(view, item) {
    var p = item.p;
    var box = el('div', 'mapper-popup');
    var head = el('div', 'mapper-popup-head');
    head.appendChild(el('span', 'mapper-swatch mapper-t' + view.typeIndex(typeKey(p))));
    head.appendChild(el('strong', null, p.event_type || 'Incident'));
    if (p.sub_event_type) { head.appendChild(el('span', 'mapper-sub', ' · ' + p.sub_event_type)); }
    box.appendChild(head);
    box.appendChild(el('div', 'mapper-status mapper-' + item.status, statusText(p)));
    if (p.background) { box.appendChild(el('div', 'mapper-status mapper-bgnote', 'Background: a historical mention, not a current incident')); }
    var dl = el('dl', 'mapper-facts');
    row(dl, 'Date', p.event_date ? p.event_date + ' (' + (TIME_PRECISION[p.time_precision] || 'precision unknown') + ')' : 'unknown');
    row(dl, 'Place', [p.location, p.country].filter(Boolean).join(', '));
    row(dl, 'Geo precision', p.geo_precision ? p.geo_precision + ': ' + (GEO_PRECISION[p.geo_precision] || '') : null);
    row(dl, 'Actors', [p.actor1, p.actor2].filter(Boolean).join(' vs ') || null);
    row(dl, 'Fatalities', p.fatalities);
    row(dl, 'Injuries', p.injuries);
    row(dl, 'Notes', p.notes);
    row(dl, 'ID', p.id);
    box.appendChild(dl);
    if (item.sources.length) {
      box.appendChild(el('div', 'mapper-sources-head', item.sources.length === 1 ? 'Source' : item.sources.length + ' sources'));
      var ol = el('ol', 'mapper-sources');
      item.sources.forEach(function (s) {
        var li = el('li');
        li.appendChild(el('blockquote', 'mapper-quote', s.quote));
        var cite = s.report || 'unknown report';
        if (s.start !== null && s.start !== undefined) { cite += ' [' + s.start + '–' + s.end + ']'; }
        li.appendChild(el('cite', null, cite));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    }
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

  function IncidentView(map, payload, options) {
    this.map = map;
    this.options = options;
    this.types = options.types;            // [{name, color}] in legend order
    this._typeIndex = {};
    var self = this;
    this.types.forEach(function (t, idx) { self._typeIndex[t.name] = idx; });
    this.dates = options.dates;             // sorted distinct event dates
    this.lo = 0;
    this.hi = Math.max(0, this.dates.length - 1);
    this.showType = {};
    this.showBackground = false;
    this.visible = [];
    this._listeners = [];
    this._icons = {};
    this._scheduled = false;
    this.cluster = L.markerClusterGroup({
      iconCreateFunction: clusterIcon(this), showCoverageOnHover: false,
      maxClusterRadius: options.cluster_radius || 80, spiderfyOnMaxZoom: true, chunkedLoading: false
    });
    this.shapes = L.featureGroup();
    // Popups are made on first use: ten thousand unused popups cost start-up time.
    this.cluster.on('click', function (ev) { self._popup(ev.layer).openPopup(); });
    map.addLayer(this.shapes);
    map.addLayer(this.cluster);
    if (options.attribution && map.attributionControl) {
      map.attributionControl.addAttribution(options.attribution);
    }
    this.items = [];
    this.markers = [];
    this.ready = loadPayload(payload).then(function (data) {
      self.items = decode(data);
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

  IncidentView.prototype._popup = function (marker) {
    if (!marker.getPopup()) {
      var self = this, item = marker.mapperItem;
      marker.bindPopup(function () { return popupContent(self, item); }, {maxWidth: 360, minWidth: 240});
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

  IncidentView.prototype._label = function (item) {
    var p = item.p;
    return [p.event_date || 'undated', p.event_type, p.location].filter(Boolean).join(' · ');
  };

  IncidentView.prototype._marker = function (item) {
    var self = this;
    item.drawn = drawable(item.geometry);
    // zIndexOffset: a single incident stays above (and clickable over) any cluster beside it
    var marker = L.marker([item.lat, item.lon], {icon: this._icon(item), title: this._label(item),
      riseOnHover: true, zIndexOffset: 1000});
    marker.mapperType = this.typeIndex(typeKey(item.p));
    marker.mapperItem = item;
    // Lines and regions are drawn whole (dashed when the place is approximate).
    if (item.drawn) {
      var color = this.types[marker.mapperType].color;
      item.shape = L.geoJSON(item.drawn, {
        style: {color: color, weight: 4, opacity: 0.85, fillColor: color, fillOpacity: 0.12,
          dashArray: (item.p.geo_precision || 1) > 1 ? '8 6' : null},
        interactive: true
      });
      item.shape.on('click', function () { self.focus(item.i); });
    }
    return marker;
  };

  IncidentView.prototype.typeLayer = function (name) {
    var self = this;
    this.showType[name] = false;
    return new Toggle(function (on) { self.showType[name] = on; self.schedule(); });
  };

  IncidentView.prototype.backgroundLayer = function () {
    var self = this;
    return new Toggle(function (on) { self.showBackground = on; self.schedule(); });
  };

  IncidentView.prototype.heatLayer = function (options) {
    var self = this;
    return new Toggle(function (on) {
      if (on) {
        self.heat = L.heatLayer(self._heatPoints(), options).addTo(self.map);
      } else if (self.heat) {
        self.map.removeLayer(self.heat);
        self.heat = null;
      }
    });
  };

  IncidentView.prototype._heatPoints = function () {
    var items = this.items;
    return this.visible.map(function (i) { return [items[i].lat, items[i].lon, 1]; });
  };

  IncidentView.prototype.setRange = function (lo, hi) {
    this.lo = Math.min(lo, hi);
    this.hi = Math.max(lo, hi);
    this.schedule();
  };

  IncidentView.prototype.onFilter = function (fn) { this._listeners.push(fn); };

  // Coalesce many changes (every layer added at start-up) into one refresh.
  IncidentView.prototype.schedule = function () {
    if (this._scheduled) { return; }
    this._scheduled = true;
    var self = this;
    Promise.resolve().then(function () { self._scheduled = false; if (self._loaded) { self.refresh(); } });
  };

  IncidentView.prototype._passes = function (item) {
    var p = item.p;
    if (!this.showType[typeKey(p)]) { return false; }
    if (p.background && !this.showBackground) { return false; }
    var full = this.lo === 0 && this.hi === this.dates.length - 1;
    if (!p.event_date) { return full || this.dates.length === 0; }
    return p.event_date >= this.dates[this.lo] && p.event_date <= this.dates[this.hi];
  };

  // Show the markers that pass the filters. A small change (one day on the slider, one
  // type) adds and removes only the difference; a big one rebuilds the clusters at once.
  IncidentView.prototype.refresh = function () {
    var vis = [], add = [], remove = [], shown = this._shown || [];
    var now = new Array(this.items.length);
    for (var i = 0; i < this.items.length; i++) {
      var item = this.items[i], on = this._passes(item);
      now[i] = on;
      if (on) { vis.push(i); }
      if (on && !shown[i]) { add.push(i); } else if (!on && shown[i]) { remove.push(i); }
      if (item.shape && on !== !!shown[i]) {
        if (on) { this.shapes.addLayer(item.shape); } else { this.shapes.removeLayer(item.shape); }
      }
    }
    var markers = this.markers, pick = function (idx) { return markers[idx]; };
    if (add.length + remove.length > vis.length / 2) {
      this.cluster.clearLayers();
      this.cluster.addLayers(vis.map(pick), true);
    } else {
      if (remove.length) { this.cluster.removeLayers(remove.map(pick)); }
      if (add.length) { this.cluster.addLayers(add.map(pick), true); }
    }
    this._shown = now;
    this.visible = vis;
    if (this.heat) { this.heat.setLatLngs(this._heatPoints()); }
    for (var k = 0; k < this._listeners.length; k++) { this._listeners[k](this); }
  };

  IncidentView.prototype.focus = function (i) {
    var marker = this.markers[i];
    if (!this.cluster.hasLayer(marker)) { return; }
    this._popup(marker);
    this.cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
  };

  IncidentView.prototype.fit = function (fallback) {
    var self = this;
    this.ready.then(function () { self._fit(fallback); });
  };

  // Open on the current incidents (background ones only if there is nothing else),
  // lines and regions included whole.
  IncidentView.prototype._fit = function (fallback) {
    var bounds = L.latLngBounds([]), items = this.items;
    var current = items.filter(function (it) { return !it.p.background; });
    (current.length ? current : items).forEach(function (it) {
      bounds.extend(it.shape ? it.shape.getBounds() : L.latLng(it.lat, it.lon));
    });
    if (bounds.isValid()) {
      this.map.fitBounds(bounds, {padding: [30, 30], maxZoom: 10, animate: false});
    } else if (fallback) {
      this.map.fitBounds(fallback, {animate: false});
    } else {
      this.map.setView([20, 0], 2);
    }
  };

  IncidentView.prototype.featureCollection = function (onlyVisible) {
    var items = this.items;
    var list = onlyVisible ? this.visible.map(function (i) { return items[i]; }) : items;
    return {type: 'FeatureCollection', features: list.map(toFeature)};
  };

  // ---- page controls -------------------------------------------------------------
  IncidentView.prototype.bindCount = function (id) {
    var node = byId(id);
    if (!node) { return; }
    this.onFilter(function (view) {
      node.textContent = view.visible.length + ' of ' + view.items.length + ' incidents shown';
    });
  };

  // The legend's per-type numbers count what the filters show.
  IncidentView.prototype.bindLegend = function (id) {
    var node = byId(id);
    if (!node) { return; }
    var cells = node.querySelectorAll('.mapper-legend-n[data-t]');
    this.onFilter(function (view) {
      var counts = {};
      view.visible.forEach(function (i) {
        var t = view.typeIndex(typeKey(view.items[i].p));
        counts[t] = (counts[t] || 0) + 1;
      });
      for (var k = 0; k < cells.length; k++) {
        cells[k].textContent = String(counts[cells[k].getAttribute('data-t')] || 0);
      }
    });
  };

  IncidentView.prototype.bindDates = function (fromId, toId, fromLabel, toLabel) {
    var from = byId(fromId), to = byId(toId), self = this;
    if (!from || !to) { return; }
    // While a thumb is dragged the labels follow; big maps filter when it is let go.
    var update = function (moved, final) {
      var a = parseInt(from.value, 10), b = parseInt(to.value, 10);
      if (a > b) { if (moved === from) { to.value = a; b = a; } else { from.value = b; a = b; } }
      byId(fromLabel).textContent = self.dates[a] || '';
      byId(toLabel).textContent = self.dates[b] || '';
      if (final || self.items.length <= LIVE_FILTER_MAX) { self.setRange(a, b); }
    };
    [from, to].forEach(function (input) {
      input.addEventListener('input', function () { update(input, false); });
      input.addEventListener('change', function () { update(input, true); });
    });
  };

  IncidentView.prototype.bindFeed = function (listId, moreId) {
    var list = byId(listId), more = byId(moreId), self = this, limit = FEED_PAGE;
    if (!list) { return; }
    var render = function () {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      var vis = self.visible, n = Math.min(limit, vis.length);
      for (var k = 0; k < n; k++) {
        var item = self.items[vis[k]], p = item.p;
        var li = el('li', 'mapper-feed-item mapper-' + item.status + (p.background ? ' mapper-bg' : ''));
        var btn = el('button', 'mapper-feed-btn');
        btn.type = 'button';
        btn.setAttribute('data-i', String(item.i));
        var top = el('span', 'mapper-feed-top');
        top.appendChild(el('span', 'mapper-swatch mapper-t' + self.typeIndex(typeKey(p))));
        top.appendChild(el('span', 'mapper-feed-date', (p.event_date || 'undated') + ((p.time_precision || 1) > 1 ? ' ~' : '')));
        top.appendChild(el('span', 'mapper-feed-loc', p.location || ''));
        btn.appendChild(top);
        btn.appendChild(el('span', 'mapper-feed-type', [p.event_type, p.sub_event_type].filter(Boolean).join(' · ')));
        if (item.status !== 'fact') { btn.appendChild(el('span', 'mapper-feed-status', statusText(p))); }
        if (p.notes) { btn.appendChild(el('span', 'mapper-feed-notes', p.notes)); }
        li.appendChild(btn);
        list.appendChild(li);
      }
      if (more) {
        more.hidden = vis.length <= n;
        more.textContent = 'Show more (' + (vis.length - n) + ' left)';
      }
    };
    list.addEventListener('click', function (ev) {
      var btn = ev.target.closest ? ev.target.closest('button[data-i]') : null;
      if (btn) { self.focus(parseInt(btn.getAttribute('data-i'), 10)); }
    });
    if (more) { more.addEventListener('click', function () { limit += FEED_PAGE; render(); }); }
    this.onFilter(function () { limit = FEED_PAGE; render(); });
  };

  IncidentView.prototype.bindExport = function (buttonId, filename) {
    var btn = byId(buttonId), self = this;
    if (!btn) { return; }
    btn.addEventListener('click', function () {
      var text = JSON.stringify(self.featureCollection(true), null, 1);
      var url = URL.createObjectURL(new Blob([text], {type: 'application/geo+json'}));
      var a = el('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    });
  };

  IncidentView.prototype.bindSearch = function (inputId, listId, statusId, extraPlaces) {
    var input = byId(inputId), datalist = byId(listId), status = byId(statusId), self = this;
    if (!input) { return; }
    var places = {}, names = [];
    var add = function (name, lat, lon) {
      if (!name) { return; }
      var key = name.toLowerCase();
      if (!places[key]) { places[key] = {name: name, pts: []}; names.push(name); }
      places[key].pts.push([lat, lon]);
    };
    this.ready.then(function () {
      self.items.forEach(function (it) { add(it.p.location, it.lat, it.lon); });
      (extraPlaces || []).forEach(function (pl) { add(pl.name, pl.lat, pl.lon); });
      names.sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; });
      names.forEach(function (name) { var o = el('option'); o.value = name; datalist.appendChild(o); });
    });
    var go = function () {
      var q = input.value.trim().toLowerCase();
      if (!q) { if (status) { status.textContent = ''; } return; }
      var hit = places[q];
      if (!hit) {
        for (var k = 0; k < names.length; k++) {
          if (names[k].toLowerCase().indexOf(q) !== -1) { hit = places[names[k].toLowerCase()]; break; }
        }
      }
      if (!hit) { if (status) { status.textContent = 'No place matches “' + input.value + '”.'; } return; }
      if (status) { status.textContent = hit.name; }
      self.map.flyToBounds(L.latLngBounds(hit.pts), {maxZoom: 11, padding: [40, 40], duration: 0.6});
    };
    input.addEventListener('change', go);
    input.addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { go(); } });
  };

  // ---- map furniture -------------------------------------------------------------
  function domControl(nodeId, position) {
    var node = byId(nodeId);
    var Ctl = L.Control.extend({
      onAdd: function () {
        L.DomEvent.disableClickPropagation(node);
        L.DomEvent.disableScrollPropagation(node);
        node.hidden = false;
        // a <details> legend starts folded on short screens, to leave the map visible
        if ('open' in node && window.innerHeight < 640) { node.open = false; }
        return node;
      }
    });
    return new Ctl({position: position});
  }

  function fullscreenControl(position) {
    var Ctl = L.Control.extend({
      onAdd: function () {
        var bar = el('div', 'leaflet-bar mapper-fullscreen');
        var a = el('a', 'mapper-fullscreen-btn');
        a.href = '#';
        a.title = 'Full screen';
        a.setAttribute('role', 'button');
        a.setAttribute('aria-label', 'Full screen');
        L.DomEvent.on(a, 'click', function (ev) {
          L.DomEvent.preventDefault(ev);
          var doc = document, page = doc.documentElement;
          if (doc.fullscreenElement) {
            doc.exitFullscreen();
          } else if (page.requestFullscreen) {
            page.requestFullscreen().catch(function () { page.classList.toggle('mapper-fill'); });
          } else {
            page.classList.toggle('mapper-fill');
          }
        });
        bar.appendChild(a);
        return bar;
      }
    });
    return new Ctl({position: position});
  }

  function basemap(data, options, after) {
    var group = L.layerGroup([], {attribution: options.attribution});
    var renderer = L.canvas({padding: 0.5, pane: 'mapperBase'});
    var add = function (geom, style) {
      if (geom) { group.addLayer(L.geoJSON(geom, {style: style, interactive: false, renderer: renderer, pane: 'mapperBase'})); }
    };
    var landStyle = {stroke: true, color: options.coast, weight: 0.8, fillColor: options.land, fillOpacity: 1};
    var borderStyle = {color: options.border, weight: 1, dashArray: '4 3', fill: false};
    var fill = function () {
      add(data.world && data.world.land, landStyle);
      add(data.world && data.world.borders, borderStyle);
      if (data.detail) {
        var b = data.detail_bounds;
        group.addLayer(L.rectangle([[b[1], b[0]], [b[3], b[2]]],
          {stroke: false, fillColor: options.sea, fillOpacity: 1, interactive: false, renderer: renderer, pane: 'mapperBase'}));
        add(data.detail.land, landStyle);
        add(data.detail.borders, borderStyle);
      }
    };
    // The outlines are drawn once the incidents are on the map: the incidents come first.
    var done = function () { fill(); };
    if (after) { after.then(done, done); } else { fill(); }
    return group;
  }

  function theatre(data, options) {
    var group = L.featureGroup([], {attribution: options.attribution});
    var labels = [], places = [];
    (data.features || []).forEach(function (f) {
      var g = f.geometry, props = f.properties || {};
      if (!g) { return; }
      if (g.type === 'Point' || g.type === 'MultiPoint') {
        var c = g.type === 'Point' ? g.coordinates : g.coordinates[0];
        if (props.name) {
          places.push({name: String(props.name), lat: c[1], lon: c[0]});
          var label = el('span', null, props.name);
          labels.push(L.tooltip({permanent: true, direction: 'right', className: 'mapper-town',
            interactive: false, offset: [4, 0]}).setLatLng([c[1], c[0]]).setContent(label));
        }
        return;
      }
      var line = g.type.indexOf('Line') !== -1;
      var layer = L.geoJSON(g, {interactive: false, pane: 'mapperTheatre',
        style: line ? {color: options.line, weight: 3, dashArray: '12 4 2 4', opacity: 0.85}
          : {color: options.region, weight: 2, dashArray: '6 4', fillColor: options.region, fillOpacity: 0.06}});
      group.addLayer(layer);
      if (props.name) {
        layer.bindTooltip(el('span', null, props.name), {sticky: true, className: 'mapper-region-tip'});
      }
    });
    // Town labels show from zoom 7 on; below that they would pile up.
    var zoomed = function (ev) {
      var map = ev.target;
      map.getContainer().classList.toggle('mapper-low-zoom', map.getZoom() < options.label_zoom);
    };
    var onMap = null;
    group.on('add', function () {
      onMap = group._map;
      labels.forEach(function (t) { onMap.openTooltip(t); });
      onMap.on('zoomend', zoomed);
      zoomed({target: onMap});
    });
    group.on('remove', function () {
      labels.forEach(function (t) { t.remove(); });
      if (onMap) {
        onMap.off('zoomend', zoomed);
        onMap.getContainer().classList.remove('mapper-low-zoom');
        onMap = null;
      }
    });
    group.mapperPlaces = places;
    return group;
  }

  root.Mapper = {
    decode: decode,
    popupContent: popupContent,
    incidents: function (map, payload, options) {
      if (!map.getPane('mapperBase')) {
        map.createPane('mapperBase').style.zIndex = 150;
        map.createPane('mapperTheatre').style.zIndex = 350;
      }
      return new IncidentView(map, payload, options);
    },
    basemap: function (map, data, options, after) {
      if (!map.getPane('mapperBase')) { map.createPane('mapperBase').style.zIndex = 150; }
      return basemap(data, options, after);
    },
    theatre: function (map, data, options) {
      if (!map.getPane('mapperTheatre')) { map.createPane('mapperTheatre').style.zIndex = 350; }
      return theatre(data, options);
    },
    domControl: domControl,
    // Move a Leaflet control out of the map into a page element (the side panel).
    dock: function (control, id) {
      var node = byId(id);
      if (node) { node.appendChild(control.getContainer()); }
    },
    fullscreenControl: fullscreenControl
  };
}(window));
