// Search in the page: the header box (`/` focuses it, arrows choose, Enter opens), the search page
// (search.html?q=…), and the marks on a topic opened from a result (topic.html?hl=…#section).
// The index is classic scripts loaded on first use, so all of it works from file:// too.
(function () {
  'use strict';
  var core = window.SimNotesSearch;
  var form = document.querySelector('.site-search');
  var params = new URLSearchParams(location.search);
  // Links are relative to the site's root: '' on most pages, the base path on the 404 page.
  var root = form ? form.getAttribute('data-root') || '' : '';
  var DROPDOWN_HITS = 6;

  function load(src, done) {
    var script = document.createElement('script');
    script.src = src;
    script.onload = function () { done(true); };
    script.onerror = function () {
      script.remove();
      done(false);
    };
    document.head.appendChild(script);
  }

  // The index: its manifest, then its parts beside it, loaded on first use and put together once.
  // Callers get null when a file would not load; the next use tries again.
  var index = null, pending = null;
  function withIndex(done) {
    if (index) {
      done(index);
      return;
    }
    if (!pending) {
      pending = [];
      var src = form.getAttribute('data-index'), base = src.slice(0, src.lastIndexOf('/') + 1);
      var finish = function (manifest) {
        var parts = manifest && manifest.parts.map(function (name, k) { return (window.SIMNOTES_SEARCH_PARTS || [])[k]; });
        if (parts && parts.every(Boolean)) index = core.combine(manifest, parts);
        var waiting = pending;
        pending = null;
        waiting.forEach(function (f) { f(index); });
      };
      load(src, function (ok) {
        var manifest = ok ? window.SIMNOTES_SEARCH : null;
        if (!manifest) {
          finish(null);
          return;
        }
        var left = manifest.parts.length;
        manifest.parts.forEach(function (name) {
          load(base + name, function () {
            if (--left === 0) finish(manifest);
          });
        });
      });
    }
    pending.push(done);
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  // Appends text to parent with the given [start, end) spans wrapped in <mark>.
  function appendMarked(parent, text, spans, from, to) {
    var at = from;
    spans.forEach(function (r) {
      var s = Math.max(r[0], from), e = Math.min(r[1], to);
      if (s >= e) return;
      if (s > at) parent.appendChild(document.createTextNode(text.slice(at, s)));
      parent.appendChild(el('mark', 'search-hit', text.slice(s, e)));
      at = e;
    });
    if (at < to) parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  // A stretch of the section text around its longest match (the one covering most of the query),
  // with every match marked.
  function snippet(text, terms, size) {
    var p = el('p', 'search-snippet');
    var spans = core.ranges(text, terms);
    var best = spans.reduce(function (b, r) { return !b || r[1] - r[0] > b[1] - b[0] ? r : b; }, null);
    var from = best ? Math.max(0, best[0] - Math.floor(size / 4)) : 0;
    var to = Math.min(text.length, from + size);
    from = Math.max(0, Math.min(from, to - size));
    if (/[\uDC00-\uDFFF]/.test(text.charAt(from))) from++;
    if (/[\uDC00-\uDFFF]/.test(text.charAt(to))) to--;
    if (from > 0) p.appendChild(document.createTextNode('…'));
    appendMarked(p, text, spans, from, to);
    if (to < text.length) p.appendChild(document.createTextNode('…'));
    return p;
  }

  function hitHref(index, hit, query) {
    var doc = index.docs[hit.doc], anchor = index.sections[hit.section][1];
    return root + doc[0] + '?hl=' + encodeURIComponent(query) + (anchor ? '#' + encodeURIComponent(anchor) : '');
  }

  // The parts of one result: its topic title, the section it links to, and the snippet.
  function describe(index, hit, terms, size) {
    var title = index.docs[hit.doc][1], section = index.sections[hit.section];
    var parts = { title: el('span', 'search-title'), section: null, snippet: snippet(section[3], terms, size) };
    appendMarked(parts.title, title, core.ranges(title, terms), 0, title.length);
    if (section[2]) {
      parts.section = el('span', 'search-section');
      appendMarked(parts.section, section[2], core.ranges(section[2], terms), 0, section[2].length);
    }
    return parts;
  }

  function searchPageUrl(query) {
    return root + 'search.html?q=' + encodeURIComponent(query);
  }

  // ---- the header box: a combobox whose options are the best few topics ----
  function headerBox() {
    var input = form.querySelector('.site-search-input');
    var panel = form.querySelector('.site-search-panel');
    var list = form.querySelector('.site-search-list');
    var status = form.querySelector('.site-search-status');
    var active = -1;

    function options() {
      return list.querySelectorAll('[role=option]');
    }
    function open(show) {
      panel.hidden = !show;
      input.setAttribute('aria-expanded', String(show));
      if (!show) choose(-1);
    }
    function choose(i) {
      var all = options();
      active = i;
      all.forEach(function (o, k) { o.setAttribute('aria-selected', String(k === i)); });
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', all[i].id);
        all[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    // Each option is the link itself (a link may take the option role), so nothing interactive sits
    // inside an option and the result still opens in a new tab by middle click.
    function option(id, href, content) {
      var li = el('li');
      li.setAttribute('role', 'presentation');
      var a = el('a', 'site-search-option');
      a.id = id;
      a.setAttribute('role', 'option');
      a.setAttribute('aria-selected', 'false');
      a.href = href;
      a.tabIndex = -1;
      content.forEach(function (c) { if (c) a.appendChild(c); });
      li.appendChild(a);
      return li;
    }
    function show() {
      var query = input.value.trim();
      list.textContent = '';
      if (!query) {
        open(false);
        return;
      }
      withIndex(function (index) {
        if (input.value.trim() !== query) return;
        list.textContent = '';
        if (!index) {
          status.textContent = '搜索索引没有加载成功，请刷新页面再试。';
          open(true);
          return;
        }
        var hits = core.search(index, query), terms = core.queryTerms(query);
        hits.slice(0, DROPDOWN_HITS).forEach(function (hit, k) {
          var p = describe(index, hit, terms, 60);
          list.appendChild(option('site-search-option-' + k, hitHref(index, hit, query), [p.title, p.section, p.snippet]));
        });
        if (hits.length) {
          list.appendChild(option('site-search-option-all', searchPageUrl(query),
            [el('span', 'search-all', hits.length > DROPDOWN_HITS ? '查看全部 ' + hits.length + ' 个结果' : '在搜索页查看')]));
        }
        status.textContent = hits.length ? '找到 ' + hits.length + ' 个相关题目，用上下方向键选择' : '没有找到与“' + query + '”相关的内容';
        open(true);
        choose(-1);
        // A list taller than the panel scrolls, so the keyboard must be able to reach it too.
        panel.tabIndex = panel.scrollHeight > panel.clientHeight ? 0 : -1;
      });
    }

    input.addEventListener('focus', function () { withIndex(function () {}); });
    input.addEventListener('input', show);
    input.addEventListener('keydown', function (e) {
      var n = options().length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (panel.hidden) show();
        if (!n) return;
        e.preventDefault();
        choose(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n : active) - 1);
      } else if (e.key === 'Enter') {
        if (!input.value.trim()) {
          e.preventDefault();
        } else if (active >= 0) {
          e.preventDefault();
          location.href = options()[active].href;
        }
      }
    });
    form.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && !panel.hidden) {
        e.preventDefault();
        open(false);
        input.focus();
      }
    });
    form.addEventListener('focusout', function (e) {
      if (!form.contains(e.relatedTarget)) open(false);
    });
    list.addEventListener('mousemove', function (e) {
      var o = e.target.closest('[role=option]');
      if (o) choose(Array.prototype.indexOf.call(options(), o));
    });
  }

  // ---- search.html: every hit, from the query in the address ----
  function searchPage(main) {
    var input = main.querySelector('.search-page-input');
    var status = main.querySelector('.search-status');
    var results = main.querySelector('.search-results');

    function render() {
      var query = input.value.trim();
      results.textContent = '';
      try {
        history.replaceState(null, '', query ? searchPageUrl(query) : 'search.html');
      } catch (e) { /* some file:// setups refuse; the results still show */ }
      if (!query) {
        status.textContent = '输入关键词搜索全部题目，例如：梯度消失、归一化、LSTM。';
        return;
      }
      status.textContent = '正在加载搜索索引…';
      withIndex(function (index) {
        if (input.value.trim() !== query) return;
        if (!index) {
          status.textContent = '搜索索引没有加载成功，请刷新页面再试。';
          return;
        }
        var hits = core.search(index, query), terms = core.queryTerms(query);
        results.textContent = '';
        hits.forEach(function (hit) {
          var p = describe(index, hit, terms, 120);
          var li = el('li', 'search-result');
          var h2 = el('h2', 'search-result-title');
          var a = el('a');
          a.href = hitHref(index, hit, query);
          a.appendChild(p.title);
          h2.appendChild(a);
          li.appendChild(h2);
          if (p.section) li.appendChild(p.section);
          li.appendChild(p.snippet);
          results.appendChild(li);
        });
        status.textContent = hits.length
          ? '找到 ' + hits.length + ' 个与“' + query + '”相关的题目'
          : '没有找到与“' + query + '”相关的内容。换个说法，或试试更短的关键词。';
      });
    }

    input.value = params.get('q') || '';
    main.querySelector('.search-page-form').addEventListener('submit', function (e) {
      e.preventDefault();
      render();
    });
    input.addEventListener('input', render);
    withIndex(function () {});
    render();
  }

  // ---- a topic opened from a result: mark the query in the section it points at ----
  function markSection(query) {
    var terms = core.queryTerms(query);
    if (!terms.length) return;
    var id = '';
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) { /* a malformed anchor: mark the head of the page */ }
    var heading = id ? document.getElementById(id) : null;
    var parts = [];
    if (heading && heading.closest('.content')) {
      heading.classList.add('search-target');
      parts.push(heading);
      for (var n = heading.nextElementSibling; n && !/^H[1-6]$/.test(n.tagName); n = n.nextElementSibling) parts.push(n);
    } else {
      parts.push(document.querySelector('.topic-header'));
      var first = document.querySelector('.content');
      for (var c = first && first.firstElementChild; c && !/^H[1-6]$/.test(c.tagName); c = c.nextElementSibling) parts.push(c);
    }
    parts.forEach(function (part) {
      var walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT, {
        acceptNode: function (t) {
          return t.parentElement.closest('.katex, .anchor, mark') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      var texts = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      texts.forEach(function (t) {
        var spans = core.ranges(t.data, terms);
        if (!spans.length) return;
        var frag = document.createDocumentFragment();
        appendMarked(frag, t.data, spans, 0, t.data.length);
        t.parentNode.replaceChild(frag, t);
      });
    });
  }

  if (form) {
    headerBox();
    document.addEventListener('keydown', function (e) {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t.closest && t.closest('input, textarea, select, [contenteditable]')) return;
      var target = document.querySelector('.search-page-input') || form.querySelector('.site-search-input');
      if (target.offsetParent === null) return;
      e.preventDefault();
      target.focus();
      target.select();
    });
  }
  var page = document.querySelector('main.search-page');
  if (page && form) searchPage(page);
  if (params.get('hl') && document.querySelector('main.topic')) markSection(params.get('hl'));
})();
