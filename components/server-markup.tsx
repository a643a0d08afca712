"use client";
/**
 * Markup rendered once, on the server, and never hydrated (ADR 031, after the
 * charts' ADR 005): the staff pages' long tables. A client component so that
 * its content stays out of the React tree the browser rebuilds: on the server
 * it renders the registered component (server-markup-registry.tsx) into the
 * HTML; in the browser it keeps that markup as it is — the element is claimed
 * with an empty innerHTML, which React does not compare or replace on
 * hydration. The RSC payload then carries the component's props (the data),
 * not a second copy of every row's elements, and hydration does not walk the
 * rows: the page's main-thread work no longer grows with its tables.
 *
 * What is inside must work as plain HTML — links, GET forms, form="…"
 * checkboxes — with no event handlers or state. The `typeof window` test is
 * replaced at build time, so the registry and everything it imports are
 * dropped from the browser bundle. The page must be reached by a full page
 * load (plain <a> links): rendered fresh in the browser there is nothing to keep.
 */
import type { ServerMarkupKind, ServerMarkupProps } from "./server-markup-registry";

export function ServerMarkup<K extends ServerMarkupKind>({ kind, props }: { kind: K; props: ServerMarkupProps<K> }) {
  if (typeof window === "undefined") {
    // Server only (removed from the browser bundle).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SERVER_MARKUP } = require("./server-markup-registry") as typeof import("./server-markup-registry");
    const Component = SERVER_MARKUP[kind] as (p: ServerMarkupProps<K>) => React.ReactNode;
    return (
      <div data-server-markup={kind}>
        <Component {...props} />
      </div>
    );
  }
  return <div data-server-markup={kind} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: "" }} />;
}
