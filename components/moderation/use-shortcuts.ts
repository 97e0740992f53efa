"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";

// Single-key shortcuts for moderators (a, r, n). A key does nothing while
// the focus is in a field (typing "a" in a note must not approve anything),
// with a modifier held (Ctrl+R reloads, Alt+N is the browser's), when it is
// held down, or while a modal dialog is open. Each moderator can turn them
// off (WCAG 2.1.4, character key shortcuts): a stray key press by someone
// using speech input or a switch must not approve anything. The choice is
// kept in this browser and applies on every moderation page at once.

export type Shortcuts = Partial<Record<string, () => void>>;

const STORAGE_KEY = "agora.moderation.shortcuts";
const listeners = new Set<() => void>();

function readEnabled(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) !== "off";
  } catch {
    // Storage refused (private mode, policy): the default.
    return true;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changed it.
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** Whether the shortcuts are on (they are unless the moderator turned them off). */
export function useShortcutsEnabled(): boolean {
  return useSyncExternalStore(subscribe, readEnabled, () => true);
}

export function setShortcutsEnabled(enabled: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, enabled ? "on" : "off");
  } catch {
    // Not kept past this page, but applied to it.
  }
  for (const listener of listeners) listener();
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}

export function useShortcuts(shortcuts: Shortcuts): void {
  const enabled = useShortcutsEnabled();
  // The latest handlers, without adding and removing the listener on each render.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (isTyping(event.target) || document.querySelector("dialog[open]")) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
