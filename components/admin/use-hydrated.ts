"use client";
import { useSyncExternalStore } from "react";

// Nothing to subscribe to: the answer changes once, when React hydrates.
const subscribe = () => () => {};

/**
 * False until React runs in the browser: forms that need their script keep
 * their button disabled until then. The server's answer (false) is the one
 * hydration renders; React renders again with the browser's (true) right after.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
