"use client";

import { useEffect, useRef } from "react";

// Single-key shortcuts for moderators (a, r, n). A key does nothing while
// the focus is in a field (typing "a" in a note must not approve anything),
// with a modifier held (Ctrl+R reloads, Alt+N is the browser's), when it is
// held down, or while a modal dialog is open.

export type Shortcuts = Partial<Record<string, () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  return false;
}

export function useShortcuts(shortcuts: Shortcuts): void {
  // The latest handlers, without adding and removing the listener on each render.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
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
  }, []);
}
