/**
 * Where next-auth takes the app's public address from (issue #13, item 7; README "Configuration").
 * It builds its redirects and chooses its cookies from it: `Secure` cookies with the `__Secure-`
 * prefix exactly when that address is https. Without NEXTAUTH_URL next-auth falls back to
 * http://localhost:3000, so behind a TLS proxy cookies lost `Secure` and error redirects went to
 * localhost. Decided once by `npm start` (scripts/start.ts), for the server it starts:
 *
 * 1. NEXTAUTH_URL, when set (must be an http(s) URL);
 * 2. else, behind a trusted proxy (TRUST_PROXY=1): the proxy's X-Forwarded-Host and
 *    X-Forwarded-Proto, per request (next-auth's AUTH_TRUST_HOST) — deploy/nginx.conf sets both;
 * 3. else, the embedded default on this machine: http://localhost:<port>;
 * 4. else (a database server, no proxy trusted, no NEXTAUTH_URL): refused, with how to fix it.
 */
export type AuthOrigin = { ok: true; env: Record<string, string>; describe: string } | { ok: false; message: string };

export function authOrigin(o: { nextauthUrl?: string; trustProxy: boolean; embedded: boolean; port: number }): AuthOrigin {
  const configured = o.nextauthUrl?.trim();
  if (configured) {
    let url: URL;
    try {
      url = new URL(configured);
    } catch {
      return { ok: false, message: `NEXTAUTH_URL không hợp lệ: "${configured}" (cần dạng https://ten-mien-cua-ban).` };
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: `NEXTAUTH_URL phải bắt đầu bằng https:// hoặc http:// (đang là "${configured}").` };
    return { ok: true, env: {}, describe: `địa chỉ công khai ${url.origin} (NEXTAUTH_URL)${url.protocol === "https:" ? ", cookie Secure" : ""}` };
  }
  if (o.trustProxy) {
    return { ok: true, env: { AUTH_TRUST_HOST: "1" }, describe: "địa chỉ công khai lấy từ X-Forwarded-Host/X-Forwarded-Proto của proxy (TRUST_PROXY=1); cookie Secure khi proxy dùng https" };
  }
  if (o.embedded) {
    const url = `http://localhost:${o.port}`;
    return { ok: true, env: { NEXTAUTH_URL: url }, describe: `địa chỉ ${url} (máy này)` };
  }
  return {
    ok: false,
    message:
      "Thiếu NEXTAUTH_URL: hãy đặt địa chỉ công khai của ứng dụng (ví dụ NEXTAUTH_URL=https://cds.example.gov.vn), hoặc TRUST_PROXY=1 khi chạy sau một reverse proxy đặt X-Forwarded-Host và X-Forwarded-Proto (deploy/nginx.conf).",
  };
}
