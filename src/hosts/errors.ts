/**
 * Errors and notes the spreadsheet hosts share. Each adapter has one infrastructure failure (ExcelAdapterError,
 * WpsAdapterError) with its own problems; both are a HostAdapterError: a problem, the catalogue key of the user's
 * message and its parameters. The host's own text never reaches the user. A note is a message not yet rendered
 * (a catalogue key, parameters, and the failure that caused it), rendered in the user's language at the edge.
 */
import { type Params, type Lang, textOf, type UiKey, type UiParams } from '../core';

export class HostAdapterError<P extends string = string, K extends UiKey = UiKey> extends Error {
  override readonly name: string = 'HostAdapterError';
  constructor(
    readonly problem: P,
    /** Parameters of the catalogue message (`seconds`, `feature`, `sheet`). */
    readonly params: Params,
    private readonly key: K,
  ) {
    // The Error message is the zh-CN catalogue text, so a careless `e.message` shows no raw host text.
    super(textOf(key, 'zh-CN', params));
  }

  /** The catalogue key of the user's message. */
  get messageKey(): K {
    return this.key;
  }

  /** The message for the user, in their language. */
  userMessage(lang: Lang = 'zh-CN'): string {
    return textOf(this.key, lang, this.params);
  }
}

export function isHostAdapterError(e: unknown): e is HostAdapterError {
  return e instanceof HostAdapterError;
}

/**
 * A message not yet rendered: a catalogue key and its parameters, rendered in the user's language at the edge.
 * The parameters are typed per key like `t()`'s (`{reason}` comes from the cause): a note that forgets one, or
 * names one its text does not use, does not compile.
 */
export type HostNote<K extends UiKey = UiKey> = { readonly [Q in K]: NoteOf<Q, K> }[K];

type NoteOf<Q extends UiKey, K extends UiKey> = {
  readonly key: Q;
  /** Why a step failed: a catalogue message filled into the note's `{reason}`. */
  readonly cause?: HostNote<K>;
} & (keyof Omit<UiParams[Q], 'reason'> extends never ? { readonly params?: Readonly<Record<string, never>> } : { readonly params: Omit<UiParams[Q], 'reason'> });

/** A note in the user's language (its cause, if any, rendered into `{reason}`). */
export function renderHostNote(note: HostNote, lang: Lang = 'zh-CN'): string {
  const reason = note.cause ? renderHostNote(note.cause, lang) : '';
  return textOf(note.key, lang, { ...(note.params as Params | undefined), ...(note.cause ? { reason } : {}) });
}

/** An adapter error as the cause of a note. */
export function noteOf<K extends UiKey>(err: HostAdapterError<string, K>): HostNote<K> {
  return { key: err.messageKey, params: err.params } as unknown as HostNote<K>; // an error's parameters were given with its problem
}
