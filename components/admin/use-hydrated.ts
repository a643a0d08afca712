"use client";
import { useEffect, useState } from "react";

/** False until React runs in the browser: forms that need their script keep their button disabled until then. */
export function useHydrated(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return ready;
}
