// deck.js — the all-hands deck's few lines of script, inlined into the deck (web/deck.c): one slide at a time,
// moved by the arrow keys, Page Up/Down, Home and End; #N in the address is slide N.
(function () {
  var s = document.querySelectorAll('.slide'), i = 0;
  document.documentElement.classList.add('js');
  function go(n) {
    i = Math.max(0, Math.min(s.length - 1, n));
    for (var k = 0; k < s.length; k++) s[k].classList.toggle('current', k === i);
    if (history.replaceState) history.replaceState(null, '', '#' + (i + 1));
  }
  document.addEventListener('keydown', function (e) {
    var k = e.key;
    if (k === 'ArrowRight' || k === 'PageDown' || k === ' ') go(i + 1);
    else if (k === 'ArrowLeft' || k === 'PageUp') go(i - 1);
    else if (k === 'Home') go(0);
    else if (k === 'End') go(s.length - 1);
    else return;
    e.preventDefault();
  });
  go((parseInt(location.hash.slice(1), 10) || 1) - 1);
})();
