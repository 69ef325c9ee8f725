/*
 * Keyboard navigation for the translator review screen.
 * j / ArrowDown: next section; k / ArrowUp: previous; d: open or close the current
 * section's diffs. Keys typed into form fields, or pressed with a modifier, are left alone.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-review]");
  if (!root) {
    return;
  }
  var rows = Array.prototype.slice.call(root.querySelectorAll("[data-review-row]"));
  if (!rows.length) {
    return;
  }
  var current = -1;

  function select(index) {
    if (index < 0 || index >= rows.length) {
      return;
    }
    if (current >= 0) {
      rows[current].classList.remove("is-current");
    }
    current = index;
    var row = rows[index];
    row.classList.add("is-current");
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "start", behavior: "auto" });
    if (row.id && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + row.id);
    }
  }

  function isTyping(target) {
    return (
      target &&
      (target.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName))
    );
  }

  function toggleDiffs(row) {
    var diffs = row.querySelectorAll("[data-review-diff]");
    var open = Array.prototype.some.call(diffs, function (d) {
      return !d.open;
    });
    Array.prototype.forEach.call(diffs, function (d) {
      d.open = open;
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) {
      return;
    }
    var step = 0;
    if (event.key === "j" || event.key === "ArrowDown") {
      step = 1;
    } else if (event.key === "k" || event.key === "ArrowUp") {
      step = -1;
    } else if (event.key === "d" && current >= 0) {
      event.preventDefault();
      toggleDiffs(rows[current]);
      return;
    } else {
      return;
    }
    event.preventDefault();
    select(current < 0 ? (step > 0 ? 0 : rows.length - 1) : current + step);
  });

  // Clicking in a section makes it the current one, so j/k continue from there.
  root.addEventListener("click", function (event) {
    var row = event.target.closest("[data-review-row]");
    var index = rows.indexOf(row);
    if (index >= 0 && index !== current) {
      if (current >= 0) {
        rows[current].classList.remove("is-current");
      }
      current = index;
      row.classList.add("is-current");
    }
  });

  // A deep link (#section-N), on load or from a link on the page, makes that section current.
  function followHash() {
    var target = window.location.hash
      ? document.getElementById(window.location.hash.slice(1))
      : null;
    var index = rows.indexOf(target);
    if (index >= 0 && index !== current) {
      select(index);
    }
  }
  window.addEventListener("hashchange", followHash);
  followHash();
})();
