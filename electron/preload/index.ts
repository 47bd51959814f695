// Preload for the sandboxed window: exposes window.api and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeApi } from './api';

exposeApi(contextBridge, ipcRenderer);
