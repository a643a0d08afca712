/**
 * Invented quarterly figures for demo mode, deterministic: a seeded PRNG
 * (mulberry32) drives every series, so every run — and every machine — gets
 * the same numbers, and tests can pin them.
 *
 * Figures are reported where the indicator is entered: province-level
 * indicators on the province served (the former one until 2025 Q2, the new,
 * larger one from 2025 Q3 — its denominators jump with the territory), the
 * district dossier indicator on the old districts of every old province that
 * went into it until 2025 Q2, the commune one on the old communes until 2025 Q2
 * and on the new communes from 2025 Q3 (each new commune starting from its
 * predecessors). The province series are shaped on the default province (the
 * merger of two provinces); any other gets the same invented curves.
 * Series start near the article's baselines and end some above and some below
 * the targets. Records are keyed by codes, never database ids.
 *
 * Nothing here is real data; everything it produces is stored with isDemo=true
 * (or, for baselines, a source that says it is demo data).
 */
import { FigureStatus, UnitLevel } from "@/lib/generated/prisma/enums";
import {
  type AdminUnitSeed,
  type UnitKey,
  NEW_UNITS_VALID_FROM,
  OLD_UNITS_VALID_FROM,
  unitKeyString,
} from "./admin-units";
import { RESOLUTION_PROGRAMME } from "./programmes";
import {
  type BaselineSeed,
  type DepartmentCode,
  type IndicatorCode,
  type SectorCode,
  BASELINE_DATE,
  getIndicator,
  responsibleDepartmentOn,
} from "./resolution";
import {
  type QuarterRef,
  PROGRAMME_START,
  isoDate,
  quarterFromIndex,
  quarterIndex,
  quarterLastDay,
  vietnamTimeAfterQuarter,
} from "./periods";

export const DEMO_RANDOM_SEED = 0x01_2021;
export const DEMO_DEFAULT_LAST_QUARTER: QuarterRef = { year: 2026, quarter: 3 };
/** The last quarter reported on the three-tier units: districts ended on 1 July 2025. */
export const LAST_THREE_TIER_QUARTER: QuarterRef = { year: 2025, quarter: 2 };

export type DemoStatus = typeof FigureStatus.APPROVED | typeof FigureStatus.SUBMITTED | typeof FigureStatus.DRAFT;

export interface DemoFigure {
  indicatorCode: IndicatorCode;
  unit: UnitKey;
  year: number;
  quarter: QuarterRef["quarter"];
  sectorCode: SectorCode | null;
  /** Ratios: integers, 0 ≤ numerator ≤ denominator, denominator ≥ 1. */
  numerator: number | null;
  denominator: number | null;
  /** Counts and ranks: an integer. */
  value: number | null;
  status: DemoStatus;
  /** The responsible department in the figure's quarter (a merged one before 1 March 2025). */
  departmentCode: DepartmentCode;
  enteredAt: Date;
  submittedAt: Date | null;
  approvedAt: Date | null;
}

export interface DemoData {
  figures: DemoFigure[];
  /** Invented baseline counts for the change-vs-baseline indicators; the article gives none. */
  baselines: BaselineSeed[];
  /** Units whose figures get worse, so the dashboard has a regression to show. */
  regressingUnits: UnitKey[];
  /** Units with no figure at all in a quarter, so "who has not reported" has answers. */
  missingUnits: { quarter: QuarterRef; units: UnitKey[] }[];
  /** Province-level indicators not yet reported in a quarter (the statistics office lags). */
  missingIndicators: { quarter: QuarterRef; indicatorCodes: IndicatorCode[] }[];  /** Editions of the DTI the demo's ranks come from (IndicatorEdition): published each July about the year before. */
  editions: DemoEdition[];
}

export interface DemoEdition {
  indicatorCode: IndicatorCode;
  referenceYear: number;
  publishedOn: Date;
  rankedUnits: number | null;
  sourceVi: string;
}

