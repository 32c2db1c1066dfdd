/**
 * The report's only script, inlined and allowed by its hash in the page's Content-Security-Policy.
 * It reads its data from the `<script type="application/json" id="report-data">` block and only
 * moves, hides and shows elements the server rendered (already escaped), or sets `textContent`:
 * it never builds markup from text, so a document cannot inject any.
 *
 * Written as plain ES2017 for any office browser; kept as a string because the project's
 * TypeScript targets Node (no DOM types).
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  "use strict";
  var doc = document;
  var dataEl = doc.getElementById("report-data");
  var data = dataEl ? JSON.parse(dataEl.textContent || "{}") : {};
  var items = data.items || [];

  /* The same folding as the server's search keys: no diacritics, đ → d, lower case. */
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u0111\u0110]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }

  /* ---- sorting: every table.sortable, by the clicked column ---- */
  function cellValue(row, col, numeric) {
    var cell = row.cells[col];
    if (!cell) return null;
    var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    raw = (raw || "").trim();
    if (raw === "") return null;
    if (numeric) {
      var n = parseFloat(raw.replace(",", "."));
      return isNaN(n) ? null : n;
    }
    return raw;
  }
  function sortTable(table, col, th) {
    var numeric = th.getAttribute("data-type") === "number";
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = dir === "ascending" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = cellValue(a, col, numeric), y = cellValue(b, col, numeric);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; /* blanks last */
      var c = numeric ? x - y : String(x).localeCompare(String(y), "vi", { sensitivity: "base", numeric: true });
      return sign * c;
    });
    for (var j = 0; j < rows.length; j++) body.appendChild(rows[j]);
  }
  Array.prototype.forEach.call(doc.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      var button = th.querySelector("button.sort");
      if (button) button.addEventListener("click", function () { sortTable(table, col, th); });
    });
  });

  /* ---- filtering: unit name (diacritics ignored), severity, flag kind ---- */
  var textBox = doc.getElementById("f-text");
  var sevBox = doc.getElementById("f-severity");
  var kindBox = doc.getElementById("f-kind");
  var countOut = doc.getElementById("f-count");
  var note = doc.getElementById("filter-note");
  function matches(item, words, sev, kind) {
    for (var i = 0; i < words.length; i++) if (item.q.indexOf(words[i]) < 0) return false;
    if (!item.sev) return true; /* sections without flags follow the name filter only */
    if (sev === "none" && item.sev.length > 0) return false;
    if (sev && sev !== "none" && item.sev.indexOf(sev) < 0) return false;
    if (kind && item.kinds.indexOf(kind) < 0) return false;
    return true;
  }
  function apply() {
    var q = fold(textBox ? textBox.value : "");
    var words = q === "" ? [] : q.split(" ");
    var sev = sevBox ? sevBox.value : "";
    var kind = kindBox ? kindBox.value : "";
    var shown = { unit: 0, flag: 0 }, total = { unit: 0, flag: 0 };
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      var el = doc.getElementById(item.id);
      if (!el) continue;
      var ok = matches(item, words, sev, kind);
      el.hidden = !ok;
      if (item.type in total) { total[item.type]++; if (ok) shown[item.type]++; }
    }
    Array.prototype.forEach.call(doc.querySelectorAll("[data-empty-for]"), function (msg) {
      var box = doc.getElementById(msg.getAttribute("data-empty-for"));
      var any = box && box.querySelector("[data-item]:not([hidden])");
      msg.hidden = !!any;
    });
    if (countOut) {
      countOut.textContent = "Hiển thị " + shown.unit + "/" + total.unit + " đơn vị · " +
        shown.flag + "/" + total.flag + " phát hiện";
    }
    if (note) {
      var parts = [];
      if (textBox && textBox.value.trim()) parts.push("tên đơn vị chứa “" + textBox.value.trim() + "”");
      if (sevBox && sevBox.value) parts.push(sevBox.options[sevBox.selectedIndex].text);
      if (kindBox && kindBox.value) parts.push(kindBox.options[kindBox.selectedIndex].text);
      note.textContent = parts.length ? "Bản in đang lọc: " + parts.join("; ") + "." : "";
    }
  }
  [textBox, sevBox, kindBox].forEach(function (box) {
    if (box) { box.addEventListener("input", apply); box.addEventListener("change", apply); }
  });
  var reset = doc.getElementById("f-reset");
  if (reset) reset.addEventListener("click", function () {
    if (textBox) textBox.value = "";
    if (sevBox) sevBox.value = "";
    if (kindBox) kindBox.value = "";
    apply();
  });
  apply();

  /* ---- flags: open or close every evidence block; print with all of them open ---- */
  function setAll(open) {
    Array.prototype.forEach.call(doc.querySelectorAll("details.flag"), function (d) { d.open = open; });
  }
  var openAll = doc.getElementById("open-all");
  var closeAll = doc.getElementById("close-all");
  if (openAll) openAll.addEventListener("click", function () { setAll(true); });
  if (closeAll) closeAll.addEventListener("click", function () { setAll(false); });
  var closedBeforePrint = [];
  window.addEventListener("beforeprint", function () {
    closedBeforePrint = Array.prototype.filter.call(doc.querySelectorAll("details"), function (d) { return !d.open; });
    closedBeforePrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closedBeforePrint.forEach(function (d) { d.open = false; });
    closedBeforePrint = [];
  });
})();
`;
