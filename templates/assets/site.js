// The page's reading aids: the theme choice, the phone menu, the table of contents that follows the
// reader, back to top, and ←/→ for the previous and next topic. Each works alone and does nothing where
// its part of the page is missing.

// Theme: follow the system, light or dark, remembered; theme.js applies the choice before the first paint.
(function () {
  var root = document.documentElement;
  var button = document.querySelector('.theme-toggle');
  if (!button) return;
  var CHOICES = ['system', 'light', 'dark'];
  var NAMES = { system: '跟随系统', light: '浅色', dark: '深色' };
  function current() {
    return root.getAttribute('data-theme') || 'system';
  }
  function next() {
    return CHOICES[(CHOICES.indexOf(current()) + 1) % CHOICES.length];
  }
  function show() {
    button.setAttribute('aria-label', '主题：' + NAMES[current()]);
    button.setAttribute('title', '主题：' + NAMES[current()] + '（点击换成' + NAMES[next()] + '）');
  }
  show();
  button.addEventListener('click', function () {
    var choice = next();
    if (choice === 'system') root.removeAttribute('data-theme'); else root.setAttribute('data-theme', choice);
    try {
      if (choice === 'system') localStorage.removeItem('simnotes-theme'); else localStorage.setItem('simnotes-theme', choice);
    } catch (e) { /* not remembered, still applied */ }
    show();
  });
})();

// Phone menu: the header button opens the topic list over the page and moves the focus into it;
// Escape, the button or leaving the list closes it.
(function () {
  var button = document.querySelector('.menu-toggle');
  var menu = button && document.getElementById(button.getAttribute('aria-controls'));
  if (!menu) return;
  function isOpen() {
    return button.getAttribute('aria-expanded') === 'true';
  }
  function setOpen(open) {
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? '关闭题目列表' : '全部题目');
    menu.classList.toggle('is-open', open);
  }
  button.addEventListener('click', function () {
    setOpen(!isOpen());
    if (!isOpen()) return;
    var here = menu.querySelector('[aria-current=page]') || menu.querySelector('a');
    menu.scrollTop = 0;
    if (here) {
      here.focus({ preventScroll: true });
      // The list from its top, unless that leaves this page's topic below the screen.
      if (here.offsetTop + here.offsetHeight > menu.clientHeight) menu.scrollTop = here.offsetTop - menu.clientHeight / 3;
    }
  });
  menu.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && isOpen()) {
      setOpen(false);
      button.focus();
    }
  });
  menu.addEventListener('focusout', function (e) {
    if (isOpen() && e.relatedTarget && !menu.contains(e.relatedTarget) && e.relatedTarget !== button) setOpen(false);
  });
  // On a wide screen the list is beside the text: nothing left to close.
  window.matchMedia('(min-width: 60em)').addEventListener('change', function (m) {
    if (m.matches) setOpen(false);
  });
})();

// Table of contents: open beside the text on wide screens (closed on phones), marking the section
// the reader is in.
(function () {
  var toc = document.querySelector('details.toc');
  if (!toc) return;
  var wide = window.matchMedia('(min-width: 75em)');
  function fit() {
    toc.open = wide.matches;
  }
  fit();
  wide.addEventListener('change', fit);

  var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
  var targets = links.map(function (a) { return document.getElementById(decodeURIComponent(a.hash.slice(1))); });
  var current = null, queued = false;
  function mark() {
    queued = false;
    // A section is the reader's once its heading passes the top quarter of what the header leaves in view.
    var header = document.querySelector('.site-header');
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var line = top + (innerHeight - top) / 4;
    var atEnd = innerHeight + scrollY >= document.documentElement.scrollHeight - 2;
    var found = null;
    targets.forEach(function (t, k) {
      if (t && t.getBoundingClientRect().top <= (atEnd ? innerHeight : line)) found = links[k];
    });
    if (found === current) return;
    if (current) current.removeAttribute('aria-current');
    current = found;
    if (!current) return;
    current.setAttribute('aria-current', 'location');
    // Keep the mark in view when the contents are taller than the screen, scrolling only the contents.
    var box = toc.getBoundingClientRect(), r = current.getBoundingClientRect();
    if (r.top < box.top || r.bottom > box.bottom) toc.scrollTop += r.top - box.top - box.height / 3;
  }
  function queue() {
    if (!queued) {
      queued = true;
      requestAnimationFrame(mark);
    }
  }
  window.addEventListener('scroll', queue, { passive: true });
  window.addEventListener('resize', queue);
  mark();
})();

// Back to top: shown once the reader is a screen down; it scrolls up and puts the focus at the start of the text.
(function () {
  var button = document.querySelector('.back-to-top');
  var main = document.getElementById('main');
  if (!button || !main) return;
  var queued = false;
  function show() {
    queued = false;
    var far = scrollY > innerHeight;
    // Hiding the focused button would drop the focus to the page's start.
    if (!far && document.activeElement === button) return;
    button.hidden = !far;
  }
  window.addEventListener('scroll', function () {
    if (!queued) {
      queued = true;
      requestAnimationFrame(show);
    }
  }, { passive: true });
  button.addEventListener('click', function () {
    var still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    window.scrollTo({ top: 0, behavior: still ? 'auto' : 'smooth' });
    main.focus({ preventScroll: true });
    button.hidden = true;
  });
  show();
})();

// A formula or table wider than the column scrolls sideways: it takes the focus then, so the keyboard
// can scroll it too (checked again once the fonts are in and when the window changes size).
(function () {
  var boxes = document.querySelectorAll('.content table, .content .math-display, .content pre');
  if (!boxes.length) return;
  function fit() {
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth) box.setAttribute('tabindex', '0'); else box.removeAttribute('tabindex');
    });
  }
  fit();
  if (document.fonts) document.fonts.ready.then(fit);
  window.addEventListener('load', fit);
  window.addEventListener('resize', fit);
})();

// ← and → open the previous and next topic, unless the key belongs to what has the focus: a field, a
// simulation's controls, a widget that handled it, or a box that scrolls sideways.
(function () {
  var prev = document.querySelector('a[rel=prev]'), next = document.querySelector('a[rel=next]');
  if (!prev && !next) return;
  function ownsArrows(t) {
    if (!t || !t.closest || t === document.body) return false;
    if (t.closest('input, textarea, select, [contenteditable], figure.sim, [role=slider], [role=grid], [role=listbox],'
        + ' [role=tablist], [role=menu], [role=radiogroup], [role=tree]')) return true;
    for (var e = t; e && e !== document.body; e = e.parentElement) {
      if (e.scrollWidth > e.clientWidth && /(auto|scroll)/.test(getComputedStyle(e).overflowX)) return true;
    }
    return false;
  }
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    var link = e.key === 'ArrowLeft' ? prev : e.key === 'ArrowRight' ? next : null;
    if (!link || ownsArrows(e.target)) return;
    e.preventDefault();
    location.href = link.href;
  });
})();
