// Public surface of the Key Points generator.
export { isEligible, isSkippedHeadline } from './eligibility.ts';
export { headlineQuality } from './headline-quality.ts';
export { type KeyPoint, RANK_WEIGHTS, type RankOptions, rankKeyPoints } from './rank.ts';
