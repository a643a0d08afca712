/**
 * The open-data API's human-readable documentation (/du-lieu/api,
 * /en/data/api): endpoints, parameters, paging, caching, limits, errors and
 * every field, from the same definitions the API and its OpenAPI document
 * use (lib/open-data). The texts are typed per language like the
 * dictionary's (ADR 008), kept in this module (ADR 010).
 */
import { publicMetadata, type PublicMetadata } from "@/lib/i18n/metadata";
import type { Locale } from "@/lib/i18n/locales";
import { pathFor } from "@/lib/i18n/routes";
import { FIELDS, type JsonSchema } from "@/lib/open-data/fields";
import { DEFAULT_LIMIT, ENDPOINTS, MAX_LIMIT, allowedParameters, type Endpoint } from "@/lib/open-data/params";
import { DEFAULT_RATE_LIMIT } from "@/lib/open-data/rate-limit";

interface ApiText {
  title: string;
  description: string;
  intro: string;
  openapi: string;
  programmeSchema: string;
  dataLink: string;
  endpointsHeading: string;
  endpoint: string;
  what: string;
  parameters: string;
  endpoints: Record<Endpoint, string>;
  rulesHeading: string;
  rules: string[];
  examplesHeading: string;
  fieldsHeading: (endpoint: string) => string;
  field: string;
  type: string;
  meaning: string;
}

const rate = `${DEFAULT_RATE_LIMIT.capacity}`;
const refill = `${DEFAULT_RATE_LIMIT.refillPerSecond}`;

