// Preload for the sandboxed window: exposes window.api and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel } from '../../shared/contract';
import { exposeApi } from './api';

// The contract's keys, written in as a plain string list when electron-vite builds the
// preload (see electron.vite.config.ts). Importing the contract here would bundle zod and
// every schema into the preload, which the window would then evaluate on each load for
// nothing: the preload never validates; main does.
declare const KEYSTASH_CHANNELS: readonly Channel[];

exposeApi(contextBridge, ipcRenderer, KEYSTASH_CHANNELS);
