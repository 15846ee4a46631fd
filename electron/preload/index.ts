import { contextBridge, ipcRenderer } from 'electron';
import { version } from '../../package.json';
import { createBridge } from './bridge';

// Sandboxed preload: bundled into one CommonJS file that requires nothing but 'electron'.
contextBridge.exposeInMainWorld('watchpost', createBridge(ipcRenderer, version));
