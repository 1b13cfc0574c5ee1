/*
 * mapper: the offline basemap, place labels, theatre overlay and map buttons (MIT, part of mapper).
 *
 * The basemap's layers come from mapper/webmap/basemap.py as encoded-polyline text: the
 * 1:50m world, cut at the detail boxes, and inside those boxes the 1:10m land, borders and
 * province lines that replace it from the detail zoom on. Needs mapper.js (window.Mapper).
 */
(function (root) {
  'use strict';
  var L = root.L, M = root.Mapper, el = M.el, byId = M.byId;
  var LAKE_ZOOM = 3, RIVER_ZOOM = 4, ADMIN_ZOOM = 5;
  var KINDS = ['country', 'capital', 'town'];
  var MAX_LABELS = 220;

  // The encoded-polyline algorithm (lon first, as mapper/webmap/polyline.py writes it).
  function decodeLine(text, digits) {
    var scale = Math.pow(10, digits), out = [], x = 0, y = 0, i = 0, n = text.length;
    var next = function () {
      var shift = 0, acc = 0, b;
      do { b = text.charCodeAt(i++) - 63; acc |= (b & 31) << shift; shift += 5; } while (b >= 32 && i < n);
      return (acc & 1) ? ~(acc >> 1) : (acc >> 1);
    };
    while (i < n) {
      x += next();
      if (i >= n) { break; }
      y += next();
      out.push([y / scale, x / scale]);
    }
    return out;
  }

  function polygons(list, digits) {
    return (list || []).map(function (rings) { return rings.map(function (r) { return decodeLine(r, digits); }); });
  }

  function lines(list, digits) { return (list || []).map(function (t) { return decodeLine(t, digits); }); }

  // A ring's coast: its segments, less those lying on a detail box's edge (cuts, not coast).
  function coasts(polys, boxes) {
    var onEdge = function (a, b) {
      for (var k = 0; k < boxes.length; k++) {
        var w = boxes[k][0], s = boxes[k][1], e = boxes[k][2], nn = boxes[k][3];
        if ((a[1] === b[1] && (a[1] === w || a[1] === e)) || (a[0] === b[0] && (a[0] === s || a[0] === nn))) { return true; }
      }
      return false;
    };
    var out = [];
    polys.forEach(function (rings) {
      rings.forEach(function (ring) {
        var run = [];
        for (var k = 0; k < ring.length; k++) {
          if (k > 0 && onEdge(ring[k - 1], ring[k])) {
            if (run.length > 1) { out.push(run); }
            run = [];
          }
          run.push(ring[k]);
        }
        if (run.length > 1) { out.push(run); }
      });
    });
    return out;
  }

  function basemap(map, data, places, style, after) {
    var group = L.layerGroup([], {attribution: style.attribution}), built = null, mode = null, tiles = false;
    var renderer = L.canvas({padding: 0.3, pane: 'mapperBase'});
    var opts = function (extra) {
      var o = {interactive: false, renderer: renderer, pane: 'mapperBase', smoothFactor: 1.2};
      for (var k in extra) { if (Object.prototype.hasOwnProperty.call(extra, k)) { o[k] = extra[k]; } }
      return o;
    };
    var build = function () {
      var wd = data.digits[0], dd = data.digits[1], w = data.world, d = data.detail || {}, boxes = data.boxes || [];
      var landOut = polygons(w.land_out, wd), landIn = polygons(w.land_in, wd), landDetail = polygons(d.land, dd);
      var fill = {stroke: true, color: style.land, weight: 1, fillColor: style.land, fillOpacity: 1};
      var coast = {color: style.coast, weight: 0.9, fill: false};
      var border = {color: style.border, weight: 1, dashArray: '4 3', fill: false};
      var coastOut = coasts(landOut, boxes);
      return {
        landOut: L.polygon(landOut, opts(fill)),
        landIn: L.polygon(landIn, opts(fill)),
        landDetail: L.polygon(landDetail, opts(fill)),
        lakes: L.polygon(polygons(w.lakes, wd), opts({stroke: true, color: style.coast, weight: 0.6, fillColor: style.water, fillOpacity: 1})),
        rivers: L.polyline(lines(w.rivers, wd), opts({color: style.river, weight: 1})),
        admin1: L.polyline(lines(d.admin1, dd), opts({color: style.admin1, weight: 0.9, dashArray: '2 3'})),
        coastWorld: L.polyline(coastOut.concat(coasts(landIn, boxes)), opts(coast)),
        coastDetail: L.polyline(coastOut.concat(coasts(landDetail, boxes)), opts(coast)),
        bordersWorld: L.polyline(lines(w.borders_out, wd).concat(lines(w.borders_in, wd)), opts(border)),
        bordersDetail: L.polyline(lines(w.borders_out, wd).concat(lines(d.borders, dd)), opts(border))
      };
    };
    // Which layers a zoom draws, bottom to top. Over online tiles only the lines are drawn.
    var wanted = function (z) {
      var detail = z >= data.detail_zoom, names = [];
      if (!tiles) { names = detail ? ['landOut', 'landDetail'] : ['landOut', 'landIn']; }
      if (!tiles && z >= LAKE_ZOOM) { names.push('lakes'); }
      if (z >= RIVER_ZOOM) { names.push('rivers'); }
      if (z >= ADMIN_ZOOM) { names.push('admin1'); }
      return names.concat(detail ? ['coastDetail', 'bordersDetail'] : ['coastWorld', 'bordersWorld']);
    };
    var update = function () {
      if (!built || !group._map) { return; }
      var names = wanted(map.getZoom()), key = names.join(',');
      if (key === mode) { return; }
      mode = key;
      group.clearLayers();  // re-added in order: the canvas draws in the order layers came
      names.forEach(function (name) { group.addLayer(built[name]); });
      if (labelLayer) { group.addLayer(labelLayer); }
    };
    var labelLayer = places ? new Labels(places) : null;
    var fill = function () {
      if (!data || !data.world) { return; }
      built = build();
      update();
    };
    group.on('add', function () { mode = null; map.on('zoomend', update); update(); });
    group.on('remove', function () { map.off('zoomend', update); });
    // Lines only over online tiles; the land fill comes back when they fail or are left.
    group.setTiles = function (on) { tiles = !!on; mode = null; update(); };
    group.mapperPlaces = placeList(places);
    // The basemap is drawn once the incidents are on the map: the incidents come first.
    var done = function () { root.requestAnimationFrame(fill); };
    if (after) { after.then(done, done); } else { fill(); }
    return group;
  }

  // The search's gazetteer places: [{name, kind, lat, lon, note}], in priority order.
  function placeList(places) {
    if (!places) { return []; }
    return places.places.map(function (p) {
      return {name: p[0], lat: p[1] / 100, lon: p[2] / 100, kind: KINDS[p[4]] || 'town',
        note: p[4] === 0 ? '' : (places.countries[p[5]] || '')};
    });
  }

  // ---- labels: countries, capitals and towns, by zoom, never overlapping ----------------------
  var Labels = L.Layer.extend({
    initialize: function (places) {
      this._places = places.places;
      this._widths = {};
    },
    onAdd: function (map) {
      this._box = el('div', 'mapper-labels leaflet-zoom-hide');
      map.getPane('mapperLabels').appendChild(this._box);
      map.on('moveend', this._draw, this);
      this._draw();
    },
    onRemove: function (map) {
      map.off('moveend', this._draw, this);
      this._box.parentNode.removeChild(this._box);
    },
    _width: function (text, kind) {
      var key = kind + text;
      if (this._widths[key] === undefined) {
        var ctx = Labels.ctx || (Labels.ctx = document.createElement('canvas').getContext('2d'));
        ctx.font = kind === 0 ? '600 12px system-ui, sans-serif' : kind === 1 ? '600 12px system-ui, sans-serif' : '11px system-ui, sans-serif';
        this._widths[key] = ctx.measureText(kind === 0 ? text.toUpperCase() : text).width * (kind === 0 ? 1.12 : 1);
      }
      return this._widths[key];
    },
    // Greedy placement in priority order (country, capital, town by population).
    _draw: function () {
      var map = this._map, z = map.getZoom(), size = map.getSize(), placed = [], box = this._box;
      while (box.firstChild) { box.removeChild(box.firstChild); }
      var frag = document.createDocumentFragment();
      for (var k = 0; k < this._places.length && placed.length < MAX_LABELS; k++) {
        var p = this._places[k];
        if (p[3] > z || (p.length > 6 && z >= p[6])) { continue; }
        var pt = map.latLngToContainerPoint([p[1] / 100, p[2] / 100]);
        if (pt.x < -50 || pt.y < -20 || pt.x > size.x + 50 || pt.y > size.y + 20) { continue; }
        var w = this._width(p[0], p[4]), h = 14;
        var r = p[4] === 0 ? [pt.x - w / 2 - 2, pt.y - h / 2, pt.x + w / 2 + 2, pt.y + h / 2] : [pt.x - 4, pt.y - h / 2, pt.x + w + 8, pt.y + h / 2];
        var clash = false;
        for (var j = 0; j < placed.length; j++) {
          var q = placed[j];
          if (r[0] < q[2] && r[2] > q[0] && r[1] < q[3] && r[3] > q[1]) { clash = true; break; }
        }
        if (clash) { continue; }
        placed.push(r);
        var node = el('div', 'mapper-label mapper-label-' + KINDS[p[4]], p[0]);
        L.DomUtil.setPosition(node, map.containerPointToLayerPoint(pt));
        frag.appendChild(node);
      }
      box.appendChild(frag);
    }
  });

  // ---- the theatre overlay ---------------------------------------------------------------------
  function theatre(data, options) {
    var group = L.featureGroup([], {attribution: options.attribution});
    var labels = [], places = [];
    (data.features || []).forEach(function (f) {
      var g = f.geometry, props = f.properties || {};
      if (!g) { return; }
      if (g.type === 'Point' || g.type === 'MultiPoint') {
        var c = g.type === 'Point' ? g.coordinates : g.coordinates[0];
        if (props.name) {
          places.push({name: String(props.name), aliases: props.aliases || [], lat: c[1], lon: c[0], kind: 'theatre', note: 'theatre overlay'});
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
        var b = layer.getBounds();
        places.push({name: String(props.name), aliases: props.aliases || [], lat: b.getCenter().lat,
          lon: b.getCenter().lng, bounds: b, kind: 'theatre', note: 'theatre overlay'});
        layer.bindTooltip(el('span', null, props.name), {sticky: true, className: 'mapper-region-tip'});
      }
    });
    // Town labels show from the overlay's label zoom on; below that they would pile up.
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

  // ---- map furniture ---------------------------------------------------------------------------
  function domControl(nodeId, position) {
    var node = byId(nodeId);
    var Ctl = L.Control.extend({
      onAdd: function () {
        L.DomEvent.disableClickPropagation(node);
        L.DomEvent.disableScrollPropagation(node);
        node.hidden = false;
        // a <details> legend starts folded on small screens, to leave the map visible
        if ('open' in node && (root.innerHeight < 640 || root.innerWidth < 760)) { node.open = false; }
        return node;
      }
    });
    return new Ctl({position: position});
  }

  function button(bar, cls, title, onClick) {
    var a = el('a', 'mapper-btn ' + cls);
    a.href = '#';
    a.title = title;
    a.setAttribute('role', 'button');
    a.setAttribute('aria-label', title);
    L.DomEvent.on(a, 'click', function (ev) { L.DomEvent.preventDefault(ev); onClick(); });
    bar.appendChild(a);
  }

  // Under the zoom buttons: fit the map to the shown incidents, and full screen.
  function mapButtons(map, view, position) {
    var Ctl = L.Control.extend({
      onAdd: function () {
        var bar = el('div', 'leaflet-bar mapper-buttons');
        L.DomEvent.disableClickPropagation(bar);
        button(bar, 'mapper-fit-btn', 'Fit the map to the shown incidents', function () { view.fitShown(true); });
        button(bar, 'mapper-fullscreen-btn', 'Full screen', function () {
          var doc = document, page = doc.documentElement;
          if (doc.fullscreenElement) {
            doc.exitFullscreen();
          } else if (page.requestFullscreen) {
            page.requestFullscreen().catch(function () { page.classList.toggle('mapper-fill'); });
          } else {
            page.classList.toggle('mapper-fill');
          }
        });
        return bar;
      }
    });
    return new Ctl({position: position}).addTo(map);
  }

  // An online tile layer that cannot load says so on the map; the offline basemap stays.
  function watchTiles(map, base, layers) {
    var notice = null, active = null;
    var say = function (layer) {
      if (!notice) {
        var Ctl = L.Control.extend({onAdd: function () {
          var node = el('div', 'mapper-notice');
          node.setAttribute('role', 'status');
          return node;
        }});
        notice = new Ctl({position: 'topright'}).addTo(map);
      }
      notice.getContainer().textContent = 'Online tiles “' + (layer.mapperName || 'tiles') +
        '” could not load (no network?). The offline basemap is shown instead.';
      notice.getContainer().hidden = false;
      base.setTiles(false);
    };
    layers.forEach(function (layer) {
      layer.mapperLoaded = false;
      layer.on('tileload', function () { layer.mapperLoaded = true; });
      layer.on('tileerror', function () { if (!layer.mapperLoaded && active === layer) { say(layer); } });
    });
    map.on('baselayerchange', function (ev) {
      active = layers.indexOf(ev.layer) === -1 ? null : ev.layer;
      if (active) { active.mapperName = ev.name; }
      if (notice) { notice.getContainer().hidden = true; }
      base.setTiles(!!active);
    });
  }

  M.decodeLine = decodeLine;
  M.basemap = function (map, data, places, style, after) {
    if (!map.getPane('mapperBase')) { map.createPane('mapperBase').style.zIndex = 150; }
    if (!map.getPane('mapperLabels')) { map.createPane('mapperLabels').style.zIndex = 420; }
    return basemap(map, data, places, style, after);
  };
  M.theatre = function (map, data, options) {
    if (!map.getPane('mapperTheatre')) { map.createPane('mapperTheatre').style.zIndex = 350; }
    return theatre(data, options);
  };
  M.domControl = domControl;
  M.mapButtons = mapButtons;
  M.watchTiles = watchTiles;
  // Move a Leaflet control out of the map into a page element (the side panel).
  M.dock = function (control, id) {
    var node = byId(id);
    if (node) { node.appendChild(control.getContainer()); }
  };
}(window));
