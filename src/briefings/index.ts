// Public surface of the briefing core: builders, the document model and the text renderer.
export * from './briefing.ts';
export { type BriefingBuilder, type BriefingDeps, MAX_WINDOW_EVENTS } from './deps.ts';
export { buildDigest, type DigestQuery } from './digest.ts';
export { buildKeyPoints, type KeyPointsQuery } from './key-points.ts';
export { buildLists, type ListsQuery } from './lists.ts';
export { buildQuotes, type QuotesQuery } from './quotes.ts';
export { citationLine, renderText } from './render-text.ts';
export { buildSearch, type SearchQuery } from './search.ts';
export { buildSources, type SourcesQuery } from './sources.ts';
export { buildTimeline, type TimelineQuery } from './timeline.ts';
export { buildTopic, type TopicQuery } from './topic.ts';
