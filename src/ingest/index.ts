// Public surface of the ingest parser: parseDocument and the pieces other modules reuse.
export { BOILERPLATE_PHRASES, CHROME_LINES, removeBoilerplate } from './boilerplate.ts';
export { parseDaySeparator, type SeparatorDay, separatorDay } from './day-separators.ts';
export { detectLayout, type Layout } from './detect-format.ts';
export { isNewestFirst, resolveEntryTimes } from './entry-times.ts';
export { detectHints } from './hints.ts';
export { articleIdFor, eventIdFor, normaliseHeadline } from './ids.ts';
export { captionImage, type DocNode, extractImages } from './images.ts';
export { isKeyPointsHeading } from './key-points.ts';
export { declaredCount, splitLists } from './lists.ts';
export { parseDocument } from './parse-document.ts';
export {
  checkDate,
  checkTimezone,
  DEFAULT_TIMEZONE,
  type ParseOptions,
  ParseOptionsSchema,
  type ResolvedOptions,
  resolveOptions,
} from './parse-options.ts';
export { parseStampHeadline, type StampHeadline } from './stamp-headlines.ts';
export { parseStamp, type Stamp } from './stamps.ts';
export { deriveTitle, firstSentence } from './title.ts';
export { checkInputText, MAX_INPUT_BYTES } from './validate-input.ts';
