// Filters the list of a class index as the reader types: every word must occur in the name or IRI.
(function () {
  var input = document.getElementById("search");
  if (!input) return;
  var items = Array.prototype.slice.call(document.getElementById(input.dataset.list).children);
  var shown = document.getElementById("shown");
  var keys = items.map(function (li) { return (li.textContent + " " + li.dataset.iri).toLowerCase(); });
  function update() {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var n = 0;
    items.forEach(function (li, i) {
      var hit = words.every(function (w) { return keys[i].indexOf(w) !== -1; });
      li.hidden = !hit;
      if (hit) n++;
    });
    shown.textContent = words.length ? n + " of " + items.length : "";
  }
  input.addEventListener("input", update);
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; update(); }
})();
