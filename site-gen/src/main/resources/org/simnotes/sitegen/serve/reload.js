// Added by the dev server only: reloads the page once the site has been rebuilt after an edit.
(function () {
  var seen = document.currentScript.getAttribute('data-version');
  function poll() {
    fetch('/__simnotes/version', {cache: 'no-store'})
      .then(function (r) { return r.text(); })
      .then(function (version) {
        if (version !== seen) {
          location.reload();
        } else {
          setTimeout(poll, 400);
        }
      }, function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 400);
})();
