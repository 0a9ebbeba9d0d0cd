// Where the views draw, and which view may still draw there.
const app = document.getElementById('app');

// Each address change starts a view; views load asynchronously, so one started earlier may finish later. A view
// draws through the renderer it took when it started, which draws only while that view is still the current one.
let generation = 0;

/** Called by the router for every address change: renderers taken before it stop drawing. */
export function nextView() {
  generation++;
}

export function screen() {
  const mine = generation;
  return (...nodes) => {
    if (mine !== generation) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || app.contains(active);
    app.replaceChildren(...nodes);
    const heading = app.querySelector('h1');
    document.title = heading ? `${heading.textContent} · Hotel mesh` : 'Hotel mesh';
    // After the first page, the control a keyboard (or screen reader) user was on is gone with the old view: they go
    // on from the new page's heading rather than from the top of the document. Focus in the header (its links, the
    // language) stays where it is.
    if (mine > 1 && lost && heading) focusOn(heading);
  };
}

/** Moves the keyboard focus to an element that is not a control itself (a heading, a result). */
export function focusOn(element) {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}

// The router imports every view, so a view that changed something (a save, a delete, a sign-in) cannot import it to
// draw the current address again; the router hands itself over here at start-up instead.
let router;

export function setRouter(drawCurrentAddress) {
  router = drawCurrentAddress;
}

/** Draws the current address again, as a new view. */
export function route() {
  return router();
}
