// Times the simulations in the page: the calls of SimBenchmarks (JMH) with the same inputs, first in
// WebAssembly GC, then in the JavaScript fallback, and each widget's full update (renderWidget, the new
// HTML in the page, layout) at its largest allowed size. Writes JSON into #results when done, then
// offers window.simBench.repeat(runtime, call, ms) and update(runtime, widget, ms) so a profiler can
// watch one thing at a time.
(async function () {
  'use strict';
  var out = document.getElementById('results');
  var fallbackUrl = document.currentScript.getAttribute('data-fallback');
  var ROUNDS = 10, BATCH_MS = 50, WARMUP_MS = 1000, UPDATES = 40;
  var sink;

  // The same inputs as SimCases.java; the widgets' largest states come from it through the page.
  function noise(i) { var x = Math.sin(i * 12.9898 + 78.233) * 43758.5453; return x - Math.floor(x); }
  function values(from, n, lo, hi) {
    var v = new Float64Array(n);
    for (var i = 0; i < n; i++) v[i] = lo + (hi - lo) * noise(from + i);
    return v;
  }
  function filled(n, value) { return new Float64Array(n).fill(value); }
  var GRID = 256, IN = 16, HID = 64, STEPS = 200;
  var grid = values(0, GRID * GRID, -1, 1);
  var wxh = values(1000000, HID * IN, -0.25, 0.25);
  var whh = values(2000000, HID * HID, -1 / Math.sqrt(HID), 1 / Math.sqrt(HID));
  var b = values(3000000, HID, -0.1, 0.1);
  var h0 = new Float64Array(HID);
  var xs = values(4000000, STEPS * IN, -1, 1);
  var ATT_N = 8, ATT_D = 128, G_IN = 2, G_HID = 3, G_STEPS = 30, NORM = 6;
  var q = values(5000000, ATT_N * ATT_D, -1, 1);
  var k = values(6000000, ATT_N * ATT_D, -1, 1);
  function gateWeights(from, gates, columns) { return values(from, gates * G_HID * columns, -1, 1); }
  var lstm = [gateWeights(7000000, 4, G_IN), gateWeights(7100000, 4, G_HID), gateWeights(7200000, 4, 1), new Float64Array(4 * G_HID)];
  var gru = [gateWeights(8000000, 3, G_IN), gateWeights(8100000, 3, G_HID), gateWeights(8200000, 3, 1), new Float64Array(3 * G_HID)];
  var gatedH0 = new Float64Array(G_HID);
  var gatedXs = values(9000000, G_STEPS * G_IN, -1, 1);
  var normX = values(10000000, NORM * NORM, -2, 2), ones = filled(NORM, 1), zeros = filled(NORM, 0);
  var activationX = new Float64Array(4001);
  for (var a = 0; a < activationX.length; a++) activationX[a] = (a - 2000) / 100;
  var WIDGETS = window.SIM_BENCH_WIDGETS;

  // The pooling calls pool a grid handed to the module once (poolGridLoad times that), as a page keeps
  // its data there; poolMaxK2S2Copied is the array export, the grid copied in and the output out each call.
  function cases(x) {
    var kept = x.poolGrid(GRID, GRID, grid);
    var pooled = kept.max(2, 2, 0);
    var c = {
      dropoutMask: function () { return x.dropoutMask(65536, 0.5, 42); },
      poolMaxK2S2: function () { return kept.max(2, 2, 0); },
      poolMaxK3S1: function () { return kept.max(3, 1, 0); },
      poolAvgK2S2: function () { return kept.avg(2, 2, 0); },
      poolAvgK3S1: function () { return kept.avg(3, 1, 0); },
      poolGridLoad: function () { return x.poolGrid(GRID, GRID, grid); },
      poolOutputRead: function () { return pooled.values(); },
      poolMaxK2S2Copied: function () { return x.poolMax(GRID, GRID, 2, 2, 0, grid); },
      rnnGradNorms: function () { return x.rnnGradNorms('tanh', IN, HID, STEPS, wxh, whh, b, h0, xs); }
    };
    Object.keys(WIDGETS).forEach(function (w) {
      c['render ' + w] = function () { return x.renderWidget(w, WIDGETS[w]); };
    });
    c.deepGradNorms = function () { return x.deepGradNorms(50, 16, 1, 'relu', false, 3); };
    c.attentionWeights = function () { return x.attentionWeights(ATT_N, ATT_N, ATT_D, ATT_D, q, k, k, true); };
    c.lstmHidden = function () {
      return x.lstmHidden(G_IN, G_HID, G_STEPS, lstm[0], lstm[1], lstm[2], lstm[3], gatedH0, gatedH0, gatedXs);
    };
    c.gruHidden = function () { return x.gruHidden(G_IN, G_HID, G_STEPS, gru[0], gru[1], gru[2], gru[3], gatedH0, gatedXs); };
    c.normOutput = function () { return x.normOutput('batch', NORM, NORM, normX, ones, zeros, 1e-5); };
    c.activationGrad = function () { return x.activationGrad('gelu', activationX); };
    c.positionalEncoding = function () { return x.positionalEncoding(32, 16); };
    c.mlmMaskSelected = function () { return x.mlmMaskSelected(10000, 5, 47, 0.5); };
    return c;
  }

  function pause() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }

  // Batches long enough for the page's coarse timer; returns µs per call, one value per round.
  async function time(fn) {
    var n = 1, t0, i;
    for (;;) {
      t0 = performance.now();
      for (i = 0; i < n; i++) sink = fn();
      if (performance.now() - t0 >= BATCH_MS) break;
      n *= 2;
    }
    var warmEnd = performance.now() + WARMUP_MS;
    while (performance.now() < warmEnd) {
      for (i = 0; i < n; i++) sink = fn();
      await pause();
    }
    var samples = [];
    for (var r = 0; r < ROUNDS; r++) {
      await pause();
      t0 = performance.now();
      for (i = 0; i < n; i++) sink = fn();
      samples.push((performance.now() - t0) * 1000 / n);
    }
    return samples;
  }

  // One update as the page makes it: the widget's HTML, put into the figure, laid out.
  function update(x, widget) {
    var view = document.getElementById('view');
    view.innerHTML = x.renderWidget(widget, WIDGETS[widget]);
    return view.getBoundingClientRect().height + document.body.offsetHeight;
  }

  // Milliseconds per update, one value per update.
  async function updates(x, widget) {
    for (var w = 0; w < 10; w++) update(x, widget);
    var samples = [];
    for (var i = 0; i < UPDATES; i++) {
      await pause();
      var t0 = performance.now();
      sink = update(x, widget);
      samples.push(performance.now() - t0);
    }
    return samples;
  }

  async function run(x) {
    var result = { calls: {}, updates: {} };
    var c = cases(x);
    for (var k in c) {
      result.calls[k] = await time(c[k]);
    }
    for (var w in WIDGETS) {
      result.updates[w] = await updates(x, w);
    }
    return result;
  }

  function decode(base64) {
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  function loadFallback() {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = fallbackUrl;
      s.onload = function () { resolve(window); };
      s.onerror = function () { reject(new Error('cannot load ' + fallbackUrl)); };
      document.head.appendChild(s);
    });
  }

  // With SIM_BENCH_PROFILE_ONLY the page times nothing: it offers the calls to the profiler at once.
  var timing = !window.SIM_BENCH_PROFILE_ONLY;
  try {
    var results = { userAgent: navigator.userAgent, load: {} };
    var t0 = performance.now();
    var wasm = (await TeaVM.wasmGC.load(decode(window.SIMNOTES_SIM_WASM))).exports;
    results.load.wasm = performance.now() - t0;
    results.wasm = timing ? await run(wasm) : null;
    t0 = performance.now();
    var js = await loadFallback();
    results.load.js = performance.now() - t0;
    results.js = timing ? await run(js) : null;
    results.calls = Object.keys(cases(wasm));
    results.widgets = Object.keys(WIDGETS);
    var runtimes = { wasm: wasm, js: js };
    var byRuntime = { wasm: cases(wasm), js: cases(js) };
    window.simBench = {
      repeat: function (runtime, name, ms) {
        var fn = byRuntime[runtime][name], end = performance.now() + ms, calls = 0;
        while (performance.now() < end) { sink = fn(); calls++; }
        return calls;
      },
      update: function (runtime, widget, ms) {
        var end = performance.now() + ms, updates = 0;
        while (performance.now() < end) { sink = update(runtimes[runtime], widget); updates++; }
        var view = document.getElementById('view');
        return { updates: updates, chars: view.innerHTML.length, elements: view.getElementsByTagName('*').length };
      }
    };
    out.textContent = JSON.stringify(results);
    out.setAttribute('data-done', 'true');
  } catch (e) {
    out.textContent = String(e && e.stack || e);
    out.setAttribute('data-done', 'error');
  }
})();
