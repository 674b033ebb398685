/**
 * $\text{dst}_{d+j} \mathrel{+}= \text{src}_{s+j}$ for $j < w$. Unrolled by four: V8 reloads a
 * typed array's length and data pointer after each loop back edge (seen with perf), and four
 * elements per trip amortise that.
 * @internal
 * @param dst written from offset d, (≥ d + w,)
 * @param d offset into dst
 * @param src read from offset s, (≥ s + w,)
 * @param s offset into src
 * @param w run length
 */
export function addRun(
  dst: Float64Array,
  d: number,
  src: Float64Array,
  s: number,
  w: number,
): void {
  let j = 0;
  for (; j + 3 < w; j += 4) {
    dst[d + j] += src[s + j];
    dst[d + j + 1] += src[s + j + 1];
    dst[d + j + 2] += src[s + j + 2];
    dst[d + j + 3] += src[s + j + 3];
  }
  for (; j < w; j++) dst[d + j] += src[s + j];
}
