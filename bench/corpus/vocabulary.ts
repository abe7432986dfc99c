// Words the synthetic corpus is written from: the story's own people, places, organisations and topic terms, plus made-up names.
import type { Story } from '../../src/ingest/story.ts';

/** A person who can be named, quoted and referred to by surname. */
export interface Person {
  name: string;
  surname: string;
}

export interface Vocabulary {
  people: Person[];
  places: string[];
  orgs: string[];
  /** Phrases of the story's topics (keywords without wildcards). */
  topicTerms: string[];
  /** Reporters who write entries. */
  authors: string[];
}

const FIRST = [
  'Anna',
  'Tomasz',
  'Olena',
  'Marcus',
  'Priya',
  'Jonas',
  'Ines',
  'Kwame',
  'Sofia',
  'Daniel',
  'Hana',
  'Luca',
  'Maya',
  'Oskar',
  'Leila',
  'Pavel',
  'Grace',
  'Yusuf',
  'Elena',
  'Rhys',
  'Nadia',
  'Felix',
  'Amara',
  'Viktor',
];
const LAST = [
  'Kowalski',
  'Brennan',
  'Hartley',
  'Novak',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Castillo',
  'Petrenko',
  'Osei',
  'Whitfield',
  'Marchetti',
  'Haddad',
  'Sørensen',
  'Adeyemi',
  'Kaminski',
  'Fletcher',
  'Varga',
  'Ibrahim',
  'Doyle',
];
const EXTRA_PLACES = [
  'Geneva',
  'Istanbul',
  'Vilnius',
  'Warsaw',
  'Helsinki',
  'Bucharest',
  'Riga',
  'Tallinn',
  'Oslo',
];
const EXTRA_ORGS = [
  'the European Commission',
  'the UN Security Council',
  'the G7',
  'the OSCE',
  'the Red Cross',
];

function surnameOf(name: string): string {
  const parts = name.split(/\s+/);
  return parts[parts.length - 1];
}

/** Builds the vocabulary from a story definition; made-up people and reporters widen the cast. */
export function createVocabulary(story: Story): Vocabulary {
  const storyPeople = story.entities
    .filter((e) => e.type === 'person')
    .map((e) => ({ name: e.name, surname: surnameOf(e.name) }));
  const invented: Person[] = [];
  for (let i = 0; i < FIRST.length; i++) {
    for (let j = i % 3; j < LAST.length; j += 3)
      invented.push({ name: `${FIRST[i]} ${LAST[j]}`, surname: LAST[j] });
  }
  const authors = invented.slice(0, 60).map((p) => p.name);
  const places = [...story.entities.filter((e) => e.type === 'place').map((e) => e.name), ...EXTRA_PLACES];
  const orgs = [...story.entities.filter((e) => e.type === 'org').map((e) => e.name), ...EXTRA_ORGS];
  const topicTerms = story.topics.flatMap((t) =>
    t.keywords
      .map((k) => (typeof k === 'string' ? k : k.term))
      .filter((term) => !term.endsWith('*') && term.length > 3),
  );
  return {
    people: [...storyPeople, ...invented.slice(60)],
    places: places.length > 0 ? places : EXTRA_PLACES,
    orgs: orgs.length > 0 ? orgs : EXTRA_ORGS,
    topicTerms: topicTerms.length > 0 ? topicTerms : ['talks', 'ceasefire', 'sanctions'],
    authors,
  };
}
