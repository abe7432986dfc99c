// The data model shared by ingest, store, briefings and bots: zod schemas are the source of truth.
import { z } from 'zod';

/** An enumerated list found inside an entry ("Five key promises by coalition nations"). */
export const ListSchema = z.object({
  title: z.string(),
  items: z.array(z.string()),
  declaredCount: z.number().int().nullable(),
});
export type EventList = z.infer<typeof ListSchema>;

/** A direct quotation with its speaker as written and, when resolved, the canonical entity id. */
export const QuoteSchema = z.object({
  speaker: z.string(),
  speakerId: z.string().nullable(),
  text: z.string(),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const EntityTypeSchema = z.enum(['person', 'org', 'place', 'other']);
/** A canonical person, organisation or place mentioned in an event. */
export const EntitySchema = z.object({ id: z.string(), name: z.string(), type: EntityTypeSchema });
export type Entity = z.infer<typeof EntitySchema>;

/** Hints about what kind of entry this is; briefings skip some kinds. */
export const EventHintSchema = z.enum([
  'breaking',
  'analysis',
  'opinion',
  'watch',
  'pictures',
  'link-only',
  'housekeeping',
]);
export type EventHint = z.infer<typeof EventHintSchema>;

export const ImageSchema = z.object({
  alt: z.string(),
  url: z.string().nullable(),
  credit: z.string().nullable(),
});
export type Image = z.infer<typeof ImageSchema>;

/** One live-blog entry, or one whole plain article. */
export const EventSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  source: z.string(),
  headline: z.string(),
  /** ISO 8601 UTC, or null when no time is known at all. */
  time: z.string().nullable(),
  /** True when `time` was inferred from neighbouring entries. */
  timeEstimated: z.boolean(),
  author: z.string().nullable(),
  paragraphs: z.array(z.string()),
  lists: z.array(ListSchema),
  quotes: z.array(QuoteSchema),
  entities: z.array(EntitySchema),
  topics: z.array(z.string()),
  duplicateOf: z.string().nullable(),
  hints: z.array(EventHintSchema),
  images: z.array(ImageSchema),
  /** Order of the entry in the source text (0 = first in the text). */
  position: z.number().int(),
});
export type Event = z.infer<typeof EventSchema>;

/** One source document: a live blog or a plain article. */
export const ArticleSchema = z.object({
  id: z.string(),
  source: z.string(),
  outlet: z.string().nullable(),
  title: z.string(),
  url: z.string().nullable(),
  /** ISO 8601 UTC. */
  publishedAt: z.string().nullable(),
  kind: z.enum(['live', 'article']),
  lede: z.array(z.string()),
  editorKeyPoints: z.array(z.string()),
  /** IANA zone the text's local times are in. */
  timezone: z.string(),
  storyId: z.string().nullable(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** What ingest produces from one raw text: the article and its events. */
export interface ParsedDocument {
  article: Article;
  events: Event[];
}

/** A channel that follows the story. */
export const SubscriptionSchema = z.object({
  id: z.string(),
  platform: z.enum(['discord', 'slack', 'console']),
  workspace: z.string(),
  channel: z.string(),
  /** Local time HH:MM. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  timezone: z.string(),
  topics: z.array(z.string()),
  alerts: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  paused: z.boolean(),
  pausedReason: z.string().nullable(),
  lastDeliveredAt: z.string().nullable(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

export const DeliveryStateSchema = z.enum(['claimed', 'sending', 'sent', 'skipped', 'missed', 'failed']);
/** One delivery attempt record: unique per (subscription, window key). */
export const DeliverySchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  windowKey: z.string(),
  state: DeliveryStateSchema,
  attempts: z.number().int(),
  platformMessageId: z.string().nullable(),
  late: z.boolean(),
  claimedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** The flat text of an event, as exported and searched. */
export function eventText(event: Pick<Event, 'paragraphs'>): string {
  return event.paragraphs.join('\n\n');
}
