// Discord's message and embed limits as named constants, and a checker that lists every violation of a payload.

/** Embed title (characters). */
export const EMBED_TITLE_MAX = 256;
/** Embed description (characters). */
export const EMBED_DESCRIPTION_MAX = 4096;
/** Fields per embed. */
export const EMBED_FIELDS_MAX = 25;
/** Field name (characters). */
export const EMBED_FIELD_NAME_MAX = 256;
/** Field value (characters). */
export const EMBED_FIELD_VALUE_MAX = 1024;
/** Embed footer text (characters). */
export const EMBED_FOOTER_MAX = 2048;
/** Embed author name (characters). */
export const EMBED_AUTHOR_NAME_MAX = 256;
/** Sum of title, description, field names and values, footer and author across all embeds of one message. */
export const MESSAGE_EMBEDS_TOTAL_MAX = 6000;
/** Embeds per message. */
export const MESSAGE_EMBEDS_MAX = 10;
/** Message content (characters). */
export const MESSAGE_CONTENT_MAX = 2000;
/** Action rows per message. */
export const MESSAGE_ACTION_ROWS_MAX = 5;
/** Buttons per action row. */
export const ACTION_ROW_BUTTONS_MAX = 5;
/** Button label (characters). */
export const BUTTON_LABEL_MAX = 80;
/** Component custom_id (characters). */
export const CUSTOM_ID_MAX = 100;
/** Autocomplete choices per response. */
export const AUTOCOMPLETE_CHOICES_MAX = 25;
/** Choice name and value (characters). */
export const CHOICE_NAME_MAX = 100;
export const CHOICE_VALUE_MAX = 100;
/** Application command limits. */
export const COMMAND_NAME_MAX = 32;
export const COMMAND_DESCRIPTION_MAX = 100;
export const COMMAND_OPTIONS_MAX = 25;
/** Time Discord gives a bot to answer an interaction (ms). */
export const INTERACTION_DEADLINE_MS = 3000;

interface EmbedLike {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}

interface MessageLike {
  content?: string;
  embeds?: EmbedLike[];
  components?: ReadonlyArray<unknown>;
}

/** Characters of one embed that count towards the 6000-per-message total. */
export function embedLength(embed: EmbedLike): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Every way a message payload breaks Discord's limits; empty when it is valid. */
export function messageLimitViolations(message: MessageLike): string[] {
  const out: string[] = [];
  const embeds = message.embeds ?? [];
  if ((message.content?.length ?? 0) > MESSAGE_CONTENT_MAX) out.push(`content > ${MESSAGE_CONTENT_MAX}`);
  if (embeds.length > MESSAGE_EMBEDS_MAX) out.push(`embeds > ${MESSAGE_EMBEDS_MAX}`);
  if (!message.content && embeds.length === 0) out.push('empty message');
  let total = 0;
  embeds.forEach((embed, i) => {
    if ((embed.title?.length ?? 0) > EMBED_TITLE_MAX) out.push(`embed ${i} title > ${EMBED_TITLE_MAX}`);
    if ((embed.description?.length ?? 0) > EMBED_DESCRIPTION_MAX)
      out.push(`embed ${i} description > ${EMBED_DESCRIPTION_MAX}`);
    if ((embed.footer?.text.length ?? 0) > EMBED_FOOTER_MAX)
      out.push(`embed ${i} footer > ${EMBED_FOOTER_MAX}`);
    if ((embed.author?.name.length ?? 0) > EMBED_AUTHOR_NAME_MAX)
      out.push(`embed ${i} author > ${EMBED_AUTHOR_NAME_MAX}`);
    const fields = embed.fields ?? [];
    if (fields.length > EMBED_FIELDS_MAX) out.push(`embed ${i} fields > ${EMBED_FIELDS_MAX}`);
    fields.forEach((field, j) => {
      if (field.name.length > EMBED_FIELD_NAME_MAX)
        out.push(`embed ${i} field ${j} name > ${EMBED_FIELD_NAME_MAX}`);
      if (field.value.length > EMBED_FIELD_VALUE_MAX)
        out.push(`embed ${i} field ${j} value > ${EMBED_FIELD_VALUE_MAX}`);
    });
    total += embedLength(embed);
  });
  if (total > MESSAGE_EMBEDS_TOTAL_MAX) out.push(`embeds total ${total} > ${MESSAGE_EMBEDS_TOTAL_MAX}`);
  const rows = message.components ?? [];
  if (rows.length > MESSAGE_ACTION_ROWS_MAX) out.push(`action rows > ${MESSAGE_ACTION_ROWS_MAX}`);
  for (const row of rows) {
    const buttons = (row as { components?: Array<{ label?: string; custom_id?: string }> }).components ?? [];
    if (buttons.length > ACTION_ROW_BUTTONS_MAX) out.push(`buttons > ${ACTION_ROW_BUTTONS_MAX}`);
    for (const b of buttons) {
      if ((b.label?.length ?? 0) > BUTTON_LABEL_MAX) out.push(`button label > ${BUTTON_LABEL_MAX}`);
      if ((b.custom_id?.length ?? 0) > CUSTOM_ID_MAX) out.push(`custom_id > ${CUSTOM_ID_MAX}`);
    }
  }
  return out;
}
