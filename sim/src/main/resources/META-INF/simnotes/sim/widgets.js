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
    var status = figure.querySelector('.sim-status');
    var prefix = '#' + figure.id + '?';

    function formQuery() {
      return Array.prototype.map.call(form.elements, function (el) {
        return el.name ? el.name + '=' + encodeURIComponent(el.value) : null;
      }).filter(Boolean).join('&');
    }

    // The number box being typed in keeps what the reader typed: writing the settled value back
    // mid-edit would turn a deleted last digit into the default.
    function sync(state, editing) {
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
        if (!el || el === editing) return;
        el.value = values[key];
        var out = form.querySelector('output[for="' + el.id + '"]');
        if (out) out.textContent = values[key];
      });
    }

    // Only what changed is announced, in the widget's own sentence or as the control and its value;
    // the view itself is no live region, so a key press does not re-read the whole figure.
    function announce(control) {
      var summary = view.querySelector('.sim-summary');
      var text = summary ? summary.textContent : '';
      if (!text && control) {
        var label = form.querySelector('label[for="' + control.id + '"]');
        var value = control.tagName === 'SELECT' ? control.options[control.selectedIndex].text : control.value;
        text = (label ? label.textContent + ' ' : '') + value;
      }
      if (text) status.textContent = text;
    }

    // A view wider than the column scrolls sideways; the keyboard can scroll it only once it takes focus.
    function scrollable() {
      if (view.scrollWidth > view.clientWidth) {
        view.tabIndex = 0;
        view.setAttribute('role', 'group');
        view.setAttribute('aria-label', '模拟图（可左右滚动）');
      } else {
        view.removeAttribute('tabindex');
        view.removeAttribute('role');
        view.removeAttribute('aria-label');
      }
    }

    function render(query, share, control, editing) {
      var html;
      try {
        html = runtime.exports.renderWidget(name, query);
      } catch (e) {
        html = runtime.exports.renderWidget(name, figure.getAttribute('data-default'));
      }
      view.innerHTML = html;
      var state = view.querySelector('.sim-state');
      sync(state, editing);
      scrollable();
      if (share) {
        history.replaceState(null, '', prefix + state.getAttribute('data-query'));
        announce(control);
      }
    }

    function fromHash() {
      var hash = location.hash;
      if (hash.indexOf(prefix) !== 0) return false;
      var query = hash.slice(prefix.length);
      try { query = decodeURIComponent(query); } catch (e) { /* keep it raw: the widget reports bad values */ }
      render(query, false);
      return true;
    }

    // Chooses a shape of the view (an output cell, a time step) and keeps the keyboard focus on it.
    function pick(target) {
      var key = target.getAttribute('data-pick');
      var kv = key.split(':');
      form.elements[kv[0]].value = kv[1];
      var focused = view.contains(document.activeElement);
      render(formQuery(), true, form.elements[kv[0]]);
      var again = view.querySelector('[data-pick="' + key + '"]');
      if (focused && again) again.focus();
    }

    var STEPS = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

    form.hidden = false;
    form.addEventListener('input', function (e) {
      var el = e.target;
      if (el.type === 'number') {
        if (el.value === '' || !el.checkValidity()) return;
        render(formQuery(), true, el, el);
      } else {
        render(formQuery(), true, el);
      }
    });
    // A <select> may report a choice only by 'change' (keyboard, some drivers), so listen there too; a number
    // box commits on 'change' (Enter or leaving it), and then shows the value the widget settled on.
    form.addEventListener('change', function (e) {
      if (e.target.tagName === 'SELECT' || e.target.type === 'number') render(formQuery(), true, e.target);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('click', function (e) {
      var action = e.target.getAttribute('data-action');
      if (action === 'resample') {
        var seed = form.elements.seed;
        seed.value = String((Number(seed.value) || 0) + 1);
        render(formQuery(), true, seed);
      }
    });
    view.addEventListener('click', function (e) {
      var target = e.target.closest('[data-pick]');
      if (target) pick(target);
    });
    view.addEventListener('keydown', function (e) {
      var target = e.target.closest && e.target.closest('[data-pick]');
      if (!target) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pick(target);
      } else if (STEPS[e.key]) {
        var all = target.ownerSVGElement.querySelectorAll('[data-pick]');
        var at = Array.prototype.indexOf.call(all, target) + STEPS[e.key];
        e.preventDefault();
        if (at >= 0 && at < all.length) pick(all[at]);
      }
    });
    window.addEventListener('hashchange', fromHash);
    window.addEventListener('resize', scrollable);
    if (fromHash()) {
      // A shared link names the figure only inside its fragment, which the browser does not scroll to.
      figure.scrollIntoView({ block: 'start' });
    } else {
      render(figure.getAttribute('data-default'), false);
    }
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
