// A stand-in for the `electron` module that records what main asks of it, so the real
// bootstrap and window code run under Vitest without an Electron binary.
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((fn) => fn(...args));
  }
}

let nextId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextId++;
  windowOpenHandler: Listener | null = null;
  reloads = 0;
  setWindowOpenHandler(fn: Listener): void {
    this.windowOpenHandler = fn;
  }
  reload(): void {
    this.reloads += 1;
  }
  closeDevTools(): void {}
}

export class BrowserWindow extends Emitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  focused = 0;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    this.focused += 1;
  }
}

export const state = {
  singleInstance: true,
  quitCalls: 0,
  userData: '',
  isPackaged: false,
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (req: { url: string }) => Promise<Response>>(),
  menu: null as unknown,
  opened: [] as string[],
  idleSeconds: 0,
  permissionRequest: null as Listener | null,
  permissionCheck: null as Listener | null,
  beforeRequest: null as Listener | null,
  headersReceived: null as Listener | null,
  sandboxEnabled: false,
};

class FakeApp extends Emitter {
  get isPackaged(): boolean {
    return state.isPackaged;
  }
  requestSingleInstanceLock(): boolean {
    return state.singleInstance;
  }
  quit(): void {
    state.quitCalls += 1;
  }
  enableSandbox(): void {
    state.sandboxEnabled = true;
  }
  async whenReady(): Promise<void> {}
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return state.userData;
  }
  getAppPath(): string {
    return state.userData;
  }
}

export const app = new FakeApp();
export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, fn: Listener): void {
    this.handlers.set(channel, fn);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};
export const powerMonitor = Object.assign(new Emitter(), { getSystemIdleTime: () => state.idleSeconds });
export const shell = {
  async openExternal(url: string): Promise<void> {
    state.opened.push(url);
  },
};
export const protocol = {
  registerSchemesAsPrivileged(s: unknown[]): void {
    state.schemes.push(...s);
  },
  handle(scheme: string, fn: (req: { url: string }) => Promise<Response>): void {
    state.protocolHandlers.set(scheme, fn);
  },
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (fn: Listener) => void (state.permissionRequest = fn),
    setPermissionCheckHandler: (fn: Listener) => void (state.permissionCheck = fn),
    webRequest: {
      onBeforeRequest: (fn: Listener) => void (state.beforeRequest = fn),
      onHeadersReceived: (fn: Listener) => void (state.headersReceived = fn),
    },
  },
};
export const Menu = {
  buildFromTemplate: (t: unknown) => t,
  setApplicationMenu: (m: unknown) => void (state.menu = m),
};
export const clipboard = {
  text: '',
  written: [] as unknown[][],
  refuseRawFormats: false,
  async writeText(t: string): Promise<void> {
    clipboard.text = t;
  },
  async readText(): Promise<string> {
    return clipboard.text;
  },
  clear(): void {
    clipboard.text = '';
  },
  async write(items: { items: Record<string, unknown> }[]): Promise<void> {
    if (clipboard.refuseRawFormats) throw new Error('unsupported format');
    clipboard.written.push(items);
    const t = items[0]?.items['text/plain'];
    clipboard.text = typeof t === 'string' ? t : '';
  },
};
export class ClipboardItem {
  constructor(readonly items: Record<string, unknown>) {}
}
export const contextBridge = { exposeInMainWorld: () => undefined };
export const ipcRenderer = new EventEmitter();

/** Quits whatever the previous bootstrap started (closing its vault), then forgets it. */
export function reset(userData: string): void {
  app.emit('before-quit', { preventDefault: () => undefined });
  BrowserWindow.created = [];
  app.listeners.clear();
  powerMonitor.listeners.clear();
  ipcMain.handlers.clear();
  Object.assign(state, {
    singleInstance: true,
    quitCalls: 0,
    userData,
    isPackaged: false,
    schemes: [],
    menu: null,
    opened: [],
    idleSeconds: 0,
    permissionRequest: null,
    permissionCheck: null,
    beforeRequest: null,
    headersReceived: null,
    sandboxEnabled: false,
  });
  state.protocolHandlers.clear();
}

/** Desktop notifications: unsupported in tests, so bootstrap's notify adapter shows nothing. */
export class Notification {
  static isSupported(): boolean {
    return false;
  }
  show(): void {}
}
