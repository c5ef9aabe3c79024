// Applies the theme the reader chose last time before the page paints; no choice follows the system.
(function () {
  try {
    var saved = localStorage.getItem('simnotes-theme');
    if (saved === 'dark' || saved === 'light') {
      document.documentElement.setAttribute('data-theme', saved);
    }
  } catch (e) { /* storage may be off for file:// pages; the system setting then applies */ }
})();
