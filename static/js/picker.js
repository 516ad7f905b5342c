/* Searchable pickers (units/pickers.py): typing asks the server for at most 20 matches; a click chooses one. */
(function () {
  "use strict";

  function choose(picker, id, label) {
    var select = picker.querySelector("select");
    var option = select.querySelector('option[value="' + id + '"]');
    if (!option) {
      option = document.createElement("option");
      option.value = id;
      option.textContent = label;
      select.appendChild(option);
    }
    if (select.multiple) { option.selected = true; } else { select.value = id; }
    select.dispatchEvent(new Event("change", { bubbles: true }));
    picker.querySelector(".picker-results").replaceChildren();
    picker.querySelector(".picker-search").value = "";
    select.focus();
  }

  function show(picker, results) {
    var box = picker.querySelector(".picker-results");
    box.replaceChildren();
    if (!results.length) {
      var none = document.createElement("div");
      none.className = "list-group-item text-body-secondary small";
      none.textContent = picker.dataset.empty || "—";
      box.appendChild(none);
      return;
    }
    results.forEach(function (row) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "list-group-item list-group-item-action";
      button.textContent = row.label;
      button.dataset.value = row.id;
      button.addEventListener("click", function () { choose(picker, String(row.id), row.label); });
      box.appendChild(button);
    });
  }

  function search(picker, query) {
    var params = new URLSearchParams({ q: query, within: picker.dataset.within || "" });
    fetch(picker.dataset.url + "?" + params.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { show(picker, data.results || []); });
  }

  function bind(picker) {
    if (picker.dataset.bound) { return; }
    picker.dataset.bound = "1";
    var input = picker.querySelector(".picker-search");
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (!query) { picker.querySelector(".picker-results").replaceChildren(); return; }
      timer = setTimeout(function () { search(picker, query); }, 250);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); search(picker, input.value.trim()); }
    });
  }

  function bindAll(root) { (root || document).querySelectorAll("[data-picker]").forEach(bind); }
  document.addEventListener("DOMContentLoaded", function () { bindAll(document); });
  document.addEventListener("htmx:afterSettle", function (event) { bindAll(event.target); });
})();
