import { describe, expect, it } from "vitest";
import { applyEpoch, currentEpoch } from "@/lib/cache/epoch";
import { RECENT_LIMIT, RecentPages, warmOnEpochChange } from "./warm";

const publish = () => applyEpoch({ databaseId: "", generation: currentEpoch().generation + 1 });

describe("RecentPages", () => {
  it("keeps the distinct public pages asked for lately, most recent first, and no more than its limit", () => {
    const recent = new RecentPages();
    for (const url of ["/", "/chi-tieu/A", "/", "/en"]) recent.note(url);
    expect(recent.list()).toEqual(["/en", "/", "/chi-tieu/A"]);
    for (let i = 0; i < 40; i++) recent.note(`/chi-tieu/X${i}`);
    expect(recent.list()).toHaveLength(RECENT_LIMIT);
    expect(recent.list()[0]).toBe("/chi-tieu/X39");
  });
});

describe("warmOnEpochChange", () => {
  it("asks for each recent page once when a new epoch arrives, and for nothing before", async () => {
    const recent = new RecentPages();
    recent.note("/chi-tieu/DVC_L4_SHARE");
    recent.note("/");
    const asked: string[] = [];
    const warming = warmOnEpochChange(recent, async (url) => void asked.push(url));
    try {
      expect(asked).toEqual([]);
      publish();
      await warming.idle();
      expect(asked).toEqual(["/", "/chi-tieu/DVC_L4_SHARE"]);
    } finally {
      warming.stop();
    }
    publish();
    expect(asked).toHaveLength(2); // stopped
  });

  it("keeps warming after an epoch that found nothing to warm", async () => {
    const recent = new RecentPages();
    const asked: string[] = [];
    const warming = warmOnEpochChange(recent, async (url) => void asked.push(url));
    try {
      publish();
      await warming.idle();
      recent.note("/en");
      publish();
      await warming.idle();
      expect(asked).toEqual(["/en"]);
    } finally {
      warming.stop();
    }
  });

  it("warms once more when another epoch arrives during a warm-up, so the last one is warmed", async () => {
    const recent = new RecentPages();
    recent.note("/");
    const asked: number[] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const warming = warmOnEpochChange(recent, async () => {
      asked.push(currentEpoch().generation);
      if (asked.length === 1) await first;
    });
    try {
      publish();
      publish(); // committed while the first warm-up is still rendering
      publish();
      release();
      await warming.idle();
      await warming.idle();
      expect(asked).toHaveLength(2);
      expect(asked[1]).toBe(currentEpoch().generation);
    } finally {
      warming.stop();
    }
  });
});
