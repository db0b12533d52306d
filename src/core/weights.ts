/** Model weights as a JSON file: order-based (the explicit variable list), shapes checked on load. */
export interface WeightsFile {
  format: 'contrastive-playground-weights';
  version: 1;
  lab: 'simclr' | 'blindsr';
  tensors: { shape: number[]; data: string }[];
}

export function encodeFloats(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function decodeFloats(text: string): Float32Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** Checks a parsed weights file; returns its problem in words, or null. */
export function checkWeightsFile(value: unknown, lab: string, shapes: number[][]): string | null {
  const file = value as Partial<WeightsFile> | null;
  if (!file || file.format !== 'contrastive-playground-weights' || file.version !== 1)
    return 'not a weights file of this playground';
  if (file.lab !== lab) return `weights of the ${file.lab} lab, not ${lab}`;
  if (!Array.isArray(file.tensors) || file.tensors.length !== shapes.length)
    return `expected ${shapes.length} tensors, found ${file.tensors?.length ?? 0}`;
  for (let i = 0; i < shapes.length; i++) {
    const t = file.tensors[i];
    if (!t || JSON.stringify(t.shape) !== JSON.stringify(shapes[i]))
      return `tensor ${i} has shape ${JSON.stringify(t?.shape)}, expected ${JSON.stringify(shapes[i])}`;
    // the data must fill the shape exactly: tf.tensor throws on a wrong length, atob on bad text
    if (typeof t.data !== 'string' || !canonicalBase64.test(t.data))
      return `tensor ${i} data is not base64`;
    const padding = t.data.endsWith('==') ? 2 : t.data.endsWith('=') ? 1 : 0;
    const values = ((t.data.length / 4) * 3 - padding) / Float32Array.BYTES_PER_ELEMENT;
    const needed = shapes[i].reduce((size, dimension) => size * dimension, 1);
    if (values !== needed)
      return `tensor ${i} holds ${values} values, its shape ${JSON.stringify(shapes[i])} needs ${needed}`;
  }
  return null;
}

/** Padded base64 as `btoa` writes it (what encodeFloats produces). */
const canonicalBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
