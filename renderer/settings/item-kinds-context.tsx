// Opens the item kinds dialog from anywhere in the app: the top bar, or "New kind…" in the
// reader, which starts a new kind and tags the highlight with it once it is saved.
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { ItemKindDefinition } from '../../shared/model/types';
import { ItemKindsDialog } from './ItemKindsDialog';

export interface OpenItemKindsOptions {
  /** Start a new kind, its name box focused. */
  startNew?: boolean;
  /** After Save: the kind started on opening, if it was kept (else null). Not called on Cancel. */
  onSaved?: (started: ItemKindDefinition | null) => void;
}

export type OpenItemKinds = (options?: OpenItemKindsOptions) => void;

const ItemKindsContext = createContext<OpenItemKinds | null>(null);

/** Opens the item kinds dialog; null outside the app's provider. */
export const useOpenItemKinds = (): OpenItemKinds | null => useContext(ItemKindsContext);

export function ItemKindsProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<OpenItemKindsOptions | null>(null);
  const openDialog = useCallback<OpenItemKinds>((options = {}) => setOpen(options), []);
  return (
    <ItemKindsContext.Provider value={openDialog}>
      {children}
      {open && (
        <ItemKindsDialog
          startNew={open.startNew ?? false}
          onClose={(result) => {
            setOpen(null);
            if (result) open.onSaved?.(result.started);
          }}
        />
      )}
    </ItemKindsContext.Provider>
  );
}
