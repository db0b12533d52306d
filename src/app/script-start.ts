// The first module the page evaluates (main.tsx imports it first): the page's script has
// been fetched and parsed, and starts. Inline rather than startup-marks.ts, so that nothing
// else runs before it.
performance.mark('startup:page:script-start');
