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

  // The same inputs as SimCases.java.
  function noise(i) { var x = Math.sin(i * 12.9898 + 78.233) * 43758.5453; return x - Math.floor(x); }
  function values(from, n, lo, hi) {
    var v = new Float64Array(n);
    for (var i = 0; i < n; i++) v[i] = lo + (hi - lo) * noise(from + i);
    return v;
  }
  var GRID = 256, IN = 16, HID = 64, STEPS = 200;
  var grid = values(0, GRID * GRID, -1, 1);
  var wxh = values(1000000, HID * IN, -0.25, 0.25);
  var whh = values(2000000, HID * HID, -1 / Math.sqrt(HID), 1 / Math.sqrt(HID));
  var b = values(3000000, HID, -0.1, 0.1);
  var h0 = new Float64Array(HID);
  var xs = values(4000000, STEPS * IN, -1, 1);
  var WIDGETS = {
    renderDropout: ['dropout', 'keepProb=0.5&n=256&seed=42&style=inverted&phase=train'],
    renderPool: ['pool', 'mode=max&size=10&kernel=3&stride=1&padding=1&cell=1&seed=7'],
    renderRnn: ['rnn', 'steps=40&scale=0.9&activation=tanh&hidden=8&t=40&seed=3']
  };

  function cases(x) {
    var c = {
      dropoutMask: function () { return x.dropoutMask(65536, 0.5, 42); },
      poolMaxK2S2: function () { return x.poolMax(GRID, GRID, 2, 2, 0, grid); },
      poolMaxK3S1: function () { return x.poolMax(GRID, GRID, 3, 1, 0, grid); },
      poolAvgK2S2: function () { return x.poolAvg(GRID, GRID, 2, 2, 0, grid); },
      poolAvgK3S1: function () { return x.poolAvg(GRID, GRID, 3, 1, 0, grid); },
      rnnGradNorms: function () { return x.rnnGradNorms('tanh', IN, HID, STEPS, wxh, whh, b, h0, xs); }
    };
    Object.keys(WIDGETS).forEach(function (k) {
      c[k] = function () { return x.renderWidget(WIDGETS[k][0], WIDGETS[k][1]); };
    });
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
    view.innerHTML = x.renderWidget(WIDGETS[widget][0], WIDGETS[widget][1]);
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

  try {
    var results = { userAgent: navigator.userAgent, load: {} };
    var t0 = performance.now();
    var wasm = (await TeaVM.wasmGC.load(decode(window.SIMNOTES_SIM_WASM))).exports;
    results.load.wasm = performance.now() - t0;
    results.wasm = await run(wasm);
    t0 = performance.now();
    var js = await loadFallback();
    results.load.js = performance.now() - t0;
    results.js = await run(js);
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
