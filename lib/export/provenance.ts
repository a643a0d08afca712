/**
 * What every artefact says about where its numbers come from (issue #14,
 * item 11): the open-data API's envelope, the JSON download and the
 * dashboard's Excel files carry DATA_SOURCE; each published figure carries its
 * reporting unit, responsible agency, approval time, revision, observation
 * status and source document (FIGURE_COLUMNS); anything built on demo data
 * says so (DEMO_MARK) where a reader cannot miss it.
 */
import { SHIPPED_RESOLUTION, homeWords } from "@/lib/i18n/home";

const HOME = homeWords();
const UNDER_VI = HOME.ownResolution ? ` theo Nghị quyết ${SHIPPED_RESOLUTION.code}` : "";
const UNDER_EN = HOME.ownResolution ? ` under Resolution ${SHIPPED_RESOLUTION.code}` : "";

/** Names the province served (DX_PROVINCE_CODE, ADR 034) and, for the default one, its resolution. */
export const DATA_SOURCE = {
  vi: `Số liệu chuyển đổi số của ${HOME.province.vi}${UNDER_VI}, do các sở, ngành và UBND các cấp báo cáo theo quý và được phê duyệt trên hệ thống Theo dõi chuyển đổi số (dx-tracker); mỗi số liệu ghi đơn vị báo cáo, cơ quan chịu trách nhiệm, thời điểm duyệt, lần công bố, tình trạng và văn bản nguồn.`,
  en: `Digital-transformation figures of ${HOME.province.en}${UNDER_EN}, reported quarterly by its departments and people's committees and approved in the dx-tracker system; each figure gives its reporting unit, responsible agency, approval time, revision, observation status and source document.`,
} as const;

export const DEMO_MARK = {
  vi: "DỮ LIỆU MINH HỌA — không phải số liệu chính thức",
  en: "DEMO DATA — not official figures",
} as const;
