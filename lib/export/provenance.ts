/**
 * What every artefact says about where its numbers come from (issue #14,
 * item 11): the open-data API's envelope, the JSON download and the
 * dashboard's Excel files carry DATA_SOURCE; each published figure carries its
 * reporting unit, responsible agency, approval time, revision, observation
 * status and source document (FIGURE_COLUMNS); anything built on demo data
 * says so (DEMO_MARK) where a reader cannot miss it.
 */
export const DATA_SOURCE = {
  vi: "Số liệu chuyển đổi số của tỉnh Thái Nguyên theo Nghị quyết 01-NQ/TU, do các sở, ngành và UBND các cấp báo cáo theo quý và được phê duyệt trên hệ thống Theo dõi chuyển đổi số (dx-tracker); mỗi số liệu ghi đơn vị báo cáo, cơ quan chịu trách nhiệm, thời điểm duyệt, lần công bố, tình trạng và văn bản nguồn.",
  en: "Digital-transformation figures of Thái Nguyên province under Resolution 01-NQ/TU, reported quarterly by its departments and people's committees and approved in the dx-tracker system; each figure gives its reporting unit, responsible agency, approval time, revision, observation status and source document.",
} as const;

export const DEMO_MARK = {
  vi: "DỮ LIỆU MINH HỌA — không phải số liệu chính thức",
  en: "DEMO DATA — not official figures",
} as const;
