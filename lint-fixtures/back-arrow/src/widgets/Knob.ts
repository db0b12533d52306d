// A folder that is in no layer yet.
export const knobSize = 24;
