import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addQuarters,
  compareQuarters,
  daysInQuarter,
  formatQuarter,
  isFutureQuarter,
  makeQuarter,
  parseQuarter,
  quarterEnd,
  quarterEquals,
  quarterFromIndex,
  quarterIndex,
  quarterKey,
  quarterOfDate,
  quarterStart,
  quartersBetween,
  utcDayNumber,
  type Quarter,
  type QuarterNumber,
} from "./quarter";

const q = (year: number, quarter: QuarterNumber): Quarter => ({ year, quarter });
const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const arbQuarter = fc.record({
  year: fc.integer({ min: -3000, max: 3000 }),
  quarter: fc.constantFrom<QuarterNumber>(1, 2, 3, 4),
});
const arbIndex = fc.integer({ min: -12_000, max: 12_000 });
const arbDate = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2200-12-31T23:59:59Z"), noInvalidDate: true });

describe("makeQuarter", () => {
  it("accepts valid parts", () => {
    expect(makeQuarter(2025, 3)).toEqual({ year: 2025, quarter: 3 });
  });
  it.each([
    [2025, 0],
    [2025, 5],
    [2025, 1.5],
    [2025.5, 1],
    [Number.NaN, 1],
  ])("rejects year=%s quarter=%s", (y, n) => {
    expect(() => makeQuarter(y, n)).toThrow(RangeError);
  });
});

