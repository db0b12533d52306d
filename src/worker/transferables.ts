/**
 * The buffers of these arrays that can be handed to another thread whole (the page, the
 * training worker from the data thread): each array alone in its
 * own (not a view into a larger buffer, not shared memory), each buffer once.
 */
export function transferables(arrays: ArrayBufferView[]): ArrayBuffer[] {
  const whole = (array: ArrayBufferView) =>
    array.buffer instanceof ArrayBuffer &&
    array.byteOffset === 0 &&
    array.byteLength === array.buffer.byteLength &&
    array.byteLength > 0;
  // a buffer another array only views part of stays (detached, that view could not be sent)
  const viewed = new Set(arrays.filter((array) => !whole(array)).map((array) => array.buffer));
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays)
    if (whole(array) && !viewed.has(array.buffer)) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}
