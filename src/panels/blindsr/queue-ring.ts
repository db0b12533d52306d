/** Geometry of the queue ring: entry i of K sits at angle 2πi/K, clockwise from the top. */
export function entryAngle(index: number, capacity: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / capacity;
}

/** Age of an entry in steps (entries enter in order, so age rises anticlockwise from the pointer). */
export function ages(enteredAt: Int32Array, step: number): Float32Array {
  return Float32Array.from(enteredAt, (entered) => (entered < 0 ? NaN : step - entered));
}