describe("quarterIndex / quarterFromIndex", () => {
  it("uses year*4 + quarter-1", () => {
    expect(quarterIndex(q(2025, 1))).toBe(8100);
    expect(quarterIndex(q(2025, 4))).toBe(8103);
    expect(quarterIndex(q(0, 1))).toBe(0);
    expect(quarterIndex(q(-1, 4))).toBe(-1);
  });

  it("decodes known indices, including negative ones", () => {
    expect(quarterFromIndex(8103)).toEqual(q(2025, 4));
    expect(quarterFromIndex(8104)).toEqual(q(2026, 1));
    expect(quarterFromIndex(-1)).toEqual(q(-1, 4));
    expect(quarterFromIndex(-4)).toEqual(q(-1, 1));
    expect(quarterFromIndex(-5)).toEqual(q(-2, 4));
  });

  it("rejects non-integer indices", () => {
    expect(() => quarterFromIndex(1.5)).toThrow(RangeError);
    expect(() => quarterFromIndex(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("round-trips quarter → index → quarter", () => {
    fc.assert(
      fc.property(arbQuarter, (x) => {
        expect(quarterFromIndex(quarterIndex(x))).toEqual(x);
      }),
    );
  });

  it("round-trips index → quarter → index", () => {
    fc.assert(fc.property(arbIndex, (i) => quarterIndex(quarterFromIndex(i)) === i));
  });
});

describe("addQuarters", () => {
  it("crosses year boundaries both ways", () => {
    expect(addQuarters(q(2025, 4), 1)).toEqual(q(2026, 1));
    expect(addQuarters(q(2025, 1), -1)).toEqual(q(2024, 4));
    expect(addQuarters(q(2025, 2), 0)).toEqual(q(2025, 2));
    expect(addQuarters(q(2025, 3), 9)).toEqual(q(2027, 4));
    expect(addQuarters(q(2025, 3), -11)).toEqual(q(2022, 4));
  });

  it("is inverted by adding the negation", () => {
    fc.assert(
      fc.property(arbQuarter, fc.integer({ min: -500, max: 500 }), (x, n) => {
        expect(addQuarters(addQuarters(x, n), -n)).toEqual(x);
      }),
    );
  });

  it("composes additively", () => {
    fc.assert(
      fc.property(arbQuarter, fc.integer({ min: -200, max: 200 }), fc.integer({ min: -200, max: 200 }), (x, m, n) => {
        expect(addQuarters(addQuarters(x, m), n)).toEqual(addQuarters(x, m + n));
      }),
    );
  });

  it("moves the index by exactly n", () => {
    fc.assert(
      fc.property(arbQuarter, fc.integer({ min: -500, max: 500 }), (x, n) => {
        return quarterIndex(addQuarters(x, n)) - quarterIndex(x) === n;
      }),
    );
  });
});

describe("compareQuarters", () => {
  it("orders by year then quarter", () => {
    expect(compareQuarters(q(2024, 4), q(2025, 1))).toBeLessThan(0);
    expect(compareQuarters(q(2025, 1), q(2024, 4))).toBeGreaterThan(0);
    expect(compareQuarters(q(2025, 2), q(2025, 3))).toBeLessThan(0);
    expect(compareQuarters(q(2025, 2), q(2025, 2))).toBe(0);
  });

  it("sorts an array chronologically", () => {
    const sorted = [q(2026, 1), q(2024, 4), q(2025, 3), q(2025, 1)].sort(compareQuarters);
    expect(sorted.map(quarterKey)).toEqual(["2024-Q4", "2025-Q1", "2025-Q3", "2026-Q1"]);
  });

  it("is antisymmetric and agrees with addQuarters", () => {
    fc.assert(
      fc.property(arbQuarter, arbQuarter, (a, b) => Math.sign(compareQuarters(a, b)) === -Math.sign(compareQuarters(b, a))),
    );
    fc.assert(
      fc.property(arbQuarter, fc.integer({ min: 1, max: 100 }), (a, n) => compareQuarters(a, addQuarters(a, n)) < 0),
    );
  });

  it("quarterEquals is structural", () => {
    expect(quarterEquals(q(2025, 1), { year: 2025, quarter: 1 })).toBe(true);
    expect(quarterEquals(q(2025, 1), q(2025, 2))).toBe(false);
    expect(quarterEquals(q(2025, 1), q(2024, 1))).toBe(false);
  });
});

describe("quartersBetween", () => {
  it("is inclusive at both ends and crosses years", () => {
    expect(quartersBetween(q(2024, 3), q(2025, 2)).map(quarterKey)).toEqual([
      "2024-Q3",
      "2024-Q4",
      "2025-Q1",
      "2025-Q2",
    ]);
  });

  it("returns a single quarter when both ends are equal", () => {
    expect(quartersBetween(q(2025, 2), q(2025, 2))).toEqual([q(2025, 2)]);
  });

  it("is empty when a is after b", () => {
    expect(quartersBetween(q(2025, 3), q(2025, 2))).toEqual([]);
  });

  it("has length index(b)-index(a)+1 and consecutive members", () => {
    fc.assert(
      fc.property(arbQuarter, fc.integer({ min: -5, max: 40 }), (a, n) => {
        const b = addQuarters(a, n);
        const list = quartersBetween(a, b);
        expect(list.length).toBe(Math.max(0, n + 1));
        list.forEach((item, i) => expect(item).toEqual(addQuarters(a, i)));
      }),
    );
  });
});

describe("quarterStart / quarterEnd", () => {
  it.each([
    [q(2025, 1), "2025-01-01", "2025-03-31"],
    [q(2025, 2), "2025-04-01", "2025-06-30"],
    [q(2025, 3), "2025-07-01", "2025-09-30"],
    [q(2025, 4), "2025-10-01", "2025-12-31"],
  ])("%o spans %s – %s at UTC midnight", (x, start, end) => {
    expect(quarterStart(x).toISOString()).toBe(`${start}T00:00:00.000Z`);
    expect(quarterEnd(x).toISOString()).toBe(`${end}T00:00:00.000Z`);
  });

  it("handles years below 100 without Date.UTC's 1900 offset", () => {
    expect(quarterStart(q(5, 1)).getUTCFullYear()).toBe(5);
    expect(quarterEnd(q(99, 4)).getUTCFullYear()).toBe(99);
  });

  it("knows quarter lengths, including leap-year Q1", () => {
    expect(daysInQuarter(q(2024, 1))).toBe(91);
    expect(daysInQuarter(q(2025, 1))).toBe(90);
    expect(daysInQuarter(q(2100, 1))).toBe(90);
    expect(daysInQuarter(q(2000, 1))).toBe(91);
    expect(daysInQuarter(q(2025, 2))).toBe(91);
    expect(daysInQuarter(q(2025, 3))).toBe(92);
    expect(daysInQuarter(q(2025, 4))).toBe(92);
  });

  it("tiles the calendar: each quarter starts the day after the previous ends", () => {
    fc.assert(
      fc.property(arbQuarter, (x) => {
        const next = addQuarters(x, 1);
        return utcDayNumber(quarterStart(next)) === utcDayNumber(quarterEnd(x)) + 1;
      }),
    );
  });

  it("maps its own start and end back to itself", () => {
    fc.assert(
      fc.property(arbQuarter, (x) => {
        expect(quarterOfDate(quarterStart(x))).toEqual(x);
        expect(quarterOfDate(quarterEnd(x))).toEqual(x);
      }),
    );
  });
});

describe("quarterOfDate", () => {
  it("uses UTC, not the local zone", () => {
    // 23:30 UTC on 30 June is already 1 July in Vietnam (UTC+7): still Q2 here.
    expect(quarterOfDate(new Date("2025-06-30T23:30:00Z"))).toEqual(q(2025, 2));
    expect(quarterOfDate(new Date("2025-07-01T00:00:00Z"))).toEqual(q(2025, 3));
    expect(quarterOfDate(new Date("2025-12-31T23:59:59.999Z"))).toEqual(q(2025, 4));
  });

  it("puts every instant inside [start, end] of its quarter", () => {
    fc.assert(
      fc.property(arbDate, (d) => {
        const x = quarterOfDate(d);
        const day = utcDayNumber(d);
        return utcDayNumber(quarterStart(x)) <= day && day <= utcDayNumber(quarterEnd(x));
      }),
    );
  });

  it("rejects invalid dates", () => {
    expect(() => quarterOfDate(new Date("nope"))).toThrow(RangeError);
  });
});

describe("utcDayNumber", () => {
  it("discards the time of day", () => {
    expect(utcDayNumber(new Date("1970-01-01T00:00:00Z"))).toBe(0);
    expect(utcDayNumber(new Date("1970-01-01T23:59:59.999Z"))).toBe(0);
    expect(utcDayNumber(new Date("1970-01-02T00:00:00Z"))).toBe(1);
    expect(utcDayNumber(new Date("1969-12-31T12:00:00Z"))).toBe(-1);
  });
});

describe("parseQuarter / quarterKey", () => {
  it.each([
    ["2025-Q1", q(2025, 1)],
    ["2025Q1", q(2025, 1)],
    ["2025-q1", q(2025, 1)],
    ["2025q4", q(2025, 4)],
    ["  2026-Q3 ", q(2026, 3)],
  ])("parses %j", (s, expected) => {
    expect(parseQuarter(s)).toEqual(expected);
  });

  it.each(["", "2025", "2025-Q0", "2025-Q5", "25-Q1", "2025--Q1", "2025-Q1x", "Q1 2025", "2025 Q1", "2025-Q 1", "20250-Q1"])(
    "rejects %j",
    (s) => {
      expect(parseQuarter(s)).toBeNull();
    },
  );

  it("formats keys with zero-free quarter numbers", () => {
    expect(quarterKey(q(2025, 1))).toBe("2025-Q1");
    expect(quarterKey(q(2030, 4))).toBe("2030-Q4");
  });

  it("round-trips key → parse for four-digit years", () => {
    const arb = fc.record({ year: fc.integer({ min: 1000, max: 9999 }), quarter: fc.constantFrom<QuarterNumber>(1, 2, 3, 4) });
    fc.assert(
      fc.property(arb, (x) => {
        expect(parseQuarter(quarterKey(x))).toEqual(x);
      }),
    );
  });
});

describe("formatQuarter", () => {
  it.each([
    [q(2025, 1), "Quý I/2025", "Q1 2025"],
    [q(2025, 2), "Quý II/2025", "Q2 2025"],
    [q(2025, 3), "Quý III/2025", "Q3 2025"],
    [q(2030, 4), "Quý IV/2030", "Q4 2030"],
  ])("%o → %s / %s", (x, vi, en) => {
    expect(formatQuarter(x, "vi")).toBe(vi);
    expect(formatQuarter(x, "en")).toBe(en);
  });
});

describe("isFutureQuarter", () => {
  const q3 = q(2025, 3);

  it("is future on the day before the quarter starts", () => {
    expect(isFutureQuarter(q3, utc("2025-06-30"))).toBe(true);
    expect(isFutureQuarter(q3, new Date("2025-06-30T23:59:59.999Z"))).toBe(true);
  });

  it("is not future from the quarter's first day on", () => {
    expect(isFutureQuarter(q3, utc("2025-07-01"))).toBe(false);
    expect(isFutureQuarter(q3, new Date("2025-07-01T12:00:00Z"))).toBe(false);
    expect(isFutureQuarter(q3, utc("2025-09-30"))).toBe(false);
  });

  it("is not future for past quarters", () => {
    expect(isFutureQuarter(q(2025, 2), utc("2025-08-15"))).toBe(false);
    expect(isFutureQuarter(q(2020, 1), utc("2025-08-15"))).toBe(false);
  });

  it("is future for later quarters", () => {
    expect(isFutureQuarter(q(2025, 4), utc("2025-08-15"))).toBe(true);
    expect(isFutureQuarter(q(2026, 1), utc("2025-08-15"))).toBe(true);
  });

  it("agrees with quarter ordering: future ⇔ later than the quarter containing today", () => {
    fc.assert(
      fc.property(
        arbQuarter.filter((x) => x.year >= 1900 && x.year <= 2200),
        arbDate,
        (x, today) => isFutureQuarter(x, today) === compareQuarters(x, quarterOfDate(today)) > 0,
      ),
    );
  });
});