/** Up to the 2024 index the DTI ranked 63 provinces; after the 2025 reorganisation, 34 (the indicator's methodology). */
const DTI_RANKED = (referenceYear: number) => (referenceYear <= 2024 ? 63 : 34);

export interface DemoOptions {
  /** Last quarter with figures (inclusive): the most recent completed one. */
  lastQuarter?: QuarterRef;
  seed?: number;
  /** Timestamps are kept before this instant. */
  now?: Date;
}

export const DEMO_BASELINE_SOURCE_VI =
  "Số liệu minh họa (demo) do trình tạo dữ liệu mẫu sinh ra, không phải số liệu thật: bài viết về Nghị quyết số 01-NQ/TU không nêu số gốc của chỉ tiêu này";
/** The same, for a province other than the resolution's (ADR 034): there is no article to point at. */
export const DEMO_BASELINE_SOURCE_OTHER_VI = "Số liệu minh họa (demo) do trình tạo dữ liệu mẫu sinh ra, không phải số liệu thật";
const DEMO_BASELINE_CLAUSE_VI = "(Không có trong Nghị quyết: số gốc minh họa cho chế độ demo)";

// ---------------------------------------------------------------- randomness

/** mulberry32: a tiny 32-bit PRNG; same seed, same sequence, on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rng = () => number;

/** One stream per series, so adding a series or a unit does not reshuffle the others. */
function streamFor(seed: number, ...parts: string[]): Rng {
  return mulberry32((seed ^ fnv1a(parts.join("|"))) >>> 0);
}

function uniform(r: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * r();
}

