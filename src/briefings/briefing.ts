// The neutral Briefing document every builder returns and every renderer consumes.
import { z } from 'zod';

/** Where a briefing item comes from: the event, its article, link, time and author. */
export const CitationSchema = z.object({
  eventId: z.string(),
  articleTitle: z.string(),
  url: z.string().nullable(),
  time: z.string().nullable(),
  author: z.string().nullable(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** One bullet. Items drawn from coverage always carry a citation; only meta items (help, settings) may not. */
export const BriefingItemSchema = z.object({
  text: z.string(),
  citation: CitationSchema.nullable(),
  /** Optional smaller line under the item (speaker, list items, topic labels). */
  detail: z.string().optional(),
});
export type BriefingItem = z.infer<typeof BriefingItemSchema>;

export const BriefingSectionSchema = z.object({
  heading: z.string(),
  items: z.array(BriefingItemSchema),
});
export type BriefingSection = z.infer<typeof BriefingSectionSchema>;

export const BriefingKindSchema = z.enum([
  'key-points',
  'lists',
  'timeline',
  'quotes',
  'topic',
  'search',
  'digest',
  'sources',
  'help',
  'subscriptions',
  'alert',
  'message',
]);

/** A whole briefing: what the user asked for, as data. */
export const BriefingSchema = z.object({
  kind: BriefingKindSchema,
  title: z.string(),
  subtitle: z.string(),
  sections: z.array(BriefingSectionSchema),
  /** The coverage window the briefing covers (ISO UTC), when it has one. */
  window: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable().optional(),
  /** Article titles the briefing drew on (for footers). */
  sources: z.array(z.string()).optional(),
  /** Marks a digest sent after its due time. */
  late: z.boolean().optional(),
  /** IANA zone in which renderers show citation times (the story's zone); UTC when absent. */
  timezone: z.string().optional(),
});
export type Briefing = z.infer<typeof BriefingSchema>;
