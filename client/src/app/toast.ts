import type { ParseKeys } from 'i18next';
import { useSyncExternalStore } from 'react';

export type ToastTone = 'success' | 'error' | 'info';
/** Toasts keep the key, not the text, so switching language also switches an open toast. */
export interface Toast {
  id: number;
  key: ParseKeys;
  options?: Record<string, string | number>;
  tone: ToastTone;
}

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function dismiss(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

/** A short confirmation that does not move focus, announced politely to screen readers. */
export function notify(key: ParseKeys, options?: Record<string, string | number>, tone: ToastTone = 'success'): void {
  const id = nextId++;
  toasts = [...toasts.slice(-2), { id, key, tone, ...(options ? { options } : {}) }];
  emit();
  setTimeout(() => dismiss(id), tone === 'error' ? 8000 : 4500);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