/** Roughly normal noise with standard deviation `sd` (sum of three uniforms). */
function noise(r: Rng, sd: number): number {
  return (r() + r() + r() - 1.5) * 2 * sd;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Fast at first, slowing down: how adoption curves look. p in [0, 1]. */
function easeOut(p: number): number {
  const c = clamp(p, 0, 1);
  return 1 - (1 - c) ** 1.6;
}

function lerp(a: number, b: number, p: number): number {
  return a + (b - a) * p;
}

function ratio(rate: number, denominator: number): { numerator: number; denominator: number } {
  const den = Math.max(1, Math.round(denominator));
  return { numerator: clamp(Math.round(clamp(rate, 0, 1) * den), 0, den), denominator: den };
}

// ---------------------------------------------------------------- time

/** Quarter number since the programme started: 2021 Q1 is 0. */
type T = number;
const T0 = quarterIndex(PROGRAMME_START);
const T_REFORM: T = quarterIndex({ year: 2025, quarter: 3 }) - T0; // 18
const T_LAST_THREE_TIER: T = quarterIndex(LAST_THREE_TIER_QUARTER) - T0; // 17
const T_END_2025: T = quarterIndex({ year: 2025, quarter: 4 }) - T0; // 19

function quarterAt(t: T): QuarterRef {
  return quarterFromIndex(T0 + t);
}

/** Year-to-date share of the year's value added by quarter (GRDP is reported cumulatively). */
const YEAR_TO_DATE = [0.22, 0.47, 0.73, 1] as const;
/** Work volume by quarter of the year: quiet after Tết, busy before year end. */
const SEASON = [0.86, 1, 1.03, 1.11] as const;

// ---------------------------------------------------------------- the generator

type Values = { numerator: number; denominator: number } | { value: number };

interface RawFigure {
  indicatorCode: IndicatorCode;
  unit: UnitKey;
  t: T;
  sectorCode: SectorCode | null;
  values: Values;
}

/** The province unit a quarter's province-level figure is on: the old one to 2025 Q2, the new one from 2025 Q3. */
function provinceAt(provinceCode: string, t: T): UnitKey {
  return { code: provinceCode, validFrom: t >= T_REFORM ? NEW_UNITS_VALID_FROM : OLD_UNITS_VALID_FROM };
}

/** Demo baseline counts (2020-12-31) for the change-vs-baseline indicators. */
const DEMO_PROCEDURES_AT_BASELINE = 1846;
const DEMO_DATA_SERVICES_AT_BASELINE = 24;

function provinceSeries(seed: number, provinceCode: string, lastT: T): RawFigure[] {
  const out: RawFigure[] = [];
  const ts = Array.from({ length: lastT + 1 }, (_, t) => t);
  const push = (indicatorCode: IndicatorCode, t: T, values: Values, sectorCode: SectorCode | null = null) =>
    out.push({ indicatorCode, unit: provinceAt(provinceCode, t), t, sectorCode, values });
  const merged = (t: T) => t >= T_REFORM;

  // Administrative procedures in force: falls slowly — behind the pace a 30% cut by 2030 needs.
  // The same count is the denominator of the level-4 share, as the methodology says.
  const rp = streamFor(seed, "procedures");
  const procedures = ts.map((t) => Math.round(DEMO_PROCEDURES_AT_BASELINE * (1 - 0.006 * (t + 1)) + noise(rp, 4)));
  for (const t of ts) push("ADMIN_PROCEDURE_REDUCTION", t, { value: procedures[t]! });

  // Level-4 services: from the article's 34.87% to just over 90% at the end of 2025.
  const rd = streamFor(seed, "DVC_L4_SHARE");
  for (const t of ts) {
    const trend = t <= T_END_2025 ? lerp(0.3487, 0.913, easeOut((t + 1) / (T_END_2025 + 1))) : 0.913 + 0.011 * (t - T_END_2025);
    push("DVC_L4_SHARE", t, ratio(clamp(trend + noise(rd, 0.004), 0, 0.985), procedures[t]!));
  }

  // Electronic dossier processing: from 65.84% to near saturation; Bắc Kạn's lower rate dips the merged province.
  const re = streamFor(seed, "EDOSSIER_RATE");
  for (const t of ts) {
    const den = 118_000 * (1 + 0.015 * t) * SEASON[t % 4]! * (1 + noise(re, 0.03)) * (merged(t) ? 1.22 : 1);
    const rate = lerp(0.6584, 0.974, easeOut((t + 1) / 16)) - (merged(t) ? Math.max(0, 0.03 - 0.008 * (t - T_REFORM)) : 0);
    push("EDOSSIER_RATE", t, ratio(rate + noise(re, 0.005), den));
  }

  // Province work dossiers: comfortably above the 2025 target, short of 100% (the 2030 target).
  const rw = streamFor(seed, "WORK_DOSSIER_ONLINE_PROVINCE");
  for (const t of ts) {
    const den = 26_000 * (1 + 0.01 * t) * SEASON[t % 4]! * (1 + noise(rw, 0.04)) * (merged(t) ? 1.15 : 1);
    const rate = t <= T_END_2025 ? lerp(0.52, 0.936, easeOut(t / T_END_2025)) : 0.936 + 0.009 * (t - T_END_2025);
    push("WORK_DOSSIER_ONLINE_PROVINCE", t, ratio(rate + noise(rw, 0.006), den));
  }

  // Satisfaction: rising, still under the 2030 target of more than 90%.
  const rs = streamFor(seed, "ONLINE_SERVICE_SATISFACTION");
  for (const t of ts) {
    const den = (2_400 + 260 * t) * (1 + noise(rs, 0.06)) * (merged(t) ? 1.2 : 1);
    push("ONLINE_SERVICE_SATISFACTION", t, ratio(0.776 + 0.005 * t + noise(rs, 0.008), den));
  }

  // GRDP, current prices, billion dong per year; the merged province adds Bắc Kạn's economy.
  const annualGrdp = (t: T) => 128_000 * 1.085 ** (quarterAt(t).year - 2021) * (merged(t) ? 1.155 : 1);
  const rg = streamFor(seed, "DIGITAL_ECONOMY_GRDP");
  for (const t of ts) {
    const den = annualGrdp(t) * YEAR_TO_DATE[t % 4]! * (1 + noise(rg, 0.01));
    const rate = t <= T_END_2025 ? lerp(0.146, 0.214, (t + 1) / (T_END_2025 + 1)) : 0.214 + 0.003 * (t - T_END_2025);
    push("DIGITAL_ECONOMY_GRDP", t, ratio(rate - (merged(t) ? 0.005 : 0) + noise(rg, 0.003), den));
  }

  // Sector shares: industry, education and services above 10% by 2025; health just under; agriculture far under.
  const sectors: { code: SectorCode; weight: number; start: number; end2025: number; end2026: number }[] = [
    { code: "INDUSTRY", weight: 0.47, start: 0.19, end2025: 0.27, end2026: 0.28 },
    { code: "AGRICULTURE", weight: 0.105, start: 0.024, end2025: 0.058, end2026: 0.066 },
    { code: "HEALTH", weight: 0.025, start: 0.048, end2025: 0.096, end2026: 0.104 },
    { code: "EDUCATION", weight: 0.035, start: 0.066, end2025: 0.121, end2026: 0.128 },
    { code: "SERVICES", weight: 0.3, start: 0.081, end2025: 0.132, end2026: 0.139 },
  ];
  for (const s of sectors) {
    const r = streamFor(seed, "DIGITAL_ECONOMY_SECTOR", s.code);
    for (const t of ts) {
      const den = annualGrdp(t) * s.weight * YEAR_TO_DATE[t % 4]! * (1 + noise(r, 0.015));
      const rate =
        t <= T_END_2025
          ? lerp(s.start, s.end2025, (t + 1) / (T_END_2025 + 1))
          : lerp(s.end2025, s.end2026, Math.min(1, (t - T_END_2025) / 4));
      push("DIGITAL_ECONOMY_SECTOR", t, ratio(rate + noise(r, 0.002), den), s.code);
    }
  }

  // Digital enterprises, a stock: misses "more than 700" at the end of 2025, passes it in 2026.
  const rn = streamFor(seed, "DIGITAL_ENTERPRISES");
  for (const t of ts) {
    push("DIGITAL_ENTERPRISES", t, { value: Math.round(312 + 17.2 * t + noise(rn, 4) + (merged(t) ? 31 : 0)) });
  }

  // Data-driven services: +25% by 2026 Q3, on course for +30% by 2030.
  const rv = streamFor(seed, "DATA_DRIVEN_SERVICES_GROWTH");
  let services = DEMO_DATA_SERVICES_AT_BASELINE;
  for (const t of ts) {
    services = Math.max(services, Math.floor(DEMO_DATA_SERVICES_AT_BASELINE + 0.275 * (t + 1) + noise(rv, 0.3)));
    push("DATA_DRIVEN_SERVICES_GROWTH", t, { value: services });
  }

  // Open datasets: none until the portal opens in 2022 Q3, then a steady trickle.
  const ro = streamFor(seed, "OPEN_DATA");
  let datasets = 0;
  for (const t of ts) {
    if (t >= 6) datasets = Math.max(datasets, Math.round(4 + 2.1 * (t - 6) + noise(ro, 1)));
    push("OPEN_DATA", t, { value: datasets });
  }

  // Key sectors with a data platform: the first (agriculture) in 2023 Q2, one more about every year and a half.
  const rk = streamFor(seed, "KEY_SECTOR_DATA_PLATFORMS");
  let platforms = 0;
  for (const t of ts) {
    if (t >= 9) platforms = Math.max(platforms, Math.min(6, 1 + Math.floor((t - 9 + noise(rk, 0.5)) / 6)));
    push("KEY_SECTOR_DATA_PLATFORMS", t, { value: platforms });
  }

  // DTI rank: published once a year (taken as Q3: DEMO_DTI_PUBLISHED), repeated in the quarters between;
  // the edition published in year Y ranks the year Y − 1 (demoEditions).
  const rr = streamFor(seed, "DTI_RANK");
  const published = DEMO_DTI_PUBLISHED;
  const jitter: Record<number, number> = {};
  for (const year of Object.keys(published).map(Number)) jitter[year] = Math.round(noise(rr, 0.8));
  for (const t of ts) {
    const q = quarterAt(t);
    const year = q.quarter >= 3 ? q.year : q.year - 1;
    const base = published[year] ?? published[2026]!;
    push("DTI_RANK", t, { value: Math.max(1, base + (jitter[year] ?? 0)) });
  }

  // Infrastructure: Thái Nguyên alone, then with Bắc Kạn, whose coverage is lower.
  const rf = streamFor(seed, "FIBRE_HAMLET_COVERAGE");
  const rm = streamFor(seed, "MOBILE_INTERNET_HAMLETS");
  for (const t of ts) {
    const hamletsTn = 2_210 - (t >= 10 ? 14 : 0);
    const hamletsBk = merged(t) ? 1_372 : 0;
    const p = (t + 1) / (lastT + 1);
    const fibre = hamletsTn * lerp(0.981, 0.998, p) + hamletsBk * lerp(0.93, 0.97, p) + noise(rf, 2);
    push("FIBRE_HAMLET_COVERAGE", t, ratio(fibre / (hamletsTn + hamletsBk), hamletsTn + hamletsBk));
    const mobile = hamletsTn * lerp(0.991, 0.999, p) + hamletsBk * lerp(0.955, 0.975, p) + noise(rm, 1.5);
    push("MOBILE_INTERNET_HAMLETS", t, ratio(mobile / (hamletsTn + hamletsBk), hamletsTn + hamletsBk));
  }
  const rh = streamFor(seed, "FIXED_BROADBAND_HOUSEHOLDS");
  const r3 = streamFor(seed, "MOBILE_3G4G_SUBSCRIBERS");
  const rb = streamFor(seed, "MOBILE_BASE_STATIONS");
  for (const t of ts) {
    const p = (t + 1) / (lastT + 1);
    const householdsTn = 362_000 * (1 + 0.004 * t);
    const householdsBk = merged(t) ? 88_000 * (1 + 0.003 * t) : 0;
    const users = householdsTn * lerp(0.525, 0.84, easeOut(p)) + householdsBk * lerp(0.58, 0.64, (t - T_REFORM) / 4);
    push("FIXED_BROADBAND_HOUSEHOLDS", t, ratio(users / (householdsTn + householdsBk) + noise(rh, 0.004), householdsTn + householdsBk));

    const subsTn = 1_520_000 * (1 + 0.01 * t);
    const subsBk = merged(t) ? 290_000 : 0;
    const data = subsTn * lerp(0.7, 0.935, easeOut(p)) + subsBk * 0.86;
    push("MOBILE_3G4G_SUBSCRIBERS", t, ratio(data / (subsTn + subsBk) + noise(r3, 0.004), subsTn + subsBk));

    const sites = 1_650 + 27 * (t + 1) + noise(rb, 3) + (merged(t) ? 742 + 12 * (t - T_REFORM) : 0);
    push("MOBILE_BASE_STATIONS", t, { value: Math.round(sites) });
  }
  return out;
}

type Profile = "ahead" | "on-track" | "behind";

function pickProfile(r: Rng, aheadShare: number, behindShare: number): Profile {
  const p = r();
  return p < aheadShare ? "ahead" : p > 1 - behindShare ? "behind" : "on-track";
}

/** District dossiers, 2021 Q1 – 2025 Q2: most districts around the 2025 target of more than 80%. */
function districtSeries(seed: number, geo: AdminUnitSeed, lastT: T): RawFigure[] {
  const out: RawFigure[] = [];
  const districts = geo.units.filter((u) => u.level === UnitLevel.DISTRICT);
  const lastDistrictT = Math.min(lastT, T_LAST_THREE_TIER);
  for (const d of districts) {
    const r = streamFor(seed, "WORK_DOSSIER_ONLINE_DISTRICT", unitKeyString(d));
    const communes = geo.units.filter((u) => u.parentCode === d.code && u.validFrom === d.validFrom).length;
    const profile = pickProfile(r, 0.3, 0.25);
    const end = profile === "ahead" ? uniform(r, 0.86, 0.94) : profile === "behind" ? uniform(r, 0.66, 0.78) : uniform(r, 0.805, 0.87);
    const start = uniform(r, 0.3, 0.55);
    const size = 900 + 140 * communes;
    for (let t = 0; t <= lastDistrictT; t++) {
      const den = size * (1 + 0.01 * t) * SEASON[t % 4]! * (1 + noise(r, 0.05));
      const rate = lerp(start, end, easeOut(t / T_LAST_THREE_TIER)) + noise(r, 0.012);
      out.push({ indicatorCode: "WORK_DOSSIER_ONLINE_DISTRICT", unit: d, t, sectorCode: null, values: ratio(clamp(rate, 0.02, 0.995), den) });
    }
  }
  return out;
}

interface CommuneState {
  rate: number;
  size: number;
}

/**
 * Commune dossiers: old communes until 2025 Q2, the new ones from 2025 Q3, each new
 * commune starting at the dossier-weighted rate of its predecessors (a partial
 * predecessor counts half).
 */
function communeSeries(
  seed: number,
  geo: AdminUnitSeed,
  lastT: T,
): { figures: RawFigure[]; regressing: UnitKey[]; missing: Map<T, UnitKey[]> } {
  const out: RawFigure[] = [];
  const code = "WORK_DOSSIER_ONLINE_COMMUNE" as const;
  const oldCommunes = geo.units.filter((u) => u.level === UnitLevel.COMMUNE && u.validFrom === OLD_UNITS_VALID_FROM);
  const newCommunes = geo.units.filter((u) => u.level === UnitLevel.COMMUNE && u.validFrom === NEW_UNITS_VALID_FROM);
  const lastOldT = Math.min(lastT, T_LAST_THREE_TIER);
  const finalState = new Map<string, CommuneState>();

  for (const c of oldCommunes) {
    const r = streamFor(seed, code, unitKeyString(c));
    const profile = pickProfile(r, 0.25, 0.3);
    const end = profile === "ahead" ? uniform(r, 0.72, 0.88) : profile === "behind" ? uniform(r, 0.38, 0.6) : uniform(r, 0.6, 0.72);
    const start = uniform(r, 0.08, 0.35);
    const size = c.type === "Phường" ? uniform(r, 260, 420) : c.type === "Thị trấn" ? uniform(r, 200, 320) : uniform(r, 90, 220);
    let state: CommuneState = { rate: start, size };
    for (let t = 0; t <= lastOldT; t++) {
      const den = size * (1 + 0.012 * t) * SEASON[t % 4]! * (1 + noise(r, 0.08));
      const rate = clamp(lerp(start, end, easeOut(t / T_LAST_THREE_TIER)) + noise(r, 0.015), 0.01, 0.99);
      const values = ratio(rate, den);
      state = { rate: values.numerator / values.denominator, size: values.denominator };
      out.push({ indicatorCode: code, unit: c, t, sectorCode: null, values });
    }
    finalState.set(c.code, state);
  }

  const regressing: UnitKey[] = [];
  const missing = new Map<T, UnitKey[]>();
  if (lastT < T_REFORM) return { figures: out, regressing, missing };

  // One new commune regresses, and a handful are missing in each of the last two quarters —
  // one of them in both (a chronic late reporter). The regressing one always reports.
  const pick = streamFor(seed, code, "selection");
  const order = newCommunes.map((u) => ({ u, k: pick() })).sort((a, b) => a.k - b.k).map((x) => x.u);
  const regressingUnit = order[0]!;
  regressing.push({ code: regressingUnit.code, validFrom: regressingUnit.validFrom });
  const perQuarter = Math.max(1, Math.round(newCommunes.length * 0.07));
  const chronic = order[1]!;
  const pool = order.slice(2);
  for (const t of [lastT - 1, lastT]) {
    if (t < T_REFORM) continue;
    const others = pool.map((u) => ({ u, k: pick() })).sort((a, b) => a.k - b.k).slice(0, perQuarter - 1).map((x) => x.u);
    missing.set(t, [chronic, ...others].map((u) => ({ code: u.code, validFrom: u.validFrom })));
  }

  for (const c of newCommunes) {
    const r = streamFor(seed, code, unitKeyString(c));
    let weight = 0;
    let weighted = 0;
    let size = 0;
    for (const s of geo.successions) {
      if (s.successor.code !== c.code || s.successor.validFrom !== c.validFrom) continue;
      const prev = finalState.get(s.predecessor.code);
      if (!prev) continue;
      const share = s.kind === "PARTIAL" ? 0.5 : 1;
      weight += prev.size * share;
      weighted += prev.rate * prev.size * share;
      size += prev.size * share;
    }
    // Communes took over district work on 1 July 2025: more dossiers, and a dip while systems merged.
    const startRate = (weight > 0 ? weighted / weight : 0.55) - 0.03;
    const baseSize = Math.max(300, size * 1.25);
    const isRegressing = c.code === regressingUnit.code;
    const profile = pickProfile(r, 0.3, 0.25);
    const gain = isRegressing ? -0.045 : profile === "ahead" ? 0.025 : profile === "behind" ? 0.005 : 0.015;
    const missingIn = new Set([...missing].filter(([, units]) => units.some((u) => u.code === c.code)).map(([t]) => t));
    for (let t = T_REFORM; t <= lastT; t++) {
      const den = baseSize * (1 + 0.02 * (t - T_REFORM)) * SEASON[t % 4]! * (1 + noise(r, 0.06));
      // The regressing commune's noise is damped so its decline is visible every quarter.
      const rate = clamp(startRate + gain * (t - T_REFORM) + noise(r, isRegressing ? 0.004 : 0.012), 0.05, 0.99);
      if (missingIn.has(t)) continue;
      out.push({ indicatorCode: code, unit: c, t, sectorCode: null, values: ratio(rate, den) });
    }
  }
  return { figures: out, regressing, missing };
}

/** Stamps status, department and dates on the raw series. */
function finish(raw: RawFigure[], seed: number, lastT: T, now: Date | undefined): DemoFigure[] {
  const latest = now ? now.getTime() - 3_600_000 : Number.POSITIVE_INFINITY;
  const cap = (d: Date) => (d.getTime() > latest ? new Date(latest) : d);
  return raw.map((f) => {
    const q = quarterAt(f.t);
    const r = streamFor(seed, "status", f.indicatorCode, unitKeyString(f.unit), f.sectorCode ?? "", String(f.t));
    let status: DemoStatus = FigureStatus.APPROVED;
    if (f.t === lastT) {
      const p = r();
      status = p < 0.55 ? FigureStatus.APPROVED : p < 0.85 ? FigureStatus.SUBMITTED : FigureStatus.DRAFT;
    }
    const enteredAt = cap(vietnamTimeAfterQuarter(q, 1 + Math.floor(r() * 4), 9 + Math.floor(r() * 3)));
    const submitted = cap(vietnamTimeAfterQuarter(q, 5 + Math.floor(r() * 14), 10 + Math.floor(r() * 6)));
    const approved = cap(new Date(submitted.getTime() + (2 + Math.floor(r() * 10)) * 86_400_000 + 4 * 3_600_000));
    const indicator = getIndicator(f.indicatorCode);
    return {
      indicatorCode: f.indicatorCode,
      unit: { code: f.unit.code, validFrom: f.unit.validFrom },
      year: q.year,
      quarter: q.quarter,
      sectorCode: f.sectorCode,
      numerator: "numerator" in f.values ? f.values.numerator : null,
      denominator: "denominator" in f.values ? f.values.denominator : null,
      value: "value" in f.values ? f.values.value : null,
      status,
      // The agency that reported the quarter: its figures were entered after the quarter's last day.
      departmentCode: responsibleDepartmentOn(indicator, isoDate(quarterLastDay(q))),
      enteredAt,
      submittedAt: status === FigureStatus.DRAFT ? null : submitted,
      approvedAt: status === FigureStatus.APPROVED ? approved : null,
    };
  });
}

/** Generates the demo figures for the given geography; same input, same output. */
export function generateDemoData(geo: AdminUnitSeed, options: DemoOptions = {}): DemoData {
  const seed = options.seed ?? DEMO_RANDOM_SEED;
  const lastQuarter = options.lastQuarter ?? DEMO_DEFAULT_LAST_QUARTER;
  const lastT = quarterIndex(lastQuarter) - T0;
  if (lastT < 0) return { figures: [], baselines: [], regressingUnits: [], missingUnits: [], missingIndicators: [], editions: [] };

  // The statistics office publishes GRDP estimates late: the latest quarter has none yet.
  const lagging: IndicatorCode[] = ["DIGITAL_ECONOMY_GRDP", "DIGITAL_ECONOMY_SECTOR"];
  const province = provinceSeries(seed, geo.provinceCode, lastT).filter((f) => !(f.t === lastT && lagging.includes(f.indicatorCode)));
  const communes = communeSeries(seed, geo, lastT);
  const raw = [...province, ...districtSeries(seed, geo, lastT), ...communes.figures];

  const known = new Set(geo.units.map(unitKeyString));
  for (const f of raw) {
    if (!known.has(unitKeyString(f.unit))) throw new Error(`demo figure on unknown unit ${unitKeyString(f.unit)}`);
  }

  return {
    figures: finish(raw, seed, lastT, options.now),
    baselines: [
      demoBaseline("ADMIN_PROCEDURE_REDUCTION", DEMO_PROCEDURES_AT_BASELINE, geo.provinceCode),
      demoBaseline("DATA_DRIVEN_SERVICES_GROWTH", DEMO_DATA_SERVICES_AT_BASELINE, geo.provinceCode),
    ],
    regressingUnits: communes.regressing,
    missingUnits: [...communes.missing].map(([t, units]) => ({ quarter: quarterAt(t), units })),
    missingIndicators: [{ quarter: quarterAt(lastT), indicatorCodes: lagging }],
    editions: demoEditions(lastQuarter),
  };
}

/** The demo DTI's rank by the year of publication (each July). */
const DEMO_DTI_PUBLISHED: Record<number, number> = { 2020: 29, 2021: 22, 2022: 17, 2023: 12, 2024: 15, 2025: 13, 2026: 9 };

/** The editions behind the demo's DTI ranks: the one published on 1 July of year Y is the index of Y − 1. */
export function demoEditions(lastQuarter: QuarterRef): DemoEdition[] {
  return Object.keys(DEMO_DTI_PUBLISHED)
    .map(Number)
    .filter((year) => year < lastQuarter.year || (year === lastQuarter.year && lastQuarter.quarter >= 3))
    .map((year) => ({
      indicatorCode: "DTI_RANK" as const,
      referenceYear: year - 1,
      publishedOn: new Date(Date.UTC(year, 6, 1)),
      rankedUnits: DTI_RANKED(year - 1),
      sourceVi: `Số liệu minh họa (demo): ấn bản DTI năm ${year - 1}, giả định công bố ngày 01/07/${year}.`,
    }));
}

function demoBaseline(indicatorCode: IndicatorCode, value: number, provinceCode: string): BaselineSeed {
  return {
    indicatorCode,
    level: UnitLevel.PROVINCE,
    sectorCode: null,
    value,
    date: BASELINE_DATE,
    dateAssumed: true,
    sourceClauseVi: DEMO_BASELINE_CLAUSE_VI,
    valuePhrase: String(value),
    sourceVi: provinceCode === RESOLUTION_PROGRAMME.provinceCode ? DEMO_BASELINE_SOURCE_VI : DEMO_BASELINE_SOURCE_OTHER_VI,
  };
}

