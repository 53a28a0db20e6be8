/* focus.js — after a form post the server sends the browser back to the page at the element the user acted on
 * (#item-12); focus it, so the next Tab goes on from there instead of from the top of the page. */
document.addEventListener("DOMContentLoaded", function () {
  if (location.hash.length < 2) return;
  var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus();
});
