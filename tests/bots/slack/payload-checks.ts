// Test helper: checks a Slack message against Slack's limits and our escaping rules; returns the problems found.
import type { KnownBlock } from '@slack/web-api';
import {
  CONTEXT_ELEMENTS_MAX,
  FALLBACK_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_CHARS_MAX,
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
} from '../../../src/bots/slack/limits.ts';

// The only angle-bracket constructs we emit: links to http(s) URLs, local-time stamps, channel references.
const ALLOWED = [/<https?:\/\/[^\s<>|]+\|[^<>|]*>/g, /<!date\^\d+\^[^|<>]+\|[^<>]*>/g, /<#[CGD][A-Z0-9]+>/g];

/** Problems with one text as Slack would parse it: stray control characters mean unescaped source text. */
export function escapingProblems(text: string, where: string): string[] {
  let rest = text;
  for (const re of ALLOWED) rest = rest.replace(re, '');
  const problems: string[] = [];
  if (/[<>]/.test(rest)) problems.push(`${where}: unescaped < or > in ${JSON.stringify(rest.slice(0, 200))}`);
  if (/&(?!amp;|lt;|gt;)/.test(rest))
    problems.push(`${where}: unescaped & in ${JSON.stringify(rest.slice(0, 200))}`);
  return problems;
}

function textsOf(block: KnownBlock): Array<{ text: string; kind: string; type: string }> {
  const b = block as unknown as {
    type: string;
    text?: { type: string; text: string };
    elements?: Array<{ type: string; text?: string }>;
  };
  const out: Array<{ text: string; kind: string; type: string }> = [];
  if (b.text) out.push({ text: b.text.text, kind: b.type, type: b.text.type });
  for (const e of b.elements ?? [])
    if (e.text !== undefined) out.push({ text: e.text, kind: b.type, type: e.type });
  return out;
}

/** Every way this message would break Slack's limits or let source text through unescaped. */
export function slackMessageProblems(
  message: { text: string; blocks: KnownBlock[] },
  label = 'message',
): string[] {
  const problems: string[] = [];
  const { text, blocks } = message;
  if (typeof text !== 'string' || text.trim() === '') problems.push(`${label}: no plain-text fallback`);
  if (text.length > FALLBACK_TEXT_MAX)
    problems.push(`${label}: fallback text ${text.length} > ${FALLBACK_TEXT_MAX}`);
  problems.push(...escapingProblems(text, `${label}.text`));
  if (blocks.length === 0) problems.push(`${label}: no blocks`);
  if (blocks.length > MESSAGE_BLOCKS_MAX)
    problems.push(`${label}: ${blocks.length} blocks > ${MESSAGE_BLOCKS_MAX}`);
  const size = JSON.stringify(blocks).length;
  if (size > MESSAGE_BLOCKS_CHARS_MAX)
    problems.push(`${label}: blocks ${size} chars > ${MESSAGE_BLOCKS_CHARS_MAX}`);
  blocks.forEach((block, i) => {
    const where = `${label}.blocks[${i}] (${block.type})`;
    if (block.type === 'header') {
      const t = block.text;
      if (t.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
      if (t.text.length > HEADER_TEXT_MAX)
        problems.push(`${where}: header ${t.text.length} > ${HEADER_TEXT_MAX}`);
      if (t.text.trim() === '') problems.push(`${where}: empty header`);
    }
    if (block.type === 'section' && block.text && block.text.text.length > SECTION_TEXT_MAX) {
      problems.push(`${where}: section text ${block.text.text.length} > ${SECTION_TEXT_MAX}`);
    }
    if (block.type === 'section' && block.text && block.text.text.trim() === '')
      problems.push(`${where}: empty section`);
    if (block.type === 'context') {
      if (block.elements.length === 0 || block.elements.length > CONTEXT_ELEMENTS_MAX) {
        problems.push(`${where}: ${block.elements.length} context elements`);
      }
    }
    for (const t of textsOf(block)) {
      if (t.text.length > 3000) problems.push(`${where}: text object ${t.text.length} > 3000`);
      if (t.type === 'mrkdwn' && (t as { text: string }).text !== undefined) {
        const el = block as unknown as { text?: { verbatim?: boolean } };
        if (block.type === 'section' && el.text?.verbatim !== true)
          problems.push(`${where}: mrkdwn without verbatim`);
      }
      problems.push(...escapingProblems(t.text, where));
    }
  });
  return problems;
}

/** All mrkdwn/plain text of the messages, entities decoded, links reduced to their labels, whitespace removed. */
export function visibleTextWithoutSpace(messages: Array<{ blocks: KnownBlock[] }>): string {
  const all = messages
    .flatMap((m) => m.blocks.flatMap((b) => textsOf(b).map((t) => t.text)))
    .filter((t) => !/^Continued (in the thread|below) \(part \d+ of \d+\)$|· part \d+ of \d+$/.test(t))
    .join('\n')
    .replace(/<https?:\/\/[^|>]+\|([^>]*)>/g, '$1')
    .replace(/<!date\^\d+\^[^|]+\|([^>]*)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return all.replace(/\s+/g, '');
}
