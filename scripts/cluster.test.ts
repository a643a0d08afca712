import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nginxSiteConfig } from "./cluster";

const source = readFileSync("deploy/nginx.conf", "utf8");
const paths = { httpPort: 18080, httpsPort: 18443, certDir: "/tmp/certs", cacheDir: "/tmp/cache" };

describe("nginxSiteConfig", () => {
  it("puts this machine's ports and paths into deploy/nginx.conf", () => {
    const text = nginxSiteConfig(source, { ...paths, appPorts: [3221, 3222] });
    expect(text).toContain("    server 127.0.0.1:3221 max_fails=0;\n    server 127.0.0.1:3222 max_fails=0;\n");
    expect(text).toContain("listen 127.0.0.1:18443 ssl http2;");
    expect(text).not.toContain("[::]");
    expect(text).not.toContain("/etc/ssl/dx-tracker");
  });

  it("accepts the file's own app ports (the command line's 3001 and 3002)", () => {
    expect(nginxSiteConfig(source, { ...paths, appPorts: [3001, 3002] })).toContain("server 127.0.0.1:3001 max_fails=0;");
  });

  it("refuses a file that lost a line it must replace", () => {
    expect(() => nginxSiteConfig(source.replace("    listen 80;\n", ""), { ...paths, appPorts: [3001, 3002] })).toThrow(/listen 80/);
  });
});
