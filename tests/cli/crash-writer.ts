// Test helper process: opens the store at argv[2] and ingests a large generated document, printing "batch N" after
// each events batch inside the transaction, so a test can SIGKILL it mid-write.
import { openStore } from '../../src/store/open-store.ts';
import type { Sql } from '../../src/store/sql.ts';
import { createSqlEventStore } from '../../src/store/sql-event-store.ts';
import type { Event, ParsedDocument } from '../../src/store/types.ts';

const dir = process.argv[2];
const count = Number(process.argv[3] ?? 5000);
const store = await openStore({ db: dir, command: 'crash-writer' });

const articleId = 'crash-article';
const events: Event[] = Array.from({ length: count }, (_, i) => ({
  id: `crash-${i}`,
  articleId,
  source: 'crash.txt',
  headline: `Generated entry ${i} about talks and troops`,
  time: new Date(Date.UTC(2025, 2, 1) + i * 60_000).toISOString(),
  timeEstimated: false,
  author: 'Generator',
  paragraphs: [`Paragraph for entry ${i}: officials discussed ceasefire terms at length.`],
  lists: [],
  quotes: [{ speaker: 'Official', speakerId: null, text: `Quote ${i}` }],
  entities: [],
  topics: ['crash'],
  duplicateOf: null,
  hints: [],
  images: [],
  position: count - i,
}));
const doc: ParsedDocument = {
  article: {
    id: articleId,
    source: 'crash.txt',
    outlet: null,
    title: 'Crash test',
    url: null,
    publishedAt: null,
    kind: 'live',
    lede: [],
    editorKeyPoints: [],
    timezone: 'UTC',
    storyId: null,
  },
  events,
};

let batches = 0;
await store.db.transaction(async (tx) => {
  const spy: Sql = {
    ...tx,
    async query<T>(text: string, params?: unknown[]) {
      const res = await tx.query<T>(text, params);
      if (text.includes('INSERT INTO events')) process.stdout.write(`batch ${++batches}\n`);
      return res;
    },
    transaction: (fn) => fn(spy),
  };
  await createSqlEventStore(spy).ingest(doc);
  process.stdout.write('committing\n');
});
process.stdout.write('committed\n');
await store.close();
