// Story definitions: the bundled file validates, bad files fail with BAD_STORY naming the field, a second story is data only.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStories, storyForSource } from '../../../src/app/stories.ts';
import { isUserError } from '../../../src/errors.ts';
import { enrichDocument, unknownEntities } from '../../../src/ingest/enrich/index.ts';
import { parseStory, resolveEntity, resolveTopic, suggest } from '../../../src/ingest/story.ts';
import { bundledStory, parsedSeed, SEED_FILES } from './seeds.ts';

/** A small story of our own: Arctic diplomacy, written only as data. */
const ARCTIC = {
  id: 'arctic-sovereignty',
  title: 'Greenland and Arctic sovereignty',
  sources: ['arctic-*.txt', 'https://example.org/arctic/'],
  topics: [
    {
      id: 'annexation',
      label: 'Annexation threats',
      keywords: [{ term: 'annexation', weight: 3 }, 'right now'],
      threshold: 3,
    },
    {
      id: 'nato-arctic',
      label: 'Nato in the Arctic',
      keywords: ['Arctic security', 'adversaries'],
      entities: ['nato'],
      threshold: 2,
    },
  ],
  entities: [
    { id: 'greenland', name: 'Greenland', type: 'place' },
    { id: 'denmark', name: 'Denmark', type: 'place', aliases: ['Kingdom of Denmark', 'Danish'] },
    { id: 'nato', name: 'Nato', type: 'org', aliases: ['NATO'] },
    { id: 'donald-trump', name: 'Donald Trump', type: 'person', aliases: ['President Trump'] },
  ],
};

