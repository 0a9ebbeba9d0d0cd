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
    if (mine === generation) app.replaceChildren(...nodes);
  };
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
