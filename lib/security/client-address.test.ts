import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, dropUntrustedForwardingHeaders, stripForwardingHeaders } from "./client-address";

describe("clientAddress", () => {
  it("takes the last X-Forwarded-For hop: the one the app's own proxy (or Next.js) wrote", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "6.6.6.6, 203.0.113.9" })).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6,  198.51.100.4 " }))).toBe("198.51.100.4");
  });

  it("says unknown without the header, and never stores an essay", () => {
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": " , " })).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "x".repeat(500) })).toHaveLength(100);
  });
});

describe("untrusted forwarding headers", () => {
  it("are removed from a request", () => {
    const request = { headers: { "x-forwarded-for": "6.6.6.6", "x-forwarded-proto": "https", "x-real-ip": "6.6.6.6", host: "a" } as IncomingHttpHeaders };
    stripForwardingHeaders(request);
    expect(request.headers).toEqual({ host: "a" });
  });

  it("never reach an HTTP server's handler once the guard is installed", async () => {
    dropUntrustedForwardingHeaders(false);
    const server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/`, {
        headers: { "X-Forwarded-For": "6.6.6.6", "X-Forwarded-Proto": "https", "X-Real-IP": "6.6.6.6", "X-Other": "kept" },
      });
      const seen = (await response.json()) as Record<string, string>;
      expect(seen["x-forwarded-for"]).toBeUndefined();
      expect(seen["x-forwarded-proto"]).toBeUndefined();
      expect(seen["x-real-ip"]).toBeUndefined();
      expect(seen["x-other"]).toBe("kept");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
