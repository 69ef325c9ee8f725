// The article's "copy link": copies the address instead of following the link. Without
// JavaScript (or without clipboard access) the link simply opens the article.
(function () {
  "use strict";
  document.querySelectorAll("a.share-copy[data-share-url]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard || !window.isSecureContext) {
        return;
      }
      event.preventDefault();
      var label = link.textContent;
      navigator.clipboard.writeText(link.dataset.shareUrl).then(function () {
        link.textContent = link.dataset.copied;
        link.setAttribute("aria-live", "polite");
        window.setTimeout(function () { link.textContent = label; }, 2000);
      }, function () {
        window.location.href = link.href;
      });
    });
  });
})();
