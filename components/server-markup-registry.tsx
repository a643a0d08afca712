/**
 * The components ServerMarkup (server-markup.tsx) renders on the server only,
 * by name. Each takes plain data (what the RSC payload carries) and must not
 * import "server-only" modules: it renders in the client components' server
 * pass. Only the server reaches this module.
 */
import { BreakdownUnitsTable, RankingChart } from "@/components/dashboard/breakdown-table";

export const SERVER_MARKUP = {
  "breakdown-units": BreakdownUnitsTable,
  ranking: RankingChart,
} as const;

export type ServerMarkupKind = keyof typeof SERVER_MARKUP;
export type ServerMarkupProps<K extends ServerMarkupKind> = Parameters<(typeof SERVER_MARKUP)[K]>[0];
