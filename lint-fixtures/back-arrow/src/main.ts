// A source file directly in src/ is in no layer: the page lives in src/app/.
export const entry = 1;