async function storyDir(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'storybrief-stories-'));
  for (const [name, body] of Object.entries(files))
    await writeFile(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

async function loadError(files: Record<string, unknown>): Promise<{ code: string; message: string }> {
  try {
    await loadStories(await storyDir(files));
  } catch (err) {
    if (isUserError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected loadStories to fail');
}

describe('story definitions', () => {
  it('GIVEN data/stories THEN the bundled story loads with every seed as a source and the named people', async () => {
    const story = await bundledStory();
    for (const file of SEED_FILES) expect(storyForSource([story], file)).toBe(story);
    for (const id of [
      'donald-trump',
      'vladimir-putin',
      'volodymyr-zelensky',
      'keir-starmer',
      'emmanuel-macron',
      'friedrich-merz',
      'steve-witkoff',
      'jared-kushner',
      'marco-rubio',
      'pete-hegseth',
      'keith-kellogg',
      'sergei-lavrov',
      'yuri-ushakov',
      'dmitry-peskov',
      'andrii-sybiha',
      'antonio-costa',
      'john-healey',
      'jd-vance',
      'mark-rutte',
      'ursula-von-der-leyen',
      'donald-tusk',
      'giorgia-meloni',
      'nato',
      'european-union',
      'coalition-of-the-willing',
      'kremlin',
      'downing-street',
    ])
      expect(story.entities.map((e) => e.id)).toContain(id);
    expect(story.topics.filter((t) => t.offStory).map((t) => t.id)).toEqual(['greenland', 'venezuela']);
  });

  it('GIVEN a second story file in the directory THEN it loads and enriches a document with no code change', async () => {
    const dir = await storyDir({ 'arctic.json': ARCTIC, 'ukraine.json': await bundledStory() });
    const stories = await loadStories(dir);
    expect(stories.map((s) => s.id)).toEqual(['arctic-sovereignty', 'ukraine-russia']);
    const arctic = storyForSource(stories, 'arctic-2026-01-06.txt');
    expect(arctic?.id).toBe('arctic-sovereignty');
    expect(storyForSource(stories, 'https://example.org/arctic/live')?.id).toBe('arctic-sovereignty');
    expect(storyForSource(stories, '002_7093198a65717728.txt')?.id).toBe('ukraine-russia');
    expect(storyForSource(stories, 'unrelated.txt')).toBeNull();

    // The Greenland entry of seed 002, enriched by the Arctic story.
    const seed = parsedSeed('002');
    const doc = { ...seed, events: seed.events.filter((e) => e.headline.includes('Greenland ‘belongs')) };
    const [event] = enrichDocument(doc, arctic!).events;
    expect(event.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['greenland', 'denmark', 'nato', 'donald-trump']),
    );
    expect(event.topics).toEqual(expect.arrayContaining(['annexation', 'nato-arctic']));
    expect(event.quotes[0]).toMatchObject({ speaker: 'European leaders', speakerId: null });
    // Names this small story does not know are reported as unknown.
    const unknown = unknownEntities(seed.events, arctic!).map((u) => u.name);
    expect(unknown).toEqual(expect.arrayContaining(['Steve Witkoff', 'Jared Kushner', 'Volodymyr Zelensky']));
  });

  it('GIVEN bad story files THEN loading fails with BAD_STORY naming the file and the field', async () => {
    const noTitle = await loadError({ 'x.json': { ...ARCTIC, title: undefined } });
    expect(noTitle.code).toBe('BAD_STORY');
    expect(noTitle.message).toMatch(/x\.json/);
    expect(noTitle.message).toMatch(/title/);

    const badType = await loadError({
      'x.json': { ...ARCTIC, entities: [{ id: 'nato', name: 'Nato', type: 'alliance' }] },
    });
    expect(badType.message).toMatch(/entities\.0\.type/);

    const badWeight = await loadError({
      'x.json': { ...ARCTIC, topics: [{ id: 'a', label: 'A', keywords: [{ term: 'x', weight: -1 }] }] },
    });
    expect(badWeight.message).toMatch(/topics\.0\.keywords\.0/);

    const danglingEntity = await loadError({
      'x.json': { ...ARCTIC, topics: [{ id: 'a', label: 'A', entities: ['nobody'] }] },
    });
    expect(danglingEntity.message).toMatch(/topics\.0\.entities\.0: unknown entity id "nobody"/);

    const badId = await loadError({ 'x.json': { ...ARCTIC, id: 'Not An Id' } });
    expect(badId.message).toMatch(/id: must be a kebab-case id/);

    const notJson = await loadError({ 'x.json': '{ "id": ' });
    expect(notJson).toMatchObject({ code: 'BAD_STORY' });
    expect(notJson.message).toMatch(/x\.json: not valid JSON/);

    const twice = await loadError({ 'a.json': ARCTIC, 'b.json': ARCTIC });
    expect(twice.message).toMatch(/b\.json: id: story id "arctic-sovereignty" is already used/);

    const unknownKey = parseStory({ ...ARCTIC, topcs: [] });
    expect(unknownKey.ok).toBe(false);
  });

  it('GIVEN user text THEN resolveEntity, resolveTopic and suggest find what was meant', async () => {
    const story = await bundledStory();
    expect(resolveEntity(story, 'witkoff')?.id).toBe('steve-witkoff');
    expect(resolveEntity(story, 'Sir Keir')?.id).toBe('keir-starmer');
    expect(resolveEntity(story, 'Mr Zelensky')?.id).toBe('volodymyr-zelensky');
    expect(resolveEntity(story, 'Zelenksy')?.id).toBe('volodymyr-zelensky');
    expect(resolveEntity(story, 'NATO')?.id).toBe('nato');
    expect(resolveEntity(story, 'nobody at all')).toBeNull();
    expect(resolveTopic(story, 'Security guarantees')?.id).toBe('security-guarantees');
    expect(resolveTopic(story, 'peace-talks')?.id).toBe('peace-talks');
    expect(resolveTopic(story, 'weather')).toBeNull();
    expect(suggest(story, 'witkof', 'entity')).toContain('Steve Witkoff');
    expect(suggest(story, 'teritory', 'topic')).toContain('territory');
    expect(suggest(story, 'zzzz', 'topic')).toEqual([]);
  });
});
