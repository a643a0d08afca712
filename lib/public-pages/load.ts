/**
 * The data of each cached public page (ADR 012), read by its getStaticProps
 * (pages/_p/[locale]/…) once per generation, straight from the database.
 *
 * No cache in between: the generation a page records is read before its data,
 * and a generation starts only when the write's transaction has committed (the
 * cache epoch's NOTIFY, lib/cache/epoch.ts, ADR 015) — so a page is never kept
 * as newer than what it read (page-cache-handler.mjs compares the two).
 *
 * The props must be JSON (Next serialises them); the components revive dates
 * and compute the statuses as of the generation's quarter.
 */
import { prisma } from "@/lib/db";
import type { PrismaClient } from "@/lib/db/client";
import { loadDownloadSummary, type DownloadSummary } from "@/lib/data/public-figures";
import { loadBreakdown, loadIndicatorDetail, type BreakdownJson, type IndicatorDetailJson } from "@/lib/data/public-indicator";
import { loadMethodologyIndicators, type MethodologyIndicatorJson } from "@/lib/data/public-overview";
import { loadOverviewInputs, type OverviewInputs } from "@/lib/data/targets";
import { loadProgrammeSummaries, programmeInForce, type ProgrammeSummary } from "@/lib/data/programmes";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { pathFor, QUARTER_PARAM } from "@/lib/i18n/routes";
import { parseQuarter, quarterKey } from "@/lib/period/quarter";
import { currentGeneration, generationQuarter } from "./generation";
import { canonicalIndicator, canonicalProgrammeSlug, LATEST } from "./paths";

/** What every public page gets: its language, its generation and the quarter its statuses are computed as of ("2026-Q4"). */
export interface PageBase {
  locale: Locale;
  /** The generation the page was rendered in, read before its data: the page cache serves it while it is current. */
  generation: string;
  asOf: string;
}

export interface HomeProps extends PageBase {
  inputs: OverviewInputs;
  /** The programmes listed (the province's and the national ones), the one in force first. */
  programmes: ProgrammeSummary[];
  /** The programme whose targets are shown; null: none is in force, every judged target is shown. */
  programmeId: number | null;
  /** The home page (the programme in force), or one programme's own page. */
  view: "home" | "programme";
}

export interface IndicatorProps extends PageBase {
  detail: IndicatorDetailJson;
  breakdown: BreakdownJson | null;
  /** The quarter of the breakdown ("2025-Q2"), or null when the indicator has none. */
  selected: string | null;
}

export interface MethodologyProps extends PageBase {
  indicators: MethodologyIndicatorJson[];
  isDemo: boolean;
}

export interface DataProps extends PageBase {
  summary: DownloadSummary;
}

type Params = Record<string, string | string[] | undefined> | undefined;

/** The language of the path and the current generation, or null for a path nobody was sent to (the page answers 404). */
export function pageBase(params: Params): PageBase | null {
  const locale = params?.locale;
  if (!isLocale(locale)) return null;
  const generation = currentGeneration();
  return { locale, generation, asOf: quarterKey(generationQuarter(generation)!) };
}

/** A permanent redirect to a page's one URL (getStaticProps returns it; the page cache does not keep it). */
type Redirect = { redirect: { destination: string; permanent: true } };

/**
 * The indicator page's URL written another way (a code in lower case, "2025q2"): where to
 * redirect, or null when the segments are already the page's one URL. undefined: no such URL (404).
 */
export function indicatorRedirect(locale: Locale, code: string, quarter: string): Redirect | null | undefined {
  const canonical = canonicalIndicator(code, quarter);
  if (!canonical) return undefined;
  if (canonical.code === code && canonical.quarter === quarter) return null;
  const search = canonical.quarter === LATEST ? "" : `?${QUARTER_PARAM[locale]}=${canonical.quarter}`;
  return { redirect: { destination: `${pathFor(locale, { page: "indicator", code: canonical.code })}${search}`, permanent: true } };
}

/** The same for a programme's slug ("01-NQ-TU" → "01-nq-tu"). */
export function programmeRedirect(locale: Locale, slug: string): Redirect | null | undefined {
  const canonical = canonicalProgrammeSlug(slug);
  if (!canonical) return undefined;
  return canonical === slug ? null : { redirect: { destination: pathFor(locale, { page: "programme", slug: canonical }), permanent: true } };
}

/** Next refuses `undefined` in props; JSON is what the loaders mean to return anyway. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The home page: the targets of the province's programme in force, and the indicators no programme sets one for. */
export async function loadHome(base: PageBase, db: PrismaClient = prisma): Promise<HomeProps> {
  const programmes = await loadProgrammeSummaries(db);
  const shown = programmeInForce(programmes);
  const inputs = await loadOverviewInputs(db, null, shown && { programmeId: shown.id, alsoUntargeted: true });
  return { ...base, inputs: plain(inputs), programmes: plain(programmes), programmeId: shown?.id ?? null, view: "home" };
}

/**
 * One of the province's programmes, in force or not (an ended one keeps its final verdicts), or
 * null for a slug that names none — a national programme has no page: its targets are lines
 * beside the province's, never judged here.
 */
export async function loadProgramme(base: PageBase, slug: string, db: PrismaClient = prisma): Promise<HomeProps | null> {
  const programmes = await loadProgrammeSummaries(db);
  const shown = programmes.find((p) => p.slug === slug && p.scope === "PROVINCE");
  if (!shown) return null;
  const inputs = await loadOverviewInputs(db, null, { programmeId: shown.id, alsoUntargeted: false });
  return { ...base, inputs: plain(inputs), programmes: plain(programmes), programmeId: shown.id, view: "programme" };
}

/**
 * The quarter of the breakdown: the one asked for if it has one, the latest
 * for "latest"; undefined for a quarter without a breakdown — that URL answers
 * 404, so anonymous visitors cannot make the server render and keep a page per
 * quarter they can type (ADR 015).
 */
export function pickQuarter(asked: string, available: readonly string[]): string | null | undefined {
  if (asked === LATEST) return available.at(-1) ?? null;
  const q = parseQuarter(asked);
  return q && available.includes(quarterKey(q)) ? quarterKey(q) : undefined;
}

/** The indicator page's data, or null when there is no such indicator or no breakdown for the quarter asked. */
export async function loadIndicator(base: PageBase, code: string, quarter: string): Promise<IndicatorProps | null> {
  const detail = await loadIndicatorDetail(prisma, code);
  if (!detail) return null;
  const selected = pickQuarter(quarter, detail.breakdownQuarters);
  if (selected === undefined) return null;
  const breakdown = selected ? await loadBreakdown(prisma, detail.indicator.code, parseQuarter(selected)!) : null;
  return { ...base, detail: plain(detail), breakdown: plain(breakdown), selected };
}

export async function loadMethodology(base: PageBase): Promise<MethodologyProps> {
  const [indicators, summary] = await Promise.all([loadMethodologyIndicators(prisma), loadDownloadSummary(prisma)]);
  return { ...base, indicators: plain(indicators), isDemo: summary.isDemo };
}

export async function loadData(base: PageBase): Promise<DataProps> {
  return { ...base, summary: plain(await loadDownloadSummary(prisma)) };
}
