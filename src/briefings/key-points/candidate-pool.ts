// Bounds the ranker's pairwise work: picks the entries worth comparing by a linear-time score before any O(n²) step.

/** Default most entries the pairwise steps (similarity, clustering, centrality, selection) see. */
export const DEFAULT_POOL_SIZE = 120;

/**
 * Indices (ascending) of the best `size` entries by `score`, plus up to `size / 2` more of the most corroborated
 * (entries that near-duplicates point at), so a widely repeated report is never cut by a weak cheap score.
 * Returns every index when the window already fits. Linear plus an O(n log n) sort; ties keep the lower index.
 */
export function candidatePool(
  scores: readonly number[],
  corroboration: readonly number[],
  size: number,
): number[] {
  const n = scores.length;
  if (!(size < n)) return Array.from({ length: n }, (_, i) => i);
  const keep = Math.max(1, Math.floor(size));
  const all = Array.from({ length: n }, (_, i) => i);
  const byScore = [...all].sort((a, b) => scores[b] - scores[a] || a - b);
  const chosen = new Set(byScore.slice(0, keep));
  const extra = Math.floor(keep / 2);
  const byCorroboration = all
    .filter((i) => corroboration[i] > 0 && !chosen.has(i))
    .sort((a, b) => corroboration[b] - corroboration[a] || scores[b] - scores[a] || a - b);
  for (const i of byCorroboration.slice(0, extra)) chosen.add(i);
  return [...chosen].sort((a, b) => a - b);
}
