import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, menuLabels, menuLanguage, type MenuOptions } from '../../../electron/menu';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/contract';

function build(overrides: Partial<MenuOptions> = {}) {
  const send = vi.fn<MenuOptions['send']>();
  const template = buildMenuTemplate({ platform: 'linux', isPackaged: false, locale: 'en-US', send, ...overrides });
  return { template, send };
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const submenuOf = (template: MenuItemConstructorOptions[], label: string) => {
  const menu = template.find((item) => item.label === label);
  expect(menu, label).toBeDefined();
  return menu!.submenu as MenuItemConstructorOptions[];
};

function click(item: MenuItemConstructorOptions): void {
  (item.click as (...args: unknown[]) => void)(item, undefined, {});
}

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    expect(build().template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it.each<[MenuCommand, string, string]>([
    ['import', 'Import…', 'CmdOrCtrl+O'],
    ['export', 'Export…', 'CmdOrCtrl+E'],
    ['library', 'Library', 'CmdOrCtrl+L'],
    ['items', 'Items', 'CmdOrCtrl+J'],
    ['item-kinds', 'Item Kinds…', ''],
    ['find', 'Find', 'CmdOrCtrl+F'],
    ['toggle-sidebar', 'Toggle Sidebar', 'CmdOrCtrl+\\'],
    ['about', 'About Dossier', ''],
  ])('%s: label, accelerator, and the command it sends', (command, label, accelerator) => {
    const window = { id: 7 };
    const { template, send } = build();
    const item = flatten(template).find((i) => i.id === command)!;
    expect(item.label).toBe(label);
    expect(item.accelerator ?? '').toBe(accelerator);
    (item.click as (...args: unknown[]) => void)(item, window, {});
    expect(send).toHaveBeenCalledExactlyOnceWith(command, window);
  });

  it('sends every menu command of the contract, and each item sends exactly its own', () => {
    const { template, send } = build();
    const commandItems = flatten(template).filter((item) => item.click);
    for (const item of commandItems) click(item);
    expect(send.mock.calls.map(([command]) => command).sort()).toEqual([...MENU_COMMANDS].sort());
    expect(commandItems.map((item) => item.id)).toEqual(send.mock.calls.map(([command]) => command));
  });

  it('File has Import, Export, a separator and Quit', () => {
    const file = submenuOf(build().template, 'File');
    expect(file.map((item) => item.id ?? item.role ?? item.type)).toEqual(['import', 'export', 'separator', 'quit']);
  });

  it('Edit has the editing roles', () => {
    const edit = submenuOf(build().template, 'Edit');
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
    ]);
  });

  it('View has the commands, zoom roles and full screen; Reload and DevTools only when not packaged', () => {
    const development = submenuOf(build({ isPackaged: false }).template, 'View');
    expect(development.map((item) => item.id ?? item.role ?? item.type)).toEqual([
      'library',
      'items',
      'item-kinds',
      'find',
      'toggle-sidebar',
      'separator',
      'reload',
      'toggleDevTools',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
    const packaged = flatten(build({ isPackaged: true }).template).map((item) => item.role);
    expect(packaged).not.toContain('reload');
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).toContain('zoomIn');
  });

  it('adds the macOS app menu on darwin, with Quit there and Close in File', () => {
    const { template, send } = build({ platform: 'darwin' });
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      'Dossier',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    const appMenu = template[0]!.submenu as MenuItemConstructorOptions[];
    expect(appMenu.map((item) => item.role).filter(Boolean)).toEqual([
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    click(appMenu[0]!);
    expect(send).toHaveBeenCalledWith('about', undefined);
    expect(submenuOf(template, 'File').at(-1)!.role).toBe('close');
    const ids = flatten(template).flatMap((item) => (item.id ? [item.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses Chinese labels for a Chinese locale', () => {
    const { template } = build({ locale: 'zh-CN' });
    expect(template.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const items = flatten(template);
    expect(items.find((i) => i.id === 'import')!.label).toBe('导入…');
    expect(items.find((i) => i.id === 'import')!.accelerator).toBe('CmdOrCtrl+O');
    expect(items.find((i) => i.role === 'copy')!.label).toBe('复制');
    // Every item but separators carries a label from the table: no English left behind.
    const english = new Set(Object.values(menuLabels('en')));
    for (const item of items.filter((i) => i.type !== 'separator')) {
      expect(item.label, JSON.stringify(item.role ?? item.id)).toBeTruthy();
      expect(english.has(item.label!), item.label).toBe(false);
    }
  });

  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['zh_Hans', 'zh'],
    ['en-US', 'en'],
    ['fr', 'en'],
    ['', 'en'],
    ['zu', 'en'],
  ])('locale %j → %s', (locale, language) => {
    expect(menuLanguage(locale)).toBe(language);
  });

  it('has the same label keys in both languages', () => {
    expect(Object.keys(menuLabels('zh')).sort()).toEqual(Object.keys(menuLabels('en')).sort());
  });
});
