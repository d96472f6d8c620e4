// The site's only script, loaded after Material's. Everything works without it; it adds:
// 1. a "Copy link" button after each full address marked .copy-link (on /for-clinicians/), so a
//    clinician can paste it into a patient message or a health-record note;
// 2. an accessible name for Material's search dialog, which has role="dialog" but no name.
(function () {
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = document.execCommand("copy");
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  function addButtons() {
    document.querySelectorAll("a.copy-link:not([data-copy-ready])").forEach(function (link) {
      link.setAttribute("data-copy-ready", "");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-link__button";
      button.textContent = "Copy link";
      button.setAttribute("aria-label", "Copy link " + link.href);
      var status = document.createElement("span");
      status.className = "copy-link__status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        copy(link.href).then(function () { status.textContent = "Copied"; },
                             function () { status.textContent = "Select the address to copy it"; });
        setTimeout(function () { status.textContent = ""; }, 3000);
      });
      link.after(button, status);
    });
  }

  function nameSearchDialog() {
    var dialog = document.querySelector(".md-search[role='dialog']:not([aria-label])");
    if (dialog) dialog.setAttribute("aria-label", "Search this site");
  }

  function enhance() {
    addButtons();
    nameSearchDialog();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(enhance);
  else enhance();
})();