const TEXT: Record<Locale, ApiText> = {
  vi: {
    title: "API dữ liệu mở",
    description: "API công khai, chỉ đọc: chỉ tiêu, mục tiêu, đơn vị hành chính và số liệu đã được phê duyệt, dạng JSON và CSV.",
    intro:
      "API công khai, chỉ đọc, không cần đăng nhập. Chỉ trả về số liệu đã được phê duyệt và công bố; số liệu nháp, chờ duyệt hoặc bị từ chối không bao giờ có trong API. Tên trường ổn định: chỉ được thêm trường mới, không đổi tên hay đổi nghĩa.",
    openapi: "Tài liệu OpenAPI 3.1 (máy đọc được)",
    programmeSchema: "JSON Schema của tệp định nghĩa chương trình",
    dataLink: "Tải toàn bộ số liệu đã công bố (CSV, JSON)",
    endpointsHeading: "Các điểm truy cập",
    endpoint: "Đường dẫn",
    what: "Nội dung",
    parameters: "Tham số",
    endpoints: {
      programmes: "Các chương trình đặt mục tiêu: chương trình của tỉnh (mục tiêu được đánh giá) và chương trình quốc gia mà mục tiêu của tỉnh hướng tới, với giai đoạn, tình trạng và nguồn.",
      indicators: "Các chỉ tiêu: tên, loại, đơn vị tính, cấp nhập liệu, cơ quan chịu trách nhiệm, cách tính.",
      targets: "Mục tiêu theo chương trình × chỉ tiêu × cấp (× ngành) × năm, kèm trích dẫn điều khoản và mục tiêu quốc gia mà nó hướng tới. Mặc định chỉ mục tiêu đang hiệu lực.",
      units: "Đơn vị hành chính với ngày bắt đầu, ngày kết thúc và quan hệ kế thừa (sắp xếp ngày 01/07/2025).",
      figures: "Số liệu đã công bố, lọc theo chỉ tiêu, đơn vị, cấp, ngành và khoảng quý; as_of cho số liệu như đã công bố tại một thời điểm (mọi lần công bố đều được giữ).",
      baselines: "Mức gốc đã ghi nhận của các chỉ tiêu, với ngày (có đánh dấu ngày giả định) và nguồn.",
      aggregates:
        "Số liệu đã công bố cộng lên tỉnh (mỗi quý trên địa giới của quý đó) và huyện (đến hết quý II/2025) theo quý, kèm độ phủ (số đơn vị đã báo cáo / phải báo cáo); tỷ lệ là Σ tử số / Σ mẫu số, thứ hạng không cộng. Với period=year: giá trị năm theo period_basis — chỉ tiêu đếm việc trong quý cộng các quý, chỉ tiêu là tình trạng cuối quý hoặc lũy kế từ đầu năm và thứ hạng lấy quý cuối cùng đã công bố; complete cho biết năm đã đủ chưa.",
    },
    rulesHeading: "Quy ước",
    rules: [
      `Định dạng: JSON (mặc định) hoặc CSV với ?format=csv (UTF-8 có BOM, xuống dòng CRLF, cột trùng tên trường).`,
      `Phân trang: ?limit=1–${MAX_LIMIT} (mặc định ${DEFAULT_LIMIT}); trang tiếp theo bằng ?cursor= với giá trị next_cursor (cũng có trong tiêu đề Link và X-Next-Cursor). Thứ tự ổn định; dòng mới nằm ở cuối.`,
      "Danh sách giá trị: phân cách bằng dấu phẩy hoặc lặp tham số (?indicator=A,B hoặc ?indicator=A&indicator=B). Quý dạng 2025-Q3, ngày dạng YYYY-MM-DD.",
      "Bộ nhớ đệm: mọi phản hồi có ETag và Cache-Control: public, max-age=60; gửi lại ETag trong If-None-Match để nhận 304 khi dữ liệu không đổi.",
      "CORS: mọi trang web đều gọi được (Access-Control-Allow-Origin: *).",
      `Giới hạn: mỗi địa chỉ gửi được ${rate} yêu cầu liên tiếp, hồi ${refill} yêu cầu mỗi giây; vượt quá nhận 429 kèm Retry-After (số giây cần chờ).`,
      "Lỗi tham số: 400 với error.parameter là tên tham số sai, thông báo tiếng Việt và tiếng Anh (error.message theo Accept-Language). Tham số không được hỗ trợ cũng là lỗi 400.",
    ],
    examplesHeading: "Ví dụ",
    fieldsHeading: (e) => `Các trường của ${e}`,
    field: "Trường",
    type: "Kiểu",
    meaning: "Ý nghĩa",
  },
  en: {
    title: "Open data API",
    description: "Public, read-only API: indicators, targets, administrative units and approved figures, as JSON and CSV.",
    intro:
      "Public and read-only; no sign-in. Only approved, published figures are returned: draft, submitted or rejected figures are never in the API. Field names are stable: fields are only added, never renamed or given a new meaning.",
    openapi: "OpenAPI 3.1 document (machine-readable)",
    programmeSchema: "JSON Schema of a programme definition file",
    dataLink: "Download every published figure (CSV, JSON)",
    endpointsHeading: "Endpoints",
    endpoint: "Path",
    what: "Content",
    parameters: "Parameters",
    endpoints: {
      programmes: "The programmes that set targets: the province's own (judged) and the national programme its targets answer, with period, status and source.",
      indicators: "Indicators: names, kind, unit of measure, levels, responsible department, methodology.",
      targets: "Targets per programme × indicator × level (× sector) × year, with the clause quoted and the national target each answers. Current targets unless include_superseded=true.",
      units: "Administrative units with the days they existed and their successions (the reform of 1 July 2025).",
      figures: "Published figures, filtered by indicator, unit, level, sector and quarter range; as_of gives them as published at an instant (every revision is kept).",
      baselines: "Recorded baselines of the indicators, with their day (marked when assumed) and source.",
      aggregates:
        "Published figures summed to the province (each quarter on its own territory) and the districts (to 2025 Q2) per quarter, with coverage (units reported / expected); rates are Σnumerator / Σdenominator, ranks are not summed. With period=year: yearly values by period_basis — indicators counting what happened in a quarter add the quarters up; states on the quarter's last day, year-to-date sums and ranks take the last published quarter; complete says whether the year is whole.",
    },
    rulesHeading: "Conventions",
    rules: [
      `Format: JSON (default) or CSV with ?format=csv (UTF-8 with BOM, CRLF, columns named like the fields).`,
      `Paging: ?limit=1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}); the next page with ?cursor= set to next_cursor (also in the Link and X-Next-Cursor headers). Stable order; new rows come last.`,
      "Lists: comma-separated or repeated (?indicator=A,B or ?indicator=A&indicator=B). Quarters as 2025-Q3, days as YYYY-MM-DD.",
      "Caching: every response has an ETag and Cache-Control: public, max-age=60; send the ETag back in If-None-Match to get 304 while nothing changed.",
      "CORS: any website may call it (Access-Control-Allow-Origin: *).",
      `Limits: each address may make ${rate} requests in a row, refilled at ${refill} per second; beyond, 429 with Retry-After (seconds to wait).`,
      "Bad parameters: 400 with error.parameter naming the parameter, messages in Vietnamese and English (error.message follows Accept-Language). An unsupported parameter is a 400 too.",
    ],
    examplesHeading: "Examples",
    fieldsHeading: (e) => `Fields of ${e}`,
    field: "Field",
    type: "Type",
    meaning: "Meaning",
  },
};

