// Theme toggle: light or dark, remembered; hidden where scripts do not run, since CSS follows the system.
(function () {
  var root = document.documentElement;
  var button = document.querySelector('.theme-toggle');
  if (!button) return;
  var media = window.matchMedia('(prefers-color-scheme: dark)');
  function current() {
    return root.getAttribute('data-theme') || (media.matches ? 'dark' : 'light');
  }
  function show() {
    var dark = current() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.setAttribute('title', dark ? '切换到浅色模式' : '切换到深色模式');
  }
  button.hidden = false;
  show();
  button.addEventListener('click', function () {
    var next = current() === 'dark' ? 'light' : 'dark';
    root.setAttribute('data-theme', next);
    try { localStorage.setItem('simnotes-theme', next); } catch (e) { /* not remembered, still applied */ }
    show();
  });
  media.addEventListener('change', show);
})();
