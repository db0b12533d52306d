/** Geometry of the queue ring: entry i of K sits at angle 2πi/K, clockwise from the top. */
export function entryAngle(index: number, capacity: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / capacity;
}
