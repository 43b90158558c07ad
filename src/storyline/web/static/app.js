// storyline web app: the little the pages need beyond HTML. Every page reads
// without it; it adds upload progress, file dropping and smooth highlighting.
"use strict";

function $(sel, root) { return (root || document).querySelector(sel); }

// A clicked mention: the article page frames it (server side); bring it into
// view and flash it once.
function showFocus() {
  var focus = document.getElementById("focus");
  if (focus) {
    focus.scrollIntoView({ block: "center" });
    focus.classList.add("flash");
  }
}

// A link to #claim-ID opens that claim's <details>.
function openTargetClaim() {
  var id = decodeURIComponent(location.hash.slice(1));
  var el = id && document.getElementById(id);
  if (el && el.tagName === "DETAILS") {
    el.open = true;
    el.classList.add("flash");
    el.scrollIntoView({ block: "start" });
  }
}

function errorMessage(xhr) {
  try { return JSON.parse(xhr.responseText).error.message; } catch (e) { return "error " + xhr.status; }
}

// Post the add form in the background, show the upload, then the server's
// reading progress, then go to the story.
function enhanceAddForm(form) {
  var box = $(".progress", form), bar = $("progress", box), status = $(".status", box);
  var fieldset = $("fieldset", form), input = $("input[type=file]", form);
  function show(done, total, text) {
    box.hidden = false;
    bar.max = total || 1;
    bar.value = done;
    status.textContent = text;
  }
  function poll(url) {
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (body) {
        var job = body.job;
        if (!job) { show(0, 1, body.error ? body.error.message : "unknown job"); return; }
        show(job.done, job.total, job.message);
        if (job.status === "done") {
          location.href = body.redirect || ("/jobs/" + job.id);
        } else if (job.status === "failed") {
          show(job.done, job.total, "failed: " + job.error);
          form.classList.remove("busy");
        } else {
          setTimeout(function () { poll(url); }, 300);
        }
      })
      .catch(function () { setTimeout(function () { poll(url); }, 1000); });
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (form.classList.contains("busy")) return;
    form.classList.add("busy");
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) show(e.loaded, e.total, "sending " + Math.round(100 * e.loaded / e.total) + "%");
    });
    xhr.addEventListener("load", function () {
      if (xhr.status === 202) {
        var body = JSON.parse(xhr.responseText);
        show(0, 1, "queued");
        poll(body.status);
      } else {
        show(0, 1, errorMessage(xhr));
        form.classList.remove("busy");
      }
    });
    xhr.addEventListener("error", function () { show(0, 1, "could not reach the server"); form.classList.remove("busy"); });
    show(0, 1, "sending");
    xhr.send(new FormData(form));
  });
  // Files dropped anywhere on the form become its chosen files.
  ["dragenter", "dragover"].forEach(function (name) {
    fieldset.addEventListener(name, function (e) { e.preventDefault(); fieldset.classList.add("dragging"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    fieldset.addEventListener(name, function () { fieldset.classList.remove("dragging"); });
  });
  fieldset.addEventListener("drop", function (e) {
    e.preventDefault();
    if (e.dataTransfer && e.dataTransfer.files.length) {
      input.files = e.dataTransfer.files;
      status.textContent = e.dataTransfer.files.length + " file(s) chosen";
      box.hidden = false;
    }
  });
}

document.addEventListener("DOMContentLoaded", function () {
  showFocus();
  openTargetClaim();
  window.addEventListener("hashchange", openTargetClaim);
  document.querySelectorAll("form.add").forEach(enhanceAddForm);
});
