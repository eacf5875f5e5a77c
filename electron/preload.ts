// The preload of the main window. It runs sandboxed, where only 'electron' can be required, so
// build/scripts/build-electron.mjs bundles it (with the bridge and zod) into one CJS file.
// It exposes exactly one object to the page: `window.dossier`, a DossierBridge.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { BRIDGE_GLOBAL, createDesktopBridge } from './bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createDesktopBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)),
);
