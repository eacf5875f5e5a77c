import type { DossierBridge } from '../../shared/ipc/contract';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the web build. */
    dossier?: DossierBridge;
  }
}

/** The platform bridge: the desktop preload's when running in Electron, else the browser's. */
export const bridge: DossierBridge = window.dossier ?? createWebBridge();
