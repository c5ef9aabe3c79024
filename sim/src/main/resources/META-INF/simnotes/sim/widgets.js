// Brings the simulation figures to life: runs the Java simulations compiled to WebAssembly GC (or to
// JavaScript where the browser lacks it), re-draws on every control change, and keeps the state in
// the address's #fragment so a view can be shared. Without this script the figures keep the picture
// the build computed.
(function () {
  'use strict';
  var figures = Array.prototype.slice.call(document.querySelectorAll('figure.sim'));
  if (!figures.length) return;
  var fallbackUrl = document.currentScript && document.currentScript.getAttribute('data-fallback');
  var forceJs = /(?:^|[?&])sim-runtime=js(?:&|$)/.test(location.search.slice(1));

  function decode(base64) {
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }

  function loadFallback(reason) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = fallbackUrl;
      s.onload = function () { resolve({ exports: window, kind: 'js', reason: reason }); };
      s.onerror = function () { reject(new Error('模拟程序加载失败')); };
      document.head.appendChild(s);
    });
  }

  function loadRuntime() {
    if (forceJs) return loadFallback('按地址参数 sim-runtime=js 使用');
    if (!window.TeaVM || !TeaVM.wasmGC || !window.SIMNOTES_SIM_WASM) {
      return loadFallback('WebAssembly 版本未能加载');
    }
    return TeaVM.wasmGC.load(decode(window.SIMNOTES_SIM_WASM)).then(function (m) {
      if (!m.exports || typeof m.exports.renderWidget !== 'function') throw new Error('no simulation exports');
      return { exports: m.exports, kind: 'wasm' };
    }).catch(function () {
      return loadFallback('WebAssembly 版本无法运行，可能是浏览器不支持 WebAssembly GC');
    });
  }

  function parseQuery(query) {
    var values = {};
    query.split('&').forEach(function (pair) {
      var eq = pair.indexOf('=');
      if (eq > 0) values[pair.slice(0, eq)] = pair.slice(eq + 1);
    });
    return values;
  }

  function start(figure, runtime) {
    var name = figure.getAttribute('data-sim');
    var form = figure.querySelector('.sim-controls');
    var view = figure.querySelector('.sim-view');
    var prefix = '#' + figure.id + '?';

    function formQuery() {
      return Array.prototype.map.call(form.elements, function (el) {
        return el.name ? el.name + '=' + encodeURIComponent(el.value) : null;
      }).filter(Boolean).join('&');
    }

    function sync(state) {
      var limits = state.getAttribute('data-limits');
      if (limits) {
        limits.split(',').forEach(function (pair) {
          var kv = pair.split(':');
          var input = form.elements[kv[0]];
          if (input) input.max = kv[1];
        });
      }
      var values = parseQuery(state.getAttribute('data-query'));
      Object.keys(values).forEach(function (key) {
        var el = form.elements[key];
        if (!el) return;
        el.value = values[key];
        var out = form.querySelector('output[for="' + el.id + '"]');
        if (out) out.textContent = values[key];
      });
    }

    function render(query, share) {
      var html;
      try {
        html = runtime.exports.renderWidget(name, query);
      } catch (e) {
        html = runtime.exports.renderWidget(name, figure.getAttribute('data-default'));
      }
      view.innerHTML = html;
      var state = view.querySelector('.sim-state');
      sync(state);
      if (share) history.replaceState(null, '', prefix + state.getAttribute('data-query'));
    }

    function fromHash() {
      var hash = location.hash;
      if (hash.indexOf(prefix) !== 0) return false;
      var query = hash.slice(prefix.length);
      try { query = decodeURIComponent(query); } catch (e) { /* keep it raw: the widget reports bad values */ }
      render(query, false);
      return true;
    }

    form.hidden = false;
    form.addEventListener('input', function () { render(formQuery(), true); });
    // A <select> may report a choice only by 'change' (keyboard, some drivers), so listen there too.
    form.addEventListener('change', function (e) {
      if (e.target.tagName === 'SELECT') render(formQuery(), true);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('click', function (e) {
      var action = e.target.getAttribute('data-action');
      if (action === 'resample') {
        var seed = form.elements.seed;
        seed.value = String((Number(seed.value) || 0) + 1);
        render(formQuery(), true);
      }
    });
    view.addEventListener('click', function (e) {
      var pick = e.target.closest('[data-pick]');
      if (!pick) return;
      var kv = pick.getAttribute('data-pick').split(':');
      form.elements[kv[0]].value = kv[1];
      render(formQuery(), true);
    });
    window.addEventListener('hashchange', fromHash);
    if (!fromHash()) render(figure.getAttribute('data-default'), false);

    figure.setAttribute('data-runtime', runtime.kind);
    figure.querySelector('.sim-runtime').textContent = runtime.kind === 'wasm'
      ? '由 WebAssembly 在浏览器中实时计算'
      : '由 JavaScript 在浏览器中实时计算（' + runtime.reason + '）';
  }

  loadRuntime().then(function (runtime) {
    figures.forEach(function (f) { start(f, runtime); });
  }, function (err) {
    figures.forEach(function (f) {
      f.querySelector('.sim-runtime').textContent = err.message + '，显示的是构建时计算的默认状态';
    });
  });
})();
