// Behaviour of the pages, driven by data attributes: no inline script, so the Content-Security-Policy can forbid
// them. Loaded at the end of <body> on every page.
(function () {
  "use strict";

  // <button data-confirm="Question?">: asks before submitting or following.
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-confirm]");
    if (el && !window.confirm(el.dataset.confirm)) e.preventDefault();
  });

  // <button data-copy="#id" data-copied="Done">: copies that field's text (a secret, recovery codes) and says so.
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-copy]");
    if (!el) return;
    var field = document.querySelector(el.dataset.copy), label = el.textContent;
    field.select();
    var done = function () { el.textContent = el.dataset.copied || label; setTimeout(function () { el.textContent = label; }, 2000); };
    if (navigator.clipboard) { navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); }); }
    else { document.execCommand("copy"); done(); }
  });

  // <a data-history-back>: back to the previous page (its href is the way when there is none).
  document.addEventListener("click", function (e) {
    var el = e.target.closest("[data-history-back]");
    if (el && window.history.length > 1) { e.preventDefault(); window.history.back(); }
  });

  // <span data-clear-draft="key">: the draft saved under that key was submitted; forget it (before any restore).
  document.querySelectorAll("[data-clear-draft]").forEach(function (el) {
    localStorage.removeItem("draft:" + el.dataset.clearDraft);
  });

  // <form data-autosave="key">: every change is kept on the phone and restored after a reload or lost connection.
  document.querySelectorAll("form[data-autosave]").forEach(function (form) {
    var key = "draft:" + form.dataset.autosave, restored = [];
    var saved = JSON.parse(localStorage.getItem(key) || "{}");
    Object.keys(saved).forEach(function (name) {
      form.querySelectorAll('[name="' + CSS.escape(name) + '"]').forEach(function (el) {
        if (el.type === "file" || name === "csrfmiddlewaretoken") return;
        if (el.type === "radio") { if (el.value === saved[name] && !el.checked) { el.checked = true; restored.push(el); } }
        else if (el.value !== saved[name]) { el.value = saved[name]; restored.push(el); }
      });
    });
    function store() {
      var data = {};
      new FormData(form).forEach(function (v, k) { if (typeof v === "string" && k !== "csrfmiddlewaretoken") data[k] = v; });
      localStorage.setItem(key, JSON.stringify(data));
    }
    form.addEventListener("input", store);
    form.addEventListener("change", store);
    restored.forEach(function (el) { if (el.type !== "hidden") el.dispatchEvent(new Event("change", {bubbles: true})); });
  });

  // <div id="offline-note" data-unsent-text="…">: htmx requests that failed offline are marked and sent again.
  var note = document.getElementById("offline-note");
  if (note) {
    document.body.addEventListener("htmx:sendError", function (e) {
      note.classList.remove("d-none");
      var status = e.detail.elt.querySelector(".item-status");
      if (status) status.textContent = note.dataset.unsentText;
      e.detail.elt.dataset.unsent = "1";
    });
    window.addEventListener("online", function () {
      note.classList.add("d-none");
      document.querySelectorAll("fieldset[data-unsent]").forEach(function (el) { delete el.dataset.unsent; htmx.trigger(el, "change"); });
    });
  }

  // <div id="people-results" data-person-input="id">: picking a person fills the hidden field and the search box.
  var results = document.getElementById("people-results");
  if (results) {
    results.addEventListener("click", function (e) {
      var button = e.target.closest("[data-person-id]");
      if (!button) return;
      document.getElementById(results.dataset.personInput).value = button.dataset.personId;
      document.getElementById("person-search").value = button.dataset.personName;
      results.innerHTML = "";
      results.closest("form").dispatchEvent(new Event("change", {bubbles: true}));
    });
  }
})();
