import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/actor";
import { parseInput } from "@/lib/validations/parse";

const session = vi.hoisted(() => ({ actor: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ getCurrentActor: async () => session.actor }));
vi.mock("@/lib/db", () => ({ prisma: { marker: "the process's client" } }));

const { authorizedAction } = await import("./authorized-action");

const editor = { id: "u1", email: "a@b.vn", name: "A", role: "EDITOR", departmentId: 1, unitIds: [], mustChangePassword: false } as unknown as Actor;
const viewer = { ...editor, role: "VIEWER" } as Actor;
const schema = z.object({ value: z.number({ error: "Giá trị phải là một số." }) });

// A service as every service is written: authorise, then parse, then write.
const service = vi.fn(async (_db: unknown, actor: Actor, input: unknown) => {
  assertCan(actor, "figure.edit");
  return parseInput(schema, input).value * 2;
});

describe("authorizedAction", () => {
  beforeEach(() => {
    service.mockClear();
    session.actor = null;
  });

  it("refuses a call without a session before the service sees the input", async () => {
    const result = await authorizedAction(service)({ value: "x" });
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(service).not.toHaveBeenCalled();
  });

  it("hands the raw input to the service once, with the process's client and the actor: one authorisation, one parse", async () => {
    session.actor = editor;
    const input = { value: 21 };
    expect(await authorizedAction(service)(input)).toEqual({ ok: true, data: 42 });
    expect(service).toHaveBeenCalledTimes(1);
    expect(service.mock.calls[0]![0]).toEqual({ marker: "the process's client" });
    expect(service.mock.calls[0]![1]).toBe(editor);
    expect(service.mock.calls[0]![2]).toBe(input);
  });

  it("answers the service's refusals in the one error shape: permission first, then the input with its Vietnamese field messages", async () => {
    session.actor = viewer;
    expect(await authorizedAction(service)({ value: "x" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    session.actor = editor;
    expect(await authorizedAction(service)({ value: "x" })).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      error: "Giá trị phải là một số.",
      details: undefined,
      fieldErrors: { value: ["Giá trị phải là một số."] },
    });
  });

  it("refreshes after a successful write only, with its result", async () => {
    const refresh = vi.fn();
    session.actor = editor;
    expect(await authorizedAction(service, refresh)({ value: 21 })).toEqual({ ok: true, data: 42 });
    expect(refresh).toHaveBeenCalledExactlyOnceWith(42);
    refresh.mockClear();
    expect(await authorizedAction(service, refresh)({ value: "x" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    session.actor = viewer;
    expect(await authorizedAction(service, refresh)({ value: 21 })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(refresh).not.toHaveBeenCalled();
  });
});
