import type { MethodName } from '../../../shared/api/contract';
import type { EventName } from '../../../shared/api/events';
import type { WatchpostBridge } from './bridge';
import type { Transport } from './transport';

/** Inside Electron the preload bridge carries calls and events; it is always connected. */
export function ipcTransport(bridge: WatchpostBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, input) => bridge.call(method as MethodName, input),
    subscribe: (event, callback) => bridge.subscribe(event as EventName, callback),
    onConnection(callback) {
      callback('open');
      return () => {};
    },
  };
}
