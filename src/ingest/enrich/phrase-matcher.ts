// A token trie that finds the longest known phrase at each position in one left-to-right pass.
import type { Token } from './tokens.ts';

/** How a phrase must be written in the text to count. */
export type CaseMode = 'exact' | 'capitalised' | 'any';

export interface PhraseEntry<T> {
  value: T;
  /** Keys to match, already normalised the same way as the token keys. */
  keys: string[];
  /** The phrase as written in the definition (for exact / capitalised checks). */
  words: string[];
  caseMode: CaseMode;
  /** The last key is a prefix ("peacekeep*"). */
  prefix?: boolean;
}

export interface PhraseMatch<T> {
  value: T;
  /** Token index range [from, to). */
  from: number;
  to: number;
}

/** A prefix phrase with its last key and last word lower-cased once, at build time. */
interface PrefixEntry<T> {
  entry: PhraseEntry<T>;
  key: string;
  word: string;
}

interface Node<T> {
  next: Map<string, Node<T>>;
  entries: PhraseEntry<T>[];
  prefixes: PrefixEntry<T>[];
}

const node = <T>(): Node<T> => ({ next: new Map(), entries: [], prefixes: [] });

export interface PhraseMatcher<T> {
  /** Non-overlapping longest matches, left to right. `key` turns a token into the trie key. */
  find(tokens: Token[], key?: (t: Token) => string): PhraseMatch<T>[];
}

function childOf<T>(parent: Node<T>, key: string): Node<T> {
  let child = parent.next.get(key);
  if (!child) {
    child = node<T>();
    parent.next.set(key, child);
  }
  return child;
}

export function createPhraseMatcher<T>(entries: PhraseEntry<T>[]): PhraseMatcher<T> {
  const root = node<T>();
  for (const entry of entries) {
    if (entry.keys.length === 0) continue;
    let cur = root;
    const last = entry.keys.length - 1;
    for (let i = 0; i < last; i++) {
      cur = childOf(cur, entry.keys[i]);
    }
    if (entry.prefix) {
      cur.prefixes.push({ entry, key: entry.keys[last], word: entry.words[last].toLowerCase() });
    } else {
      childOf(cur, entry.keys[last]).entries.push(entry);
    }
  }

  const fits = (entry: PhraseEntry<T>, tokens: Token[], from: number): boolean => {
    if (entry.caseMode === 'any') return true;
    if (entry.caseMode === 'exact') return entry.words.every((w, i) => tokens[from + i]?.text === w);
    // capitalised: a one-word name must be capitalised in the text ("Costa", not "costa")
    return entry.keys.length > 1 || tokens[from].cap;
  };

  return {
    find(tokens, key = (t) => t.lower) {
      const keys = tokens.map(key);
      const out: PhraseMatch<T>[] = [];
      let i = 0;
      while (i < tokens.length) {
        let cur: Node<T> | undefined = root;
        let best: PhraseMatch<T> | null = null;
        for (let j = i; j < tokens.length && cur; j++) {
          for (const p of cur.prefixes) {
            const hit = keys[j].startsWith(p.key) || tokens[j].lower.startsWith(p.word);
            if (hit && fits(p.entry, tokens, i) && (!best || j + 1 > best.to))
              best = { value: p.entry.value, from: i, to: j + 1 };
          }
          cur = cur.next.get(keys[j]);
          if (!cur) break;
          const hit = cur.entries.find((e) => fits(e, tokens, i));
          if (hit) best = { value: hit.value, from: i, to: j + 1 };
          // A possessive ends a name: "Trump's special envoy" never continues into the next word.
          if (tokens[j].possessive) break;
        }
        if (best) {
          out.push(best);
          i = best.to;
        } else i++;
      }
      return out;
    },
  };
}
