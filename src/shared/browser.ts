/**
 * The one module that imports webextension-polyfill. Entry points take the API from here
 * and hand it (or the slice they need) to the code they call, so that code can be tested
 * with a fake. Only entry points import this file: the polyfill throws when loaded
 * outside an extension, e.g. under Vitest.
 */
import browser from 'webextension-polyfill';
import type { Action, Alarms, Commands, Menus, Permissions, Runtime, Scripting, Tabs } from 'webextension-polyfill';

/** The extension API Crosswire uses; it grows as features need more of it. */
export interface ExtensionApi {
  runtime: Pick<
    Runtime.Static,
    'id' | 'getManifest' | 'getURL' | 'sendMessage' | 'onMessage' | 'onInstalled' | 'onStartup' | 'openOptionsPage'
  >;
  scripting: Pick<
    Scripting.Static,
    | 'executeScript'
    | 'insertCSS'
    | 'registerContentScripts'
    | 'unregisterContentScripts'
    | 'getRegisteredContentScripts'
  >;
  commands: Pick<Commands.Static, 'onCommand'>;
  permissions: Pick<Permissions.Static, 'request' | 'contains' | 'remove'>;
  tabs: Pick<Tabs.Static, 'query' | 'get' | 'sendMessage' | 'onRemoved'>;
  contextMenus: Pick<Menus.Static, 'create' | 'onClicked' | 'removeAll'>;
  action: Pick<Action.Static, 'setBadgeText' | 'setTitle'>;
  /** The schedule of following the news (feeds are polled on an alarm). */
  alarms: Pick<Alarms.Static, 'create' | 'clear' | 'get' | 'onAlarm'>;
}

/** Who sent a runtime message, as the browser reports it. */
export type MessageSender = Runtime.MessageSender;

export const extensionApi: ExtensionApi = browser as unknown as ExtensionApi;
