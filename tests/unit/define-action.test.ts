import { z } from "zod";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { defineAction } from "@/lib/actions/define-action";
import { AppError, forbidden, parseInput } from "@/lib/errors";
import { expectConsoleError } from "../setup/fail-on-console-error";

const { revalidatePath, redirect } = vi.hoisted(() => ({
  revalidatePath: vi.fn(),
  // Like Next.js's: it throws, and a catch around it would swallow the navigation.
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${url};307;` });
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath }));
vi.mock("next/navigation", () => ({ redirect }));

const nameSchema = z.object({ name: z.string().min(2, "Too short.") });

beforeEach(() => {
  revalidatePath.mockClear();
  redirect.mockClear();
});

describe("defineAction", () => {
  it("answers an AppError with its message and field errors, and revalidates nothing", async () => {
    const steps = { revalidate: () => ["/somewhere"], redirect: () => "/elsewhere", message: () => "Done." };
    const refused = defineAction("refused", async () => {
      throw forbidden();
    }, steps);
    const invalid = defineAction("invalid", async (input: unknown) => parseInput(nameSchema, input), steps);

    expect(await refused()).toEqual({ ok: false, message: "You do not have permission to do this." });
    expect(await invalid({ name: "x" })).toEqual({ ok: false, message: "Please correct the highlighted fields.", fieldErrors: { name: ["Too short."] } });
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(redirect).not.toHaveBeenCalled();
  });

  it("logs an unexpected error with the action's name and answers with a generic message", async () => {
    expectConsoleError();
    const broken = defineAction("brokenThing", async () => {
      throw new Error("connection reset by peer");
    });

    const result = await broken();

    expect(result).toEqual({ ok: false, message: "Something went wrong on our side. Please try again." });
    expect(JSON.stringify(result)).not.toContain("connection reset");
    expect(vi.mocked(console.error)).toHaveBeenCalledWith("Unexpected error", { action: "brokenThing" }, expect.any(Error));
  });

  it("after a success revalidates, then answers with the data and the message built from the result and the arguments", async () => {
    const rename = defineAction("rename", async (id: string, input: { name: string }) => ({ id, name: input.name, secret: "kept on the server" }), {
      revalidate: (saved, id) => ["/things", [`/things/${id}`, "layout"]],
      data: ({ id, name }) => ({ id, name }),
      message: (saved) => `Renamed to ${saved.name}.`,
    });

    expect(await rename("t1", { name: "Tea" })).toEqual({ ok: true, data: { id: "t1", name: "Tea" }, message: "Renamed to Tea." });
    expect(revalidatePath.mock.calls).toEqual([["/things"], ["/things/t1", "layout"]]);
  });

  it("returns the domain function's whole result without a data step, and no message without a message step", async () => {
    const count = defineAction("count", async () => ({ count: 3 }));
    expect(await count()).toStrictEqual({ ok: true, data: { count: 3 } });
  });

  it("redirects after revalidating, outside the try/catch, so the navigation reaches Next.js", async () => {
    const create = defineAction("create", async () => ({ id: "c1" }), {
      revalidate: () => ["/list"],
      redirect: (created) => `/things/${created.id}`,
    });

    await expect(create()).rejects.toMatchObject({ digest: expect.stringContaining("/things/c1") });
    expect(revalidatePath).toHaveBeenCalledWith("/list");
    expect(redirect).toHaveBeenCalledWith("/things/c1");
    expect(revalidatePath.mock.invocationCallOrder[0]).toBeLessThan(redirect.mock.invocationCallOrder[0] ?? 0);
  });

  it("keeps an AppError's own code and status out of the answer", async () => {
    const conflict = defineAction("conflict", async () => {
      throw new AppError("CONFLICT", "Someone else changed it first.");
    });
    expect(await conflict()).toStrictEqual({ ok: false, message: "Someone else changed it first." });
  });
});
