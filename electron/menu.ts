// The application menu as a pure template: main.ts passes it to Menu.buildFromTemplate.
// Items that belong to Dossier send a MenuCommand to the renderer (CHANNELS.menuCommand);
// the rest are Electron roles. Labels come in English and Chinese, chosen by app.getLocale().
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';

export type MenuLanguage = 'en' | 'zh';

/** 'zh', 'zh-CN', 'zh-Hans-CN', 'zh-TW'… → 'zh'; anything else → 'en'. */
export function menuLanguage(locale: string): MenuLanguage {
  return /^zh(?:[-_]|$)/i.test(locale) ? 'zh' : 'en';
}

const LABELS = {
  en: {
    file: 'File',
    import: 'Import…',
    export: 'Export…',
    quit: 'Quit Dossier',
    close: 'Close Window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    library: 'Library',
    items: 'Items',
    itemKinds: 'Item Kinds…',
    find: 'Find',
    toggleSidebar: 'Toggle Sidebar',
    reload: 'Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Toggle Full Screen',
    window: 'Window',
    help: 'Help',
    about: 'About Dossier',
    services: 'Services',
    hide: 'Hide Dossier',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
  zh: {
    file: '文件',
    import: '导入…',
    export: '导出…',
    quit: '退出 Dossier',
    close: '关闭窗口',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    library: '文库',
    items: '事项',
    itemKinds: '事项类型…',
    find: '查找',
    toggleSidebar: '显示/隐藏侧栏',
    reload: '重新加载',
    toggleDevTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    toggleFullScreen: '全屏',
    window: '窗口',
    help: '帮助',
    about: '关于 Dossier',
    services: '服务',
    hide: '隐藏 Dossier',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

export type MenuLabels = (typeof LABELS)['en'];
export function menuLabels(language: MenuLanguage): { readonly [K in keyof MenuLabels]: string } {
  return LABELS[language];
}

/** Accelerators of the items that send commands (Electron accelerator syntax). */
export const MENU_ACCELERATORS: Readonly<Partial<Record<MenuCommand, string>>> = {
  import: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  library: 'CmdOrCtrl+L',
  // Not Shift+I: that is the developer tools' accelerator, in Electron and in Chromium alike.
  items: 'CmdOrCtrl+J',
  find: 'CmdOrCtrl+F',
  'toggle-sidebar': 'CmdOrCtrl+\\',
};

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Packaged builds have no Reload or Developer Tools items. */
  isPackaged: boolean;
  /** app.getLocale(), e.g. 'en-US' or 'zh-CN'. */
  locale: string;
  /** Delivers a command to the renderer; `window` is the focused window, if any. */
  send(command: MenuCommand, window: BaseWindow | undefined): void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = menuLabels(menuLanguage(options.locale));
  const mac = options.platform === 'darwin';
  const command = (name: MenuCommand, label: string, id: string = name): MenuItemConstructorOptions => ({
    id,
    label,
    ...(MENU_ACCELERATORS[name] !== undefined && { accelerator: MENU_ACCELERATORS[name] }),
    click: (_item, window) => options.send(name, window),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: 'Dossier',
    submenu: [
      command('about', t.about),
      separator,
      { role: 'services', label: t.services },
      separator,
      { role: 'hide', label: t.hide },
      { role: 'hideOthers', label: t.hideOthers },
      { role: 'unhide', label: t.unhide },
      separator,
      { role: 'quit', label: t.quit },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      command('import', t.import),
      command('export', t.export),
      separator,
      mac ? { role: 'close', label: t.close } : { role: 'quit', label: t.quit },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  };

  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload', label: t.reload }, { role: 'toggleDevTools', label: t.toggleDevTools }, separator];
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      command('library', t.library),
      command('items', t.items),
      command('item-kinds', t.itemKinds),
      command('find', t.find),
      command('toggle-sidebar', t.toggleSidebar),
      separator,
      ...developer,
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      separator,
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu', label: t.window };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t.help,
    submenu: [command('about', t.about, mac ? 'help-about' : 'about')],
  };

  return mac ? [appMenu, file, edit, view, windowMenu, help] : [file, edit, view, help];
}
