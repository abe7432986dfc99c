// Finds schema.org objects in a page's JSON-LD blocks: flattens @graph, arrays and mainEntity, matches @type.

/** A JSON-LD object (one node of the graph). */
export type JsonLdNode = Record<string, unknown>;

/** Parses JSON-LD script texts, tolerating HTML comments, CDATA wrappers and blocks that are not JSON. */
export function parseJsonLdScripts(texts: string[]): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  for (const raw of texts) {
    const text = raw
      .trim()
      .replace(/^<!--|-->$/g, '')
      .replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, '')
      .trim();
    if (!text) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    collect(value, out, 0);
  }
  return out;
}

function collect(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
    return;
  }
  const node = value as JsonLdNode;
  out.push(node);
  if (node['@graph']) collect(node['@graph'], out, depth + 1);
  if (node.mainEntity && typeof node.mainEntity === 'object') collect(node.mainEntity, out, depth + 1);
}

/** The node's types without a schema.org prefix ("schema:NewsArticle", "https://schema.org/NewsArticle"). */
export function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((v): v is string => typeof v === 'string').map((v) => v.replace(/^.*[/:#]/, ''));
}

/** Article types a page's main text may be published as. */
export const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'Article',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'BlogPosting',
  'Report',
]);

export function findLiveBlog(nodes: JsonLdNode[]): JsonLdNode | null {
  return nodes.find((n) => typesOf(n).includes('LiveBlogPosting')) ?? null;
}

export function findArticle(nodes: JsonLdNode[]): JsonLdNode | null {
  return nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.has(t))) ?? null;
}

/** A text field that may be a string, a language-tagged value or an array of them. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (value && typeof value === 'object') {
    const v = value as JsonLdNode;
    return textOf(v['@value'] ?? v.name);
  }
  return null;
}

/** Author names: a string, a Person/Organization, or a list of them, joined with commas. */
export function authorOf(value: unknown): string | null {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const names = list.map((a) => textOf(a)).filter((n): n is string => !!n);
  return names.length ? [...new Set(names)].join(', ') : null;
}

/** As an array (JSON-LD allows one value where a list is meant). */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}
