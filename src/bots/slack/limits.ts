// Slack's Block Kit and message limits, as named constants the renderer packs against.

/** Blocks in one message (chat.postMessage, response_url). */
export const MESSAGE_BLOCKS_MAX = 50;
/** Blocks in one App Home view (views.publish). */
export const HOME_VIEW_BLOCKS_MAX = 100;
/** Characters of a header block's plain_text. */
export const HEADER_TEXT_MAX = 150;
/** Characters of a section block's text. */
export const SECTION_TEXT_MAX = 3000;
/** Elements in one context block. */
export const CONTEXT_ELEMENTS_MAX = 10;
/** Characters of one context element's text (Slack allows 3000 per text object; we stay well under). */
export const CONTEXT_ELEMENT_TEXT_MAX = 2000;
/**
 * Characters of a message's blocks in all, measured as the length of their JSON. Slack rejects a message
 * whose blocks are too large in total (msg_blocks_too_long) even when each block is within its own limit;
 * the observed ceiling is about 12,000 characters, and JSON length over-counts the text, so this is safe.
 */
export const MESSAGE_BLOCKS_CHARS_MAX = 12_000;
/** Characters of the plain-text fallback (`text`) we send; Slack truncates at 40,000, notifications show far less. */
export const FALLBACK_TEXT_MAX = 3000;
/** Characters of a URL inside a link. */
export const URL_MAX = 3000;
/** Characters of a block_id. */
export const BLOCK_ID_MAX = 255;
/** Slack's deadline for acknowledging a slash command, in milliseconds. */
export const ACK_DEADLINE_MS = 3000;
/** Times a response_url may be used (within 30 minutes of the command). */
export const RESPONSE_URL_USES_MAX = 5;
