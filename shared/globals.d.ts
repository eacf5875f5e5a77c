// The few web-platform globals shared/ relies on. They exist in every runtime
// shared/ runs in (browsers, workers, Node ≥ 18), but live in the DOM and Node
// type libraries, which shared/ deliberately does not load.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
/** A file the platform hands over (e.g. dropped on the window); shared/ only names its type. */
interface File {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}
/** Cancellation of long work (a PDF read page by page). */
interface AbortSignal {
  readonly aborted: boolean;
  throwIfAborted(): void;
}
