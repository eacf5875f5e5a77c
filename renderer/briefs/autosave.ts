// Autosave of a brief: every change is written half a second after typing pauses, and at once
// when the analyst leaves (the editor loses focus, another screen opens, the window hides or
// closes). A database write started while the page unloads may not finish, so what is still
// unsaved then is also put in a small journal (localStorage) synchronously; opening the brief
// again takes it back when it is newer than the stored brief. Persistence is injected, so the
// saver knows nothing of the screens and can be tested alone.
import type { BriefRecord } from '../../shared/model/types';

export type SaveState = 'saved' | 'saving' | 'failed';

export interface BriefPatch {
  title?: string;
  content?: string;
}

/** A change waiting to be written; the content is serialized only when it is written. */
interface Pending {
  title?: string;
  content?: () => string;
}

export const SAVE_DELAY_MS = 500;

const journalKey = (briefId: string) => `dossier.brief-unsaved.${briefId}`;

interface JournalEntry extends BriefPatch {
  /** When the entry was written (ms since the epoch). */
  at: number;
}

/** The unsaved change journal of one brief (localStorage: synchronous, so it survives an unload). */
export const briefJournal = {
  write(briefId: string, patch: BriefPatch, at: number = Date.now()): void {
    try {
      localStorage.setItem(journalKey(briefId), JSON.stringify({ ...patch, at } satisfies JournalEntry));
    } catch {
      // Storage full or unavailable: the database write is all there is.
    }
  },
  clear(briefId: string): void {
    try {
      localStorage.removeItem(journalKey(briefId));
    } catch {
      // Nothing to clear.
    }
  },
  /**
   * What the journal holds for a brief that the stored record lacks: a change made after the
   * record's last save. The journal is cleared either way.
   */
  take(record: BriefRecord): BriefPatch | null {
    let entry: JournalEntry | null = null;
    try {
      entry = JSON.parse(localStorage.getItem(journalKey(record.id)) ?? 'null') as JournalEntry | null;
    } catch {
      entry = null;
    }
    briefJournal.clear(record.id);
    if (!entry || entry.at <= Date.parse(record.updatedAt)) return null;
    const patch: BriefPatch = {};
    if (typeof entry.title === 'string' && entry.title !== record.title) patch.title = entry.title;
    if (typeof entry.content === 'string' && entry.content !== record.content) patch.content = entry.content;
    return Object.keys(patch).length ? patch : null;
  },
};

export class BriefSaver {
  private pending: Pending = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private state: SaveState = 'saved';
  private readonly listeners = new Set<() => void>();
  private lastContent: string;

  constructor(
    private readonly briefId: string,
    initialContent: string,
    private readonly write: (patch: BriefPatch) => Promise<unknown>,
    private readonly delay: number = SAVE_DELAY_MS,
  ) {
    this.lastContent = initialContent;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): SaveState => this.state;

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private hasPending(): boolean {
    return this.pending.title !== undefined || this.pending.content !== undefined;
  }

  /** A change: written after the pause, together with any other change made meanwhile. */
  change(change: Pending): void {
    this.pending = { ...this.pending, ...change };
    this.setState('saving');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delay);
  }

  /** What is pending, serialized now (null when nothing changed). */
  private take(): BriefPatch | null {
    if (!this.hasPending()) return null;
    const patch: BriefPatch = {};
    if (this.pending.title !== undefined) patch.title = this.pending.title;
    if (this.pending.content !== undefined) {
      const content = this.pending.content();
      if (content !== this.lastContent) patch.content = content;
    }
    this.pending = {};
    return patch.title !== undefined || patch.content !== undefined ? patch : null;
  }

  /** Writes what is pending now; resolves once every write so far is done. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    const patch = this.take();
    if (patch) this.writing = this.writeInOrder(patch);
    else if (this.state === 'saving') this.writing = this.writing.then(() => this.settle());
    return this.writing;
  }

  /** Leaving (unmount, page hide, unload): the journal first, synchronously, then the write. */
  flushForUnload(): void {
    clearTimeout(this.timer);
    const patch = this.take();
    if (!patch) return;
    briefJournal.write(this.briefId, patch);
    this.writing = this.writeInOrder(patch);
  }

  private writeInOrder(patch: BriefPatch): Promise<void> {
    const before = this.lastContent;
    if (patch.content !== undefined) this.lastContent = patch.content;
    // One write after another, so an older state never lands after a newer one.
    return this.writing.then(() =>
      this.write(patch).then(
        () => this.settle(),
        () => {
          // Kept for the next try (a later change, or leaving), under anything newer.
          const content = patch.content;
          this.pending = {
            ...(patch.title !== undefined && { title: patch.title }),
            ...(content !== undefined && { content: () => content }),
            ...this.pending,
          };
          this.lastContent = before;
          this.setState('failed');
        },
      ),
    );
  }

  private settle(): void {
    if (this.hasPending()) return;
    briefJournal.clear(this.briefId);
    this.setState('saved');
  }
}
