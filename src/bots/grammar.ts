// The one text grammar shared by console and Slack: `/news <subcommand> [words…] [name:value …]`.
import { fail, ok, type Result } from '../errors.ts';
import { commandNames, findCommand } from './commands.ts';

/** A token of the command line: a bare word, or name:value. `quoted` tokens are never read as name:value. */
interface Token {
  text: string;
  quoted: boolean;
}

const OPENERS: Record<string, string> = {
  '"': '"”',
  '“': '”"“',
  '”': '”"',
  '„': '“”"',
  '«': '»',
  "'": "'’",
  '‘': "’'‘",
};

/** Splits a line into tokens; quotes (straight or curly) group words, and may follow `name:`. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    while (i < n && /\s/u.test(line[i]!)) i++;
    if (i >= n) break;
    let text = '';
    let quoted = false;
    let sawQuote = false;
    while (i < n && !/\s/u.test(line[i]!)) {
      const ch = line[i]!;
      const closers = OPENERS[ch];
      // A quote opens at the start of a token or right after `name:`; elsewhere it is an apostrophe.
      const canOpen = closers !== undefined && (text === '' || (/^[\p{L}_-]+:$/u.test(text) && !sawQuote));
      if (canOpen) {
        if (text === '') quoted = true;
        sawQuote = true;
        i++;
        let end = i;
        while (end < n) {
          if (closers.includes(line[end]!)) {
            // A single-quote closer must end the token (so "Trump's" inside quotes survives).
            const single = ch === "'" || ch === '‘';
            if (!single || end + 1 >= n || /\s/u.test(line[end + 1]!)) break;
          }
          end++;
        }
        text += line.slice(i, end);
        i = end < n ? end + 1 : n;
        continue;
      }
      text += ch;
      i++;
    }
    tokens.push({ text, quoted });
  }
  return tokens;
}

const OPTION_TOKEN = /^([\p{L}][\p{L}\d_-]*):([\s\S]*)$/u;

/**
 * Parses `/news <subcommand> [positional words] [name:value …]` into the subcommand name and its raw option
 * strings. The leading `/news` is optional; `/news` alone means help. Bare words fill the command's positional
 * option; a bare word naming a boolean option of a command without positional sets it (`/news brief generated`).
 */
export function parseCommandLine(text: string): Result<{ name: string; raw: Record<string, string> }> {
  if (typeof text !== 'string') return fail('BAD_OPTION', 'Type a command such as `/news brief`.');
  const tokens = tokenize(text.replace(/^\s*\/?news\b/iu, ''));
  if (tokens.length === 0) return ok({ name: 'help', raw: {} });
  const name = tokens[0]!.text.toLowerCase().replace(/^\//u, '');
  const def = findCommand(name);
  if (!def) {
    return fail(
      'UNKNOWN_COMMAND',
      `Unknown subcommand “${tokens[0]!.text}”. Try one of: ${commandNames().join(', ')} (\`/news help\`).`,
    );
  }
  const byName = new Map(def.options.map((o) => [o.name.toLowerCase(), o]));
  const positional = def.options.find((o) => o.positional);
  const raw: Record<string, string> = {};
  const words: string[] = [];
  for (const token of tokens.slice(1)) {
    const m = token.quoted ? null : OPTION_TOKEN.exec(token.text);
    const option = m ? byName.get(m[1]!.toLowerCase()) : undefined;
    if (m && option) {
      if (option.name in raw) return fail('BAD_OPTION', `Option ${option.name} is given twice.`);
      raw[option.name] = m[2]!.trim();
      continue;
    }
    if (m && !positional) {
      return fail('BAD_OPTION', unknownOptionMessage(def.name, m[1]!, [...byName.keys()]));
    }
    const flag = byName.get(token.text.toLowerCase());
    if (!token.quoted && !positional && flag?.type === 'boolean' && !(flag.name in raw)) {
      raw[flag.name] = 'true';
      continue;
    }
    words.push(token.text);
  }
  if (words.length > 0) {
    if (!positional) {
      const names = def.options.map((o) => `${o.name}:…`).join(' ');
      return fail(
        'BAD_OPTION',
        `\`${def.name}\` takes no free words (got “${words.join(' ')}”).${names ? ` Use options: ${names}.` : ''}`,
      );
    }
    if (positional.name in raw) return fail('BAD_OPTION', `Option ${positional.name} is given twice.`);
    raw[positional.name] = words.join(' ');
  }
  return ok({ name: def.name, raw });
}

function unknownOptionMessage(command: string, option: string, known: string[]): string {
  return known.length
    ? `\`${command}\` has no option “${option}”. Its options: ${known.join(', ')}.`
    : `\`${command}\` takes no options (got “${option}”).`;
}
