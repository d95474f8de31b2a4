/**
 * Text for a terminal, made inert: a cell's text or a file name may hold control characters (an ESC sequence
 * retitles or recolours the terminal; a newline forges a line of the batch summary; a bidi override reorders
 * what is shown). Everything the human views print that did not come from us goes through `inert`: C0 and C1
 * controls, DEL, the bidi embeddings, overrides, isolates and marks, and the line and paragraph separators
 * are shown as `\n`, `\x1b`, `\u202e`. The layout's own newlines are added after, and JSON output is left to
 * JSON.stringify.
 */
import { type Lang, t, type UiArgs, type UiKey } from '../core';

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `s` with every character that could steer a terminal shown as an escape (`\x1b`, `\n`, `\u202e`). */
export function inert(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return SHORT[ch] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** A one-line catalogue sentence for the terminal: the names and texts filled into it are made inert. */
export function say<K extends UiKey>(key: K, lang: Lang, ...params: UiArgs<K>): string {
  return inert(t(key, lang, ...params));
}