const EXAMPLES = [
  "/api/v1/figures?indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=COMMUNE&from=2025-Q3&to=2026-Q2",
  "/api/v1/figures?unit=19&format=csv",
  "/api/v1/targets?indicator=EDOSSIER_RATE",
  "/api/v1/units?level=COMMUNE&valid_on=2025-06-30",
  "/api/v1/indicators",
  "/api/v1/baselines",
  "/api/v1/figures?indicator=DVC_L4_SHARE&level=PROVINCE&as_of=2026-10-01",
  "/api/v1/aggregates?indicator=WORK_DOSSIER_ONLINE_COMMUNE&level=DISTRICT&year=2025&quarter=2",
  "/api/v1/aggregates?period=year&unit=19&format=csv",
];

function typeText(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? (schema.type as string[]).join(" | ") : String(schema.type);
  const format = schema.format ? ` (${String(schema.format)})` : "";
  const items = schema.type === "array" && schema.items && (schema.items as JsonSchema).type === "object" ? " of objects" : "";
  return `${type}${format}${items}`;
}

/** The link to this page from the downloads page. */
export function apiLinkLabel(locale: Locale): string {
  return locale === "vi" ? "API dữ liệu mở (JSON, CSV, OpenAPI)" : "Open data API (JSON, CSV, OpenAPI)";
}

export function apiMetadata(locale: Locale): PublicMetadata {
  return publicMetadata(locale, { page: "api" }, TEXT[locale].title, TEXT[locale].description);
}

export function ApiView({ locale }: { locale: Locale }) {
  const t = TEXT[locale];
  return (
    <>
      <h1 className="text-2xl font-bold text-brand-800">{t.title}</h1>
      <p className="mt-2 max-w-3xl text-slate-800">{t.intro}</p>
      <ul className="mt-4 flex flex-wrap gap-3">
        <li>
          <a href="/api/v1/openapi.json" className="inline-block rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t.openapi}
          </a>
        </li>
        <li>
          <a href="/api/v1/schemas/programme.json" className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
            {t.programmeSchema}
          </a>
        </li>
        <li>
          <a href={pathFor(locale, { page: "data" })} className="inline-block rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-slate-100">
            {t.dataLink}
          </a>
        </li>
      </ul>

      <section aria-labelledby="api-endpoints" className="mt-8">
        <h2 id="api-endpoints" className="text-xl font-semibold">
          {t.endpointsHeading}
        </h2>
        <div className="table-scroll mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby="api-endpoints" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t.endpointsHeading}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className="px-3 py-2">{t.endpoint}</th>
                <th scope="col" className="px-3 py-2">{t.what}</th>
                <th scope="col" className="px-3 py-2">{t.parameters}</th>
              </tr>
            </thead>
            <tbody>
              {ENDPOINTS.map((e) => (
                <tr key={e} className="border-b border-slate-100 align-top">
                  <th scope="row" className="px-3 py-1.5 font-mono font-normal">
                    <a className="text-brand-800 underline" href={`/api/v1/${e}`}>
                      GET /api/v1/{e}
                    </a>
                  </th>
                  <td className="px-3 py-1.5">{t.endpoints[e]}</td>
                  <td className="px-3 py-1.5 font-mono">{allowedParameters(e).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="api-rules" className="mt-8">
        <h2 id="api-rules" className="text-xl font-semibold">
          {t.rulesHeading}
        </h2>
        <ul className="mt-2 max-w-3xl list-disc space-y-1 pl-6 text-slate-800">
          {t.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="api-examples" className="mt-8">
        <h2 id="api-examples" className="text-xl font-semibold">
          {t.examplesHeading}
        </h2>
        <ul className="mt-2 space-y-1">
          {EXAMPLES.map((x) => (
            <li key={x}>
              <a className="break-all font-mono text-sm text-brand-800 underline" href={x}>
                {x}
              </a>
            </li>
          ))}
        </ul>
      </section>

      {ENDPOINTS.map((e) => (
        <section key={e} aria-labelledby={`api-fields-${e}`} className="mt-8">
          <h2 id={`api-fields-${e}`} className="text-xl font-semibold">
            {t.fieldsHeading(`/api/v1/${e}`)}
          </h2>
          <div className="table-scroll mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-labelledby={`api-fields-${e}`} tabIndex={0}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t.fieldsHeading(`/api/v1/${e}`)}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="px-3 py-2">{t.field}</th>
                  <th scope="col" className="px-3 py-2">{t.type}</th>
                  <th scope="col" className="px-3 py-2">{t.meaning}</th>
                </tr>
              </thead>
              <tbody>
                {FIELDS[e].map((f) => (
                  <tr key={f.name} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-1.5 font-mono font-normal">{f.name}</th>
                    <td className="px-3 py-1.5 font-mono" lang="en">{typeText(f.schema)}</td>
                    <td className="px-3 py-1.5">{locale === "vi" ? f.vi : f.en}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
