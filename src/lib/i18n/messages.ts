import type * as messages from '../paraglide/messages.js';

/** Any key of the message catalog (messages/{ky,ru,en}.json). */
export type MessageKey = keyof typeof messages;
