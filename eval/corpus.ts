// Reads the live-blog benchmark (gzip JSONL) and turns each blog's posts into storybrief Events.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import type { Event } from '../src/store/types.ts';

const PostSchema = z.object({
  time: z.union([z.array(z.number()), z.string(), z.null()]),
  title: z.string().nullable().default(''),
  text: z.array(z.string()),
});

const BlogSchema = z.object({
  blog_id: z.string(),
  title: z.string().default(''),
  url: z.string().nullable().default(null),
  summary: z.array(z.string()),
  posts: z.array(PostSchema),
});

/** One benchmark blog: its editor bullets and its posts, newest first. */
export type Blog = z.infer<typeof BlogSchema>;
export type Outlet = 'guardian' | 'bbc';
export type Split = 'valid' | 'test';

/** Parses gzip JSONL bytes into blogs; malformed lines are counted, not fatal. */
export function parseCorpus(gz: Buffer): { blogs: Blog[]; rejected: number } {
  const blogs: Blog[] = [];
  let rejected = 0;
  for (const line of gunzipSync(gz).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      rejected++;
      continue;
    }
    const parsed = BlogSchema.safeParse(json);
    if (parsed.success) blogs.push(parsed.data);
    else rejected++;
  }
  return { blogs, rejected };
}

/** Reads `<outlet>-<split>.jsonl.gz` from the corpus directory. */
export function readCorpus(dir: string, outlet: Outlet, split: Split): Blog[] {
  return parseCorpus(readFileSync(join(dir, `${outlet}-${split}.jsonl.gz`))).blogs;
}

function postTime(time: Blog['posts'][number]['time']): string | null {
  if (Array.isArray(time) && time.length >= 3) {
    const [y, mo, d, h = 0, mi = 0] = time;
    const ms = Date.UTC(y, mo - 1, d, h, mi);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  if (typeof time === 'string') {
    const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
    if (m) return new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2]))).toISOString();
  }
  return null;
}

/** The blog's posts as Events (post title → headline unless withheld, sentences → paragraphs, position 0 = newest). */
export function blogToEvents(blog: Blog, opts: { withholdTitles: boolean }): Event[] {
  return blog.posts.map((post, position) => ({
    id: `${blog.blog_id}:${String(position).padStart(4, '0')}`,
    articleId: blog.blog_id,
    source: blog.url ?? blog.blog_id,
    headline: opts.withholdTitles ? '' : (post.title ?? '').trim(),
    time: postTime(post.time),
    timeEstimated: false,
    author: null,
    paragraphs: post.text.map((s) => s.trim()).filter((s) => s.length > 0),
    lists: [],
    quotes: [],
    entities: [],
    topics: [],
    duplicateOf: null,
    hints: [],
    images: [],
    position,
  }));
}

/** The editors' summary as one reference text. */
export function referenceText(blog: Blog): string {
  return blog.summary.join('\n');
}
