/**
 * How pinned runs look on every chart, in one place: colour and dash per pin, the same
 * on the loss, accuracy, geometry and Blind-SR charts and in their legends. Dark, saturated
 * colours none of the live series use (Okabe–Ito, colors.ts), each with its own dash, so
 * that two ghosts stay apart on a washed-out projector and in grayscale print.
 */
export const pinStyles = [
  { color: '#3D3D3D', dash: '9 4' },
  { color: '#7B3294', dash: '2 3' },
  { color: '#A6611A', dash: '12 3 3 3' },
  { color: '#01665E', dash: '5 2' },
] as const;

export type PinStyle = (typeof pinStyles)[number];

export const pinStyle = (index: number): PinStyle => pinStyles[index % pinStyles.length]!;

/** a ghost's line is as wide as a live one: a thinner dashed line vanishes on a projector */
export const pinStrokeWidth = 2;
export const pinOpacity = 0.9;
