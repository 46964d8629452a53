/**
 * The KV cache's layout: [layers * heads rows, capacity slots, d_kv], the
 * first `length` slots in use. Two ways to append a step's committed nodes:
 * the kv_commit graph (`commitSlots` says what it gathers), where the cache
 * lives in GPU buffers; `appendRows`, a copy in JavaScript, where it lives in
 * CPU memory (onnxruntime-node, WASM): no graph run, which on two cores
 * cost about 0.5 ms a step, a sixth of a one-token step.
 */

/**
 * The kv_commit graph's `slots` input: for each slot of the next cache
 * buffer, its row in [old buffer ; the step's nodes]. Slots in use keep
 * their rows, the committed nodes follow in path order, and the rest is
 * capacity (row 0: never attended). The buffer grows by whole pages.
 */
export function commitSlots(length: number, capacity: number, nodes: readonly number[], page: number): { slots: number[]; capacity: number } {
  const next = nextCapacity(length + nodes.length, capacity, page);
  const slots = new Array<number>(next).fill(0);
  for (let s = 0; s < length; s++) slots[s] = s;
  nodes.forEach((node, i) => (slots[length + i] = capacity + node));
  return { slots, capacity: next };
}

function nextCapacity(needed: number, capacity: number, page: number): number {
  return needed <= capacity ? capacity : Math.ceil(needed / page) * page;
}

/**
 * Appends `nodes` of a step's K or V (`present`: [rows, nodes of the step,
 * width]) after the `length` slots in use of `past` ([rows, capacity,
 * width]), as commitSlots lays them out. Writes in place while the capacity
 * holds; otherwise returns a new array of the next whole page (slots past
 * the committed ones are zeros: masked, never attended).
 */
export function appendRows(past: Float32Array, capacity: number, length: number, present: Float32Array, nodes: readonly number[], rows: number, width: number, page: number): { data: Float32Array; capacity: number } {
  const next = nextCapacity(length + nodes.length, capacity, page);
  const data = next === capacity ? past : new Float32Array(rows * next * width);
  const stepNodes = present.length / (rows * width);
  for (let r = 0; r < rows; r++) {
    if (data !== past) data.set(past.subarray(r * capacity * width, (r * capacity + length) * width), r * next * width);
    for (let i = 0; i < nodes.length; i++) {
      const from = (r * stepNodes + nodes[i]!) * width;
      data.set(present.subarray(from, from + width), (r * next + length + i) * width);
    }
  }
  return { data, capacity: next };
}
