/* A form with data-confirm asks before it is sent (e.g. submitting a pledge): no inline script needed. */
document.addEventListener("submit", function (event) {
  var message = event.target.dataset ? event.target.dataset.confirm : "";
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
