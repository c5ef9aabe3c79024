// Self-test: on a topic, hides each interview answer behind 显示答案 so the learner answers first,
// then lets them mark it 已掌握 or 还不熟; on the home page, shows how many topics are reviewed.
// Marks live in localStorage under simnotes-selftest:<slug> as {"total": n, "marks": {"0": "known"}}.
(function () {
  'use strict';
  var PREFIX = 'simnotes-selftest:';
  var MODE = 'simnotes-selftest-mode';
  var MARKS = { known: '已掌握', unsure: '还不熟' };

  // Storage may be off (private windows, some file:// setups): the mode then lasts for the page.
  var memory = {};
  function get(key) {
    try { return localStorage.getItem(key); } catch (e) { return memory[key] || null; }
  }
  function set(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
  }
  function record(slug) {
    try {
      var r = JSON.parse(get(PREFIX + slug));
      if (r && typeof r.total === 'number' && r.marks) return r;
    } catch (e) { /* a damaged record starts afresh */ }
    return { total: 0, marks: {} };
  }
  function marked(r) {
    var n = 0;
    for (var i = 0; i < r.total; i++) if (MARKS[r.marks[i]]) n++;
    return n;
  }
  function known(r) {
    var n = 0;
    for (var i = 0; i < r.total; i++) if (r.marks[i] === 'known') n++;
    return n;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function topicPage(main) {
    var slug = main.getAttribute('data-slug');
    var answers = Array.prototype.slice.call(main.querySelectorAll('.content blockquote.answer'));
    var bar = main.querySelector('.selftest-bar');
    if (!bar || !answers.length) return;
    var toggle = bar.querySelector('.selftest-toggle');
    var status = bar.querySelector('.selftest-status');
    // What the bar says before anything is marked, as the page was built.
    var invitation = status.textContent;
    var r = record(slug);
    r.total = answers.length;

    function save() {
      set(PREFIX + slug, JSON.stringify(r));
    }
    function showStatus() {
      var n = marked(r);
      if (n === 0 && toggle.getAttribute('aria-pressed') !== 'true') {
        status.textContent = invitation;
      } else {
        status.textContent = n === r.total
          ? '本题已复习：' + known(r) + ' 个已掌握，' + (r.total - known(r)) + ' 个还不熟'
          : '已标记 ' + n + ' / ' + r.total + ' 个回答';
      }
    }

    function drill(answer, i) {
      if (!answer.id) answer.id = 'answer-' + (i + 1);
      var card = el('div', 'selftest-card');
      var prompt = el('p', 'selftest-prompt');
      card.appendChild(prompt);
      var reveal = el('button', 'selftest-reveal');
      reveal.type = 'button';
      reveal.setAttribute('aria-controls', answer.id);
      card.appendChild(reveal);

      var marks = el('div', 'selftest-marks');
      marks.setAttribute('role', 'group');
      marks.setAttribute('aria-label', '第 ' + (i + 1) + ' 个回答掌握得怎样');
      marks.appendChild(el('span', 'selftest-question', '这道题你掌握了吗？'));
      var buttons = Object.keys(MARKS).map(function (value) {
        var b = el('button', 'selftest-mark selftest-' + value, MARKS[value]);
        b.type = 'button';
        b.addEventListener('click', function () {
          if (r.marks[i] === value) delete r.marks[i]; else r.marks[i] = value;
          save();
          update();
        });
        marks.appendChild(b);
        return b;
      });

      function update() {
        prompt.textContent = answer.hidden ? '先想一想你会怎么回答，再看参考答案。' : '对照参考答案，看看哪些要点没想到。';
        reveal.textContent = answer.hidden ? '显示答案' : '收起答案';
        reveal.setAttribute('aria-expanded', String(!answer.hidden));
        marks.hidden = answer.hidden;
        buttons.forEach(function (b, k) { b.setAttribute('aria-pressed', String(r.marks[i] === Object.keys(MARKS)[k])); });
        card.setAttribute('data-mark', r.marks[i] || '');
        showStatus();
      }
      reveal.addEventListener('click', function () {
        answer.hidden = !answer.hidden;
        update();
        if (!answer.hidden) answer.focus();
      });

      answer.tabIndex = -1;
      // What the learner just searched for stays in view.
      answer.hidden = !answer.querySelector('mark.search-hit');
      answer.parentNode.insertBefore(card, answer);
      answer.parentNode.insertBefore(marks, answer.nextSibling);
      update();
      return function undo() {
        card.remove();
        marks.remove();
        answer.hidden = false;
        answer.removeAttribute('tabindex');
      };
    }

    var undos = [];
    function apply(on) {
      toggle.setAttribute('aria-pressed', String(on));
      undos.splice(0).forEach(function (undo) { undo(); });
      if (on) undos = answers.map(drill);
      showStatus();
    }
    toggle.addEventListener('click', function () {
      var on = toggle.getAttribute('aria-pressed') !== 'true';
      set(MODE, on ? 'on' : 'off');
      apply(on);
    });
    apply(get(MODE) === 'on');
  }

  function homePage(summary) {
    var cards = Array.prototype.slice.call(document.querySelectorAll('.card[data-slug]'));
    var count = summary.querySelector('.selftest-reviewed');
    var hint = summary.querySelector('.selftest-hint');
    var firstHint = hint.textContent;
    var meter = summary.querySelector('progress');
    var reset = summary.querySelector('.selftest-reset');

    function show() {
      var reviewed = 0, mastered = 0, any = false;
      cards.forEach(function (card) {
        var r = record(card.getAttribute('data-slug'));
        var n = marked(r), done = r.total > 0 && n === r.total;
        var badge = card.querySelector('.card-status');
        if (badge) badge.remove();
        if (n > 0) {
          any = true;
          var label = !done ? '已标记 ' + n + ' / ' + r.total : known(r) === r.total ? '已掌握' : '待巩固';
          badge = el('span', 'card-status', label);
          badge.setAttribute('data-state', !done ? 'partial' : known(r) === r.total ? 'known' : 'unsure');
          card.querySelector('a').appendChild(badge);
        }
        if (done) reviewed++;
        if (done && known(r) === r.total) mastered++;
      });
      count.textContent = String(reviewed);
      hint.textContent = !reviewed ? firstHint
        : mastered ? '其中 ' + mastered + ' 个已全部掌握' : '还没有全部掌握的题目';
      meter.max = cards.length;
      meter.value = reviewed;
      reset.disabled = !any;
    }

    reset.addEventListener('click', function () {
      if (!window.confirm('确定要清除全部自测记录吗？清除后无法恢复。')) return;
      cards.forEach(function (card) {
        try { localStorage.removeItem(PREFIX + card.getAttribute('data-slug')); } catch (e) { /* nothing kept */ }
        delete memory[PREFIX + card.getAttribute('data-slug')];
      });
      show();
    });
    show();
  }

  var topic = document.querySelector('main.topic[data-slug]');
  if (topic) topicPage(topic);
  var summary = document.querySelector('.selftest-summary');
  if (summary) homePage(summary);
})();
