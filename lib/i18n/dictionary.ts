/**
 * Every word of the public pages, in Vietnamese and English (ADR 008).
 *
 * `vi` is written first and defines the shape; `en` is typed as that shape,
 * so a key missing in English (or left over in it) is a compile error, and
 * dictionary.test.ts checks at run time that no entry is empty and that
 * every function takes the same arguments in both languages.
 *
 * Numbers, percentages, quarters and dates are formatted by lib/format and
 * lib/period and passed in as strings: the words never format numbers.
 * Status words come from lib/progress/progress.ts (STATUS_LABELS), comparator
 * words from lib/targets/comparator.ts; they are not repeated here.
 */
import { SHIPPED_RESOLUTION, homeWords, type HomeWords } from "./home";
import type { Locale } from "./locales";

function viWords(h: HomeWords) {
  const P = h.province;
  const programmeVi = h.ownResolution ? `Nghị quyết ${SHIPPED_RESOLUTION.code}` : "chương trình";
  return {
    languageName: "Tiếng Việt",
    meta: {
      siteName: `Theo dõi chuyển đổi số ${P.short}`,
      titleSuffix: `Theo dõi chuyển đổi số ${P.short}`,
      homeTitle: `Theo dõi chuyển đổi số — ${P.vi}`,
      homeDescription:
        `Tiến độ thực hiện các mục tiêu của ${programmeVi} về chuyển đổi số ${P.vi} giai đoạn 2021–2025, định hướng đến năm 2030: số liệu đã được phê duyệt, cập nhật theo quý.`,
      /** The staff pages' description (components/root-document.tsx). */
      staffDescription: `Tiến độ thực hiện các mục tiêu của ${programmeVi} về chuyển đổi số ${P.vi} giai đoạn 2021–2025, định hướng đến năm 2030.`,
      indicatorDescription: (name: string) =>
        `${name}: số liệu theo quý đã được phê duyệt, mục tiêu năm 2025 và 2030 của ${programmeVi}, phân tổ theo huyện, xã và phương pháp tính.`,
      methodologyTitle: "Phương pháp tính",
      methodologyDescription:
        `Cách tính tỷ lệ và cộng dồn, cách xác định trạng thái và dự báo, cách xử lý cải cách hành chính năm 2025${h.mergedShort ? ` và việc sáp nhập ${h.mergedShort}` : ""}, ý nghĩa của dữ liệu minh họa.`,
      dataTitle: "Tải dữ liệu",
      dataDescription:
        `Tải về mọi số liệu đã được phê duyệt và công bố của Chương trình chuyển đổi số ${P.vi}, dạng CSV và JSON, với các cột ổn định được mô tả đầy đủ.`,
      notFoundTitle: "Không tìm thấy trang",
    },
    chrome: {
      skipLink: "Bỏ qua, đến nội dung chính",
      navLabel: "Các trang công khai",
      home: "Trang chủ",
      methodology: "Phương pháp tính",
      data: "Tải dữ liệu",
      languageSwitchLabel: "Ngôn ngữ",
      breadcrumbLabel: "Vị trí trang",
      footerApprovedOnly:
        `Trang này chỉ công bố số liệu đã được phê duyệt. ${h.ownResolution ? `Chỉ tiêu, mục tiêu và trích dẫn theo Nghị quyết số ${SHIPPED_RESOLUTION.code} của Ban Chấp hành Đảng bộ ${P.vi}.` : `Chỉ tiêu và mục tiêu theo chương trình chuyển đổi số của ${P.vi}.`}`,
      staffSignIn: "Đăng nhập dành cho cán bộ nhập và duyệt số liệu",
      staffArea: "Khu vực cán bộ",
      staffAreaSignedIn: "Đã đăng nhập: {name} — khu vực làm việc",
    },
    demo: {
      title: "Dữ liệu minh họa.",
      body:
        `Các số liệu trên trang này là dữ liệu demo được tạo tự động để trình diễn phần mềm, không phải số liệu chính thức của ${P.vi}. ${h.ownResolution ? `Chỉ tiêu và mục tiêu là của Nghị quyết ${SHIPPED_RESOLUTION.code}.` : "Chỉ tiêu và mục tiêu là của một chương trình minh họa, không phải văn bản thật."}`,
    },
    groups: {
      DIGITAL_GOVERNMENT: "Chính quyền số",
      DIGITAL_ECONOMY: "Kinh tế số",
      DIGITAL_SOCIETY: "Xã hội số",
      INFRASTRUCTURE: "Hạ tầng số",
    },
    home: {
      heading: `Theo dõi chuyển đổi số ${P.vi}`,
      intro:
        h.ownResolution
          ? `Tiến độ các mục tiêu của Nghị quyết số ${SHIPPED_RESOLUTION.code} của Ban Chấp hành Đảng bộ ${P.typeVi} về Chương trình chuyển đổi số giai đoạn 2021–2025, định hướng đến năm 2030.`
          : `Tiến độ các mục tiêu chuyển đổi số của ${P.vi} giai đoạn 2021–2025, định hướng đến năm 2030.`,
      asOf: (quarter: string) => `Chỉ hiển thị số liệu đã được phê duyệt; trạng thái tính đến ${quarter}.`,
      readStatus: "Cách xác định trạng thái và dự báo",
      summaryHeading: "Tóm tắt",
      summary: (count: string) => `${count} mục tiêu có ngưỡng số:`,
      summaryNote: (goals: string, rows: string) =>
        `Một chỉ tiêu có thể có mục tiêu năm 2025 và năm 2030, và chỉ tiêu theo ngành có mục tiêu cho từng ngành: ${goals} mục tiêu thuộc ${rows} chỉ tiêu (theo ngành).`,
      groupTargets: (group: string) => `Mục tiêu ${group.toLowerCase()}`,
      filterOnly: (status: string, count: string) => `Chỉ hiện chỉ tiêu có mục tiêu “${status}” (${count})`,
      filterShowing: (status: string) => `Đang chỉ hiện chỉ tiêu có mục tiêu “${status}”.`,
      filterAll: "Hiện tất cả",
    },
    card: {
      latest: "Số liệu toàn tỉnh mới nhất",
      approvedOn: (date: string) => `duyệt ngày ${date}`,
      coverage: (reported: string, expected: string, share: string) => `${reported}/${expected} đơn vị đã báo cáo (${share})`,
      lowCoverage: (min: string) => `Độ phủ dưới ${min}: số liệu này chưa được dùng để đánh giá trạng thái.`,
      noFigure: "Chưa có số liệu được duyệt",
      noTarget: "Chỉ tiêu được theo dõi; chưa chương trình nào đặt mục tiêu cho chỉ tiêu này nên không có đánh giá tiến độ.",
      sector: (name: string) => `Ngành, lĩnh vực: ${name}`,
      goal: (year: string) => `Mục tiêu năm ${year}`,
      meetsNow: "Số liệu mới nhất đạt mục tiêu này",
      notMeetsNow: "Số liệu mới nhất chưa đạt mục tiêu này",
      finalVerdict: (quarter: string, value: string) => `Kết luận cuối cùng, theo số liệu ${quarter}: ${value}`,
      sinceThen: (quarter: string, value: string) => `Sau đó: ${value} (${quarter}); kết luận không đổi.`,
      gap: (gap: string) => `Cách mục tiêu: ${gap}`,
      levelEnded: (level: string, date: string, last: string) =>
        `Cấp ${level} không còn từ ngày ${date}, trước hạn của mục tiêu: không còn số liệu nào để đánh giá mục tiêu này. Số liệu cuối cùng: ${last}.`,
      levelEndedNoFigure: (level: string, date: string) =>
        `Cấp ${level} không còn từ ngày ${date}, trước hạn của mục tiêu, và chưa có số liệu nào: không còn đánh giá được mục tiêu này.`,
      levelEndedMet: (level: string, date: string) => `Cấp ${level} không còn từ ngày ${date}: đây là số liệu cuối cùng của cấp này, và nó đã đạt mục tiêu.`,
      resolutionTerritoryRebuilt: (date: string) =>
        `Đánh giá trên địa giới ${P.vi} trước ngày ${date}, địa bàn Nghị quyết áp dụng: số liệu các quý từ ngày đó được tính lại từ các xã, phường nằm trọn trong địa giới cũ.`,
      resolutionTerritoryLast: (date: string) =>
        `Đánh giá trên địa giới ${P.vi} trước ngày ${date}, địa bàn Nghị quyết áp dụng: số liệu từ ngày đó là của tỉnh sau sáp nhập, không tách được phần địa giới cũ, nên kết luận dựa trên số liệu cuối cùng của địa giới cũ.`,
      trendFrom: (quarter: string) => `Xu hướng chỉ tính từ ${quarter}, trên địa giới hiện nay; các quý trước là của địa giới cũ.`,
      yearlyWindow: (first: string, last: string) => `Tỷ lệ năm: Σ tử số / Σ mẫu số của 4 quý, từ ${first} đến ${last}`,
      referenceYear: (year: string) => `năm ${year}`,
      rankOf: (rank: string, of: string) => `${rank}/${of}`,
      nationalLine: (programme: string, target: string) => `Mục tiêu quốc gia (${programme}): ${target}`,
      nationalMeets: " — số liệu mới nhất đạt mức này.",
      nationalNotMeets: " — số liệu mới nhất chưa đạt mức này.",
      yearlyRule: "Chỉ tiêu này là tỷ lệ năm: mỗi giá trị, và trạng thái, tính trên 4 quý đến quý đó (Σ tử số / Σ mẫu số); mục tiêu của một năm được đánh giá trên tỷ lệ của cả năm đó.",
      stale: (latest: string, reference: string, quarters: string) =>
        `Số liệu mới nhất, ${latest}, cũ hơn ${quarters} quý so với ${reference}: không đủ căn cứ để đánh giá.`,
      unitEnded: (date: string) => `Đơn vị không còn từ ngày ${date}, trước hạn của mục tiêu.`,
      unitStale: (quarters: string, reference: string) => `Số liệu mới nhất cũ ${quarters} quý so với ${reference}.`,
      progress: (share: string) => `Đã đi được ${share} quãng đường từ mức gốc đến mục tiêu`,
      progressBehind: "Đang xa mục tiêu hơn mức gốc",
      trend: (count: string, first: string, last: string) => `Xu hướng ${count} quý gần nhất: từ ${first} đến ${last}`,
      expectedByNow: (value: string, quarter: string, year: string) => `Theo lộ trình đến mục tiêu ${year}, ${quarter} lẽ ra đạt ${value}`,
      qualitative: "Mục tiêu định tính, không có ngưỡng số",
    },
    indicator: {
      goalsHeading: "Mục tiêu theo chương trình",
      clauseSourceLabel: "Nguồn",
      baseline: (value: string, date: string) => `Mức gốc: ${value}, ngày ${date}`,
      assumedBaselineDate: "ngày là giả định: văn bản nguồn không ghi ngày",
      demoBaseline: "mức gốc minh họa, không có trong văn bản nguồn",
      firstFigureBaseline: (value: string, quarter: string) =>
        `Văn bản nguồn không nêu mức gốc. Mức gốc là số liệu công bố đầu tiên đủ độ phủ từ Quý I/2021: ${value} (${quarter}); cố định, mọi trang dùng cùng giá trị này.`,
      noBaseline: "Chưa có mức gốc: văn bản nguồn không nêu, và chưa có số liệu công bố đủ độ phủ.",
      seriesHeading: "Diễn biến theo quý",
      tableCaption: (name: string) => `Số liệu toàn tỉnh theo quý: ${name}`,
      quarter: "Quý",
      value: "Giá trị",
      numerator: "Tử số",
      denominator: "Mẫu số",
      reported: "Đơn vị báo cáo",
      lowCoverage: "độ phủ thấp: không dùng để đánh giá",
      pace: (year: string) => `Lộ trình ${year}`,
      approvedOn: "Ngày duyệt",
      territoryBreak: h.mergedVi ? `Từ quý này: ${P.vi} mới, gồm cả địa bàn ${h.mergedVi} cũ` : `Từ quý này: ${P.vi} theo địa giới hai cấp, không còn cấp huyện`,
      projectionRow: (year: string) => `Dự báo cuối năm ${year}`,
      noData: "Chưa có số liệu nào của chỉ tiêu này được phê duyệt.",
      methodologyHeading: "Cách tính",
      downloadsHeading: "Tải số liệu của chỉ tiêu",
      downloadsIntro: "Mọi số liệu đã công bố của chỉ tiêu này, theo mọi đơn vị và mọi quý, cùng các cột với tệp tải về toàn bộ.",
      downloadXlsx: "Excel (.xlsx)",
      downloadCsvVi: "CSV cho Excel tiếng Việt (dấu phẩy thập phân, phân cách bằng dấu chấm phẩy)",
      downloadCsv: "CSV quốc tế (dấu chấm thập phân, phân cách bằng dấu phẩy)",
      sourceHeading: "Nguồn",
      responsible: (name: string) => `Cơ quan chịu trách nhiệm: ${name}`,
      retired: (quarter: string) => `Chỉ tiêu thôi theo dõi từ ${quarter}: không còn số liệu từ quý này; số liệu đã công bố vẫn giữ nguyên.`,
      levels: (levels: string) => `Cấp nhập số liệu: ${levels}`,
      status: (year: string) => `Trạng thái so với mục tiêu năm ${year}`,
      projection: (year: string, value: string) => `Xu hướng hiện tại dự báo cuối năm ${year}: ${value}`,
      backToHome: "Về trang chủ: tất cả mục tiêu",
    },
    levels: { PROVINCE: "tỉnh", DISTRICT: "huyện", COMMUNE: "xã" },
    chart: {
      caption: (name: string) => `Biểu đồ diễn biến theo quý: ${name}`,
      actual: "Số liệu toàn tỉnh đã duyệt",
      baseline: "Mức gốc",
      pace: (year: string) => `Lộ trình đến mục tiêu ${year}`,
      target: (year: string) => `Mục tiêu ${year}`,
      projection: "Xu hướng dự báo",
      merger: h.mergedShort ? `Sáp nhập ${h.mergedShort} (01/07/2025)` : "Bỏ cấp huyện (01/07/2025)",
      summary: (first: string, last: string) => `Số liệu từ ${first} đến ${last}.`,
      summaryTargets: (targets: string) => `Mục tiêu: ${targets}.`,
      summaryProjection: (value: string) => `Xu hướng hiện tại dự báo: ${value}.`,
      tableHint: "Bảng bên dưới có cùng các số liệu.",
      legend: "Chú giải",
    },
    breakdown: {
      heading: "Theo huyện và xã",
      intro:
        `Mỗi quý được phân tổ theo địa giới hành chính của chính quý đó: đến hết quý II/2025 theo huyện, xã cũ; từ quý III/2025 theo ${P.communes} xã, phường của ${P.vi} mới.`,
      pick: "Chọn quý",
      show: "Xem",
      province: (name: string) => name,
      formerProvince: (name: string) => `${name} (cũ, nay thuộc ${P.vi})`,
      notInTotal: `Trước 01/07/2025 không thuộc số liệu toàn ${P.vi}.`,
      coverage: (reported: string, expected: string, share: string) =>
        `Đã báo cáo ${reported}/${expected} đơn vị (${share})`,
      district: "Huyện, thành phố",
      unit: "Đơn vị",
      coverageColumn: "Đã báo cáo / phải báo cáo",
      notReported: "Chưa báo cáo",
      unitsList: (count: string) => `Danh sách ${count} đơn vị và số liệu từng đơn vị`,
      districtsCaption: (quarter: string) => `Theo huyện, ${quarter}`,
      unitsCaption: (quarter: string) => `Theo từng đơn vị, ${quarter}`,
      noBreakdown: "Chỉ tiêu này chỉ nhập một số liệu cho toàn tỉnh.",
      noQuarters: "Chưa có số liệu cấp huyện, xã nào được phê duyệt.",
      districtsEnded: "Cấp huyện chấm dứt hoạt động từ 01/07/2025: từ quý III/2025 không còn số liệu theo huyện.",
    },
    revisions: {
      heading: "Lịch sử công bố",
      summary: (published: string, revised: string) =>
        `${published} số liệu đã được công bố; ${revised} số liệu được sửa và công bố lại.`,
      none: "Chưa có số liệu nào được sửa sau khi công bố.",
      caption: "Các số liệu đã được công bố lại, mọi phiên bản",
      revision: "Lần công bố",
      unit: "Đơn vị",
      supersededOn: "Bị thay thế ngày",
      current: "Hiện hành",
    },
    methodology: {
      heading: "Phương pháp tính",
      approvedHeading: "Chỉ công bố số liệu đã được phê duyệt",
      approved: [
        "Cán bộ các sở, ngành nhập số liệu theo quý và nộp để duyệt; một người khác, được giao quyền duyệt, phê duyệt hoặc trả lại. Chỉ khi được phê duyệt, số liệu mới được ghi thành một bản công bố và xuất hiện trên các trang này và trong các tệp tải về.",
        "Số liệu đang nhập, đang chờ duyệt hoặc bị trả lại không bao giờ được hiển thị. Khi một số liệu đã công bố được sửa và duyệt lại, bản mới thay thế bản cũ; bản cũ vẫn được giữ trong lịch sử công bố của chỉ tiêu.",
      ],
      ratesHeading: "Cách tính tỷ lệ và cộng dồn",
      rates: [
        "Chỉ tiêu dạng tỷ lệ được nhập bằng tử số và mẫu số, không nhập sẵn phần trăm. Tỷ lệ của một huyện, của toàn tỉnh hay của nhiều quý bằng tổng tử số chia tổng mẫu số (Σ tử số / Σ mẫu số), không bao giờ là trung bình cộng các tỷ lệ: một xã có 1/2 hồ sơ và một xã có 99/100 hồ sơ cho 100/102 = 98,04%, không phải (50% + 99%) / 2 = 74,5%.",
        "Chỉ tiêu dạng số lượng (doanh nghiệp số, điểm thu phát sóng, bộ dữ liệu mở) là số có tại ngày cuối quý, không cộng các quý với nhau. Chỉ tiêu “tăng, giảm so với gốc” được tính bằng (giá trị quý − giá trị gốc) / giá trị gốc × 100%. Xếp hạng DTI là thứ hạng trong cả nước: số nhỏ hơn là tốt hơn, không cộng dồn.",
        "Mức độ đầy đủ của số liệu = số đơn vị đã báo cáo / số đơn vị phải báo cáo. Đơn vị phải báo cáo là các đơn vị hành chính còn tồn tại vào ngày cuối quý, ở cấp nhập số liệu của chỉ tiêu.",
      ],
      statusHeading: "Trạng thái và dự báo",
      status: [
        "Mỗi mục tiêu (năm 2025, năm 2030) được so với số liệu toàn tỉnh mới nhất đã được phê duyệt, theo đúng lời văn của Nghị quyết: “trên 90%” là lớn hơn hẳn 90%, nên 90,00% chưa đạt; “tối thiểu 10%” là từ 10% trở lên.",
        "Đường lộ trình nối mức gốc, tại ngày của mức gốc, với giá trị mục tiêu vào ngày cuối cùng của năm mục tiêu, theo một đường thẳng. Mức gốc là một giá trị cố định, như nhau trên mọi trang (trang công khai, bảng điều hành, dữ liệu mở): mức gốc nêu trong bài viết về Nghị quyết, ghi ngày 31/12/2020 — ngày giả định, vì bài viết không ghi ngày và “đến nay” được hiểu là trước chương trình 2021–2025; khi không có, là số liệu công bố đầu tiên đủ độ phủ (ít nhất 80% đơn vị báo cáo) từ Quý I/2021, tại ngày cuối của quý đó. Mức gốc không dịch chuyển theo khoảng thời gian một trang đang xem.",
      ],
      projection: (window: string, minimum: string) =>
        `Dự báo là đường thẳng bình phương tối thiểu qua tối đa ${window} quý gần nhất có số liệu (cần ít nhất ${minimum} quý), kéo dài đến cuối năm mục tiêu. Tỷ số r = (giá trị dự báo − mức gốc) / (mục tiêu − mức gốc) là phần quãng đường từ mức gốc đến mục tiêu mà xu hướng hiện tại sẽ đi được.`,
      feasible: (ratio: string, rank: string, change: string) =>
        `Một đường thẳng có thể vượt quá giá trị mà chỉ tiêu có thể có, nên dự báo được đưa về khoảng khả thi trước khi tính r: tỷ lệ trong khoảng ${ratio}; số lượng là số nguyên, không âm; thứ hạng là số nguyên, nhỏ nhất là ${rank}; mức thay đổi so với gốc của một số lượng không thấp hơn ${change}. Ví dụ, xu hướng kéo đến 108,36% được ghi là 100,00% và r được tính trên 100%.`,
      thresholdsCaption: "Trạng thái theo thứ tự xét",
      statusColumn: "Trạng thái",
      ruleColumn: "Khi nào",
      ruleAchieved: "Số liệu mới nhất đạt mục tiêu.",
      ruleInsufficient: (minimum: string) => `Có ít hơn ${minimum} quý có số liệu, chưa đủ để tính xu hướng.`,
      ruleOnTrack: (onTrack: string) => `r ≥ ${onTrack}.`,
      ruleNeedsAcceleration: (low: string, high: string) => `${low} ≤ r < ${high}.`,
      ruleOffTrack: (low: string, high: string) => `${low} ≤ r < ${high}.`,
      ruleRegressing: (low: string) => `r < ${low}: xu hướng đang đi xa mục tiêu.`,
      ruleMissed: "Năm mục tiêu đã kết thúc mà số liệu mới nhất đến hết quý IV của năm đó không đạt mục tiêu.",
      ruleUnassessable: (quarters: string) =>
        `Cấp của mục tiêu không còn đơn vị hành chính nào từ trước hạn của mục tiêu và số liệu cuối cùng của cấp đó chưa đạt; hoặc số liệu mới nhất cũ hơn ${quarters} quý so với quý được đánh giá.`,
      final:
        "Khi năm mục tiêu đã kết thúc, kết luận là cuối cùng: Đã đạt hoặc Không đạt, dựa trên số liệu mới nhất đến hết quý IV của năm đó, và không thay đổi theo số liệu của các năm sau. Vì vậy, từ năm 2026, mục tiêu năm 2025 chỉ còn Đã đạt, Không đạt hoặc Không còn đánh giá được.",
      unassessable: (quarters: string) =>
        `Một kết luận cần số liệu cho đúng thời điểm nó nói đến: quý đang xem, hoặc quý IV của năm mục tiêu khi năm đó đã kết thúc. Mục tiêu được ghi “Không còn đánh giá được”, kèm lý do và số liệu cuối cùng, khi (1) cấp của mục tiêu không còn tồn tại trước hạn của mục tiêu — cấp huyện chấm dứt hoạt động từ ngày 01/07/2025, nên mục tiêu cấp huyện năm 2030 không thể đánh giá; riêng khi số liệu cuối cùng của cấp đó đã đạt mục tiêu, kết luận là Đã đạt, vì không còn số liệu nào có thể thay đổi nó; hoặc (2) số liệu mới nhất cũ hơn ${quarters} quý so với thời điểm đó. Khi đó không có dự báo, không có mức tăng cần mỗi quý và không có khoảng cách đến mục tiêu; đơn vị hành chính đã giải thể cũng vậy trong bảng phân tổ.`,
      finished:
        "Với mục tiêu đã hết năm, mọi trang ghi kết luận cùng số liệu làm căn cứ của nó (quý và giá trị). Số liệu mới hơn, nếu có, được ghi riêng trên dòng “Sau đó” và không làm thay đổi kết luận. Khoảng cách đến mục tiêu được tính trên chính số liệu làm căn cứ và ghi kèm đơn vị (điểm %, doanh nghiệp, hạng), với dấu + hoặc −.",
      coverageRule: (min: string) =>
        `Độ phủ: một giá trị toàn tỉnh cộng từ các xã hoặc huyện được ghi kèm số đơn vị đã báo cáo trên số đơn vị phải báo cáo trong quý đó (ví dụ 47/92 đơn vị, 51%). Quý có độ phủ dưới ${min} vẫn được hiển thị, có đánh dấu, nhưng không được dùng để tính trạng thái, dự báo hay mức tăng cần mỗi quý: một tỷ lệ từ một nửa số xã cho biết ai đã báo cáo nhiều hơn là cho biết cả tỉnh. Số liệu cấp tỉnh (một đơn vị) thì có hoặc không.`,
      pending:
        "Kết luận chỉ dựa trên số liệu đã được duyệt. Bảng điều hành của cán bộ hiện cả số liệu đang chờ duyệt (đánh dấu ⏳), nhưng một quý còn số liệu chờ duyệt không được dùng để tính trạng thái, dự báo hay mức tăng cần mỗi quý cho đến khi được duyệt; trang công khai chỉ có số liệu đã duyệt.",
      yearlyRate:
        "Tỷ lệ năm: chỉ tiêu mà cách tính định nghĩa một tỷ lệ của cả năm (tỷ lệ người dân, doanh nghiệp hài lòng với dịch vụ công trực tuyến: Σ tử số / Σ mẫu số của bốn quý) được theo dõi và đánh giá trên tỷ lệ đó: giá trị của mỗi quý là bốn quý đến quý đó, đúng bằng tỷ lệ năm ở quý IV, nên mục tiêu của một năm được đánh giá trên tỷ lệ của cả năm, không trên một quý. Chỉ tính khi đủ bốn quý trên cùng một địa giới; bốn quý có số liệu chờ duyệt, hoặc có một quý độ phủ dưới ngưỡng, không được dùng để đánh giá.",
      yearlyValues:
        "Giá trị năm trong dữ liệu mở (/api/v1/aggregates?period=year và tệp “Theo năm”): mỗi chỉ tiêu ghi số liệu một quý mô tả kỳ nào. Chỉ tiêu đếm việc xảy ra trong quý (hồ sơ tiếp nhận, hồ sơ công việc, phiếu đánh giá) cộng các quý đã công bố của năm: tỷ lệ năm là Σ tử số / Σ mẫu số của các quý, không phải trung bình tỷ lệ các quý; đủ năm khi có cả 4 quý, độ phủ là của quý thấp nhất. Chỉ tiêu là tình trạng tại ngày cuối quý (doanh nghiệp số, dịch vụ công mức độ 4, hộ có băng rộng), chỉ tiêu lũy kế từ đầu năm (tỷ trọng kinh tế số trong GRDP) và thứ hạng lấy quý cuối cùng đã công bố của năm, có ghi quý đó; đủ năm khi đó là quý IV. Với thứ hạng DTI, đó là ấn bản đã công bố đến quý đó, tức ấn bản về năm trước (xem Kỳ tham chiếu). Năm 2025 có hai dòng cho toàn tỉnh: tỉnh cũ (quý I–II) và tỉnh sau sáp nhập (quý III–IV), không cộng lẫn hai địa giới.",
      editions:
        `Kỳ tham chiếu: một chỉ số công bố mỗi năm một lần về năm trước đó (DTI của năm Y được công bố trong năm Y + 1) có các ấn bản được ghi lại, mỗi ấn bản với năm tham chiếu, ngày công bố và số tỉnh được xếp hạng. Số liệu nhập trong một quý là ấn bản mới nhất đã công bố đến ngày cuối quý, nên được đặt vào năm tham chiếu của ấn bản đó, không vào quý báo cáo: mục tiêu của một năm được đánh giá trên ấn bản về chính năm đó, và độ cũ của số liệu tính từ quý báo cáo gần nhất. Thứ hạng trong 63 tỉnh (đến DTI 2024) và trong 34 tỉnh (từ DTI 2025) không phải một chuỗi: xu hướng chỉ tính từ ấn bản đầu tiên của cách xếp hạng hiện tại. Mục tiêu năm 2025 đặt cho ${P.vi} cũ trong 63 tỉnh, nên được đánh giá trên ấn bản cuối cùng về tỉnh cũ (DTI 2024); DTI 2025 xếp hạng tỉnh sau sáp nhập trong 34 tỉnh. Quý trước ấn bản đầu tiên được ghi lại không được đặt vào năm nào và không được dùng.`,
      comparison: (onTrack: string, acceleration: string) =>
        `So với các phương pháp quen thuộc: Open SDG (theo Thống kê Canada) và Biểu đồ tiến độ SDG của Cơ quan Thống kê Liên Hợp Quốc so tốc độ tăng thực tế với tốc độ cần để đạt mục tiêu đúng hạn, theo tốc độ tăng bình quân kép hằng năm giữa hai thời điểm. Ở đây tỷ số r cũng là tốc độ thực tế so với tốc độ cần, nhưng theo đường thẳng (xu hướng bình phương nhỏ nhất của các quý gần nhất), vì phần lớn chỉ tiêu là tỷ lệ bị chặn ở 100% và có chỉ tiêu xếp hạng, nơi tăng trưởng kép không có nghĩa. Ngưỡng ${onTrack} giống cả hai; ngưỡng ${acceleration} giống Liên Hợp Quốc (Open SDG dùng 60%).`,
      counting:
        "Trang chủ đếm mục tiêu: một chỉ tiêu có thể có mục tiêu năm 2025 và năm 2030, và chỉ tiêu kinh tế số theo ngành có mục tiêu cho từng ngành. Bảng điều hành có một dòng cho mỗi chỉ tiêu (mỗi ngành), nên có ít dòng hơn số mục tiêu; nó đếm mục tiêu theo cùng cách với trang chủ, và con số trong bộ lọc trạng thái là số dòng có ít nhất một mục tiêu ở trạng thái đó.",
      progressShare:
        "Tiến độ ghi trên trang chủ là phần quãng đường đã đi được: (số liệu mới nhất − mức gốc) / (mục tiêu − mức gốc).",
      reformHeading: h.mergedShort ? `Cải cách hành chính năm 2025 và việc sáp nhập ${h.mergedShort}` : "Cải cách hành chính năm 2025",
      reform: [
        h.mergedVi
          ? `Từ ngày 01/07/2025, cấp huyện chấm dứt hoạt động và ${h.mergedVi} được sáp nhập vào ${P.vi}; các xã, phường, thị trấn của ${h.oldProvincesVi} tỉnh được sắp xếp lại thành ${P.communes} xã, phường của ${P.vi} mới.`
          : `Từ ngày 01/07/2025, cấp huyện chấm dứt hoạt động; các xã, phường, thị trấn của ${P.vi} được sắp xếp lại thành ${P.communes} xã, phường.`,
        `Mỗi số liệu gắn với đơn vị hành chính tại thời điểm báo cáo. ${h.mergedShort ? `Số liệu đến hết quý II/2025 được cộng lên ${P.vi} cũ (không gồm ${h.mergedShort}); từ quý III/2025 được cộng lên ${P.vi} mới (gồm cả địa bàn ${h.mergedShort} cũ). Vì địa giới thay đổi,` : `Số liệu đến hết quý II/2025 được cộng lên ${P.vi} trước ngày 01/07/2025; từ quý III/2025 lên ${P.vi} theo địa giới hai cấp. Vì các đơn vị hành chính thay đổi,`} chuỗi số liệu toàn tỉnh có một điểm gãy ở quý III/2025; điểm gãy được đánh dấu trên biểu đồ và trong bảng, không bị làm trơn.`,
        h.mergedShort
          ? `Vì vậy xu hướng và dự báo chỉ tính trên các quý của địa giới hiện nay (từ quý III/2025): các quý trước vẫn được hiển thị nhưng không được nối vào đường xu hướng, vì mức tăng vọt khi sáp nhập (ví dụ số doanh nghiệp số) không phải là tiến bộ. Mục tiêu năm 2025 được đánh giá trên địa giới mà Nghị quyết áp dụng, ${P.vi} trước ngày 01/07/2025: với chỉ tiêu nhập theo xã, số liệu quý III và IV/2025 được tính lại từ các xã, phường mới nằm trọn trong địa giới cũ (không xã mới nào vượt qua ranh giới ${h.oldProvincesVi} tỉnh cũ), nên chính xác; với chỉ tiêu do tỉnh báo cáo một số chung, số liệu sau sáp nhập không tách được, nên kết luận dựa trên số liệu cuối cùng của tỉnh cũ (quý II/2025). Mỗi kết luận như vậy ghi rõ địa giới nó dựa trên.`
          : "Vì vậy xu hướng và dự báo chỉ tính trên các quý của địa giới hiện nay (từ quý III/2025): các quý trước vẫn được hiển thị nhưng không được nối vào đường xu hướng.",
        "Chỉ tiêu cấp huyện chỉ có số liệu đến hết quý II/2025. Chỉ tiêu cấp xã được nhập theo xã cũ đến hết quý II/2025 và theo xã mới từ quý III/2025. Bảng phân tổ trên trang công khai dùng địa giới của chính quý đó. Bảng điều hành của cán bộ có thêm cách xem “Từ 01/07/2025”, tính lại lịch sử của mỗi xã mới từ các xã cũ hợp thành nó; một xã cũ chỉ nhập một phần vào xã mới được phân bổ theo tỷ lệ mà quản trị ghi kèm nguồn (tử số, mẫu số và giá trị nhân với tỷ lệ); khi chưa có tỷ lệ, số liệu của nó được tính trọn, đánh dấu là lịch sử tham khảo, và không bao giờ được dùng để đánh giá trạng thái của xã mới. Dữ liệu mở ghi tỷ lệ của từng quan hệ kế thừa (weight).",
        "Từ ngày 01/03/2025, Sở Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ. Mỗi số liệu giữ cơ quan chịu trách nhiệm tại thời điểm nhập.",
      ],
      demoHeading: "Dữ liệu minh họa",
      demo: [
        "Khi phần mềm chạy ở chế độ trình diễn, số liệu được sinh tự động bằng một bộ sinh số giả ngẫu nhiên cố định để minh họa cách các trang hoạt động; đó không phải số liệu chính thức.",
        `Mọi trang có số liệu minh họa đều có thông báo ở đầu trang; các tệp tải về có cột is_demo. ${h.ownResolution ? `Chỉ tiêu, mục tiêu và trích dẫn là của Nghị quyết ${SHIPPED_RESOLUTION.code}; mức gốc ghi là minh họa là số giả định, vì Nghị quyết không nêu.` : "Chỉ tiêu và mục tiêu là của một chương trình minh họa; mức gốc ghi là minh họa là số giả định."}`,
      ],
      indicatorsHeading: "Cách tính từng chỉ tiêu",
    },
    data: {
      heading: "Tải dữ liệu",
      intro:
        "Mọi số liệu đã được phê duyệt và công bố, từng đơn vị, từng quý: mỗi dòng là bản công bố hiện hành của một số liệu. Số liệu chưa được duyệt không có trong các tệp này.",
      csv: "Tải tệp CSV: mọi số liệu đã công bố",
      json: "Tải tệp JSON: mọi số liệu đã công bố",
      counts: (figures: string, indicators: string, latest: string) =>
        `${figures} số liệu của ${indicators} chỉ tiêu; lần phê duyệt gần nhất ngày ${latest}.`,
      empty: "Chưa có số liệu nào được công bố.",
      formatHeading: "Định dạng",
      format: [
        "CSV: mã UTF-8 có BOM (Excel mở đúng tiếng Việt), phân cách bằng dấu phẩy, xuống dòng CRLF, dòng đầu là tên cột. Số viết với dấu chấm thập phân và không có dấu phân cách hàng nghìn, để máy đọc được; ô trống là không có giá trị.",
        "JSON: một đối tượng với phiên bản lược đồ, thời điểm tạo, danh sách cột và mảng figures, mỗi phần tử có đúng các cột của tệp CSV.",
        "Tên và ý nghĩa các cột không thay đổi; cột mới, nếu có, được thêm vào cuối.",
      ],
      sdmxHeading: "SDMX-CSV cho cơ quan thống kê",
      sdmx: "Cùng các số liệu đã công bố theo định dạng SDMX-CSV 2.0 mà cơ quan thống kê và Open SDG trao đổi: mỗi dòng một quan sát của luồng dữ liệu VN_TN:DF_DX_TRACKER(1.0), với các chiều FREQ, INDICATOR, REF_AREA (mã đơn vị hành chính; mã được dùng lại sau 01/07/2025 kèm ngày bắt đầu, ví dụ 01849_20250701), SECTOR (_Z: không chia ngành), TIME_PERIOD (2026-Q3); OBS_VALUE là tỷ lệ % với chỉ tiêu tỷ lệ; OBS_STATUS là A (chính thức), P (sơ bộ), E (ước tính). Mọi mã có trong tệp danh mục mã.",
      sdmxData: "Dữ liệu SDMX-CSV",
      sdmxCodelists: "Danh mục mã (codelist)",
      aggregatesHeading: "Số liệu tổng hợp, có độ phủ",
      aggregates:
        `Số liệu đã công bố cộng lên toàn tỉnh và từng huyện (huyện chỉ đến hết quý II/2025), theo quý và theo năm, với đúng các cột của /api/v1/aggregates: tỷ lệ là Σ tử số / Σ mẫu số của các đơn vị đã báo cáo, kèm số đơn vị đã báo cáo, số phải báo cáo và độ phủ; giá trị dưới ngưỡng độ phủ được đánh dấu. Toàn tỉnh đến hết quý II/2025 là ${P.vi} cũ, từ quý III/2025 là tỉnh sau sáp nhập (các cột area_*). Giá trị năm theo period_basis: chỉ tiêu đếm việc xảy ra trong quý cộng các quý (complete khi đủ 4 quý); chỉ tiêu là tình trạng tại ngày cuối quý hoặc lũy kế từ đầu năm, và thứ hạng, lấy quý cuối cùng đã công bố (complete khi là quý IV) — cách tính ở trang Phương pháp. Mỗi dòng có is_demo như tệp số liệu.`,
      aggregatesQuarterly: "Theo quý (CSV)",
      aggregatesYearly: "Theo năm (CSV)",
      columnsCaption: "Các cột của tệp tải về",
      column: "Cột",
      type: "Kiểu",
      meaning: "Ý nghĩa",
    },
    programmes: {
      shown: "Đang hiển thị các mục tiêu của",
      period: (start: string, end: string, vision: string | null) => (vision ? `giai đoạn ${start}–${end}, tầm nhìn ${vision}` : `giai đoạn ${start}–${end}`),
      status: { IN_FORCE: "đang có hiệu lực", ENDED: "đã kết thúc", SUPERSEDED: "đã được thay thế" },
      supersededBy: (code: string) => `được thay thế bởi ${code}`,
      targets: (count: string) => `${count} mục tiêu`,
      others: "Các chương trình khác của tỉnh",
      othersNote: "Chương trình đã kết thúc vẫn xem được, với kết luận cuối cùng của từng mục tiêu.",
      national: "Chương trình quốc gia (mức tham chiếu, không đánh giá tại đây)",
      nationalNote: "Mục tiêu của tỉnh trả lời mục tiêu quốc gia nào thì thẻ của mục tiêu đó ghi mức quốc gia bên cạnh.",
      backHome: "Về chương trình đang có hiệu lực",
      metaDescription: (code: string, title: string) => `Tiến độ các mục tiêu của ${code}: ${title}. Chỉ số liệu đã được phê duyệt.`,
    },
    values: {
      changeUp: (percent: string) => `tăng ${percent} so với gốc`,
      changeDown: (percent: string) => `giảm ${percent} so với gốc`,
      rank: (rank: string) => `hạng ${rank}`,
      goalTop: (count: string) => `trong nhóm ${count} tỉnh dẫn đầu`,
      goalChangeUp: (percent: string) => `tăng ít nhất ${percent}`,
      goalChangeDown: (percent: string) => `giảm ít nhất ${percent}`,
      gapPoints: "điểm %",
      gapPlaces: "hạng",
    },
    notFound: {
      heading: "Không tìm thấy trang này",
      body: "Địa chỉ này không phải một trang công khai, hoặc mã chỉ tiêu trong địa chỉ không có trong danh mục chỉ tiêu.",
    },
  };
}

/** The shape of a dictionary: vi's keys, with plain string (not literal) values. */
export type Dictionary = ReturnType<typeof viWords>;

function enWords(h: HomeWords): Dictionary {
  const P = h.province;
  const programmeEn = h.ownResolution ? `Resolution ${SHIPPED_RESOLUTION.code}` : "the programme";
  return {
    languageName: "English",
    meta: {
      siteName: `${P.short} digital transformation tracker`,
      titleSuffix: `${P.short} digital transformation tracker`,
      homeTitle: `Digital transformation tracker — ${P.en}`,
      homeDescription:
        `Progress on the targets of ${programmeEn} on digital transformation in ${P.en}, 2021–2025 with a vision to 2030: approved figures, updated every quarter.`,
      staffDescription: `Progress on the targets of ${programmeEn} on digital transformation in ${P.en}, 2021–2025 with a vision to 2030.`,
      indicatorDescription: (name: string) =>
        `${name}: approved quarterly figures, the 2025 and 2030 goals of ${programmeEn}, breakdown by district and commune, and how it is computed.`,
      methodologyTitle: "Methodology",
      methodologyDescription:
        `How rates are computed and rolled up, how status and projections are worked out, how the 2025 administrative reform${h.mergedEn ? ` and the ${h.mergedEn} merger are` : " is"} handled, and what demo data means.`,
      dataTitle: "Download the data",
      dataDescription:
        `Download every approved and published figure of ${P.short}'s digital transformation programme as CSV and JSON, with stable, documented columns.`,
      notFoundTitle: "Page not found",
    },
    chrome: {
      skipLink: "Skip to main content",
      navLabel: "Public pages",
      home: "Home",
      methodology: "Methodology",
      data: "Download the data",
      languageSwitchLabel: "Language",
      breadcrumbLabel: "Breadcrumb",
      footerApprovedOnly:
        `Only approved figures are published here. ${h.ownResolution ? `Indicators, goals and quotations follow Resolution ${SHIPPED_RESOLUTION.code} of the ${P.short} ${P.typeEnAdjective} Party Committee.` : `Indicators and goals follow the digital transformation programme of ${P.en}.`}`,
      staffSignIn: "Sign in for staff who enter and approve figures",
      staffArea: "Staff area",
      staffAreaSignedIn: "Signed in: {name} — staff area",
    },
    demo: {
      title: "Demo data.",
      body:
        `The figures on this page are demo data generated automatically to demonstrate the software; they are not official figures of ${P.en}. ${h.ownResolution ? `The indicators and goals are those of Resolution ${SHIPPED_RESOLUTION.code}.` : "The indicators and goals are those of a demo programme, not of a real document."}`,
    },
    groups: {
      DIGITAL_GOVERNMENT: "Digital government",
      DIGITAL_ECONOMY: "Digital economy",
      DIGITAL_SOCIETY: "Digital society",
      INFRASTRUCTURE: "Digital infrastructure",
    },
    home: {
      heading: `${P.short} digital transformation tracker`,
      intro:
        h.ownResolution
          ? `Progress on the targets of Resolution ${SHIPPED_RESOLUTION.code} of the ${P.typeEnAdjective} Party Committee on the digital transformation programme for 2021–2025, with a vision to 2030.`
          : `Progress on the digital transformation goals of ${P.en} for 2021–2025, with a vision to 2030.`,
      asOf: (quarter: string) => `Only approved figures are shown; status as of ${quarter}.`,
      readStatus: "How status and projections are worked out",
      summaryHeading: "Summary",
      summary: (count: string) => `${count} goals with a numeric threshold:`,
      summaryNote: (goals: string, rows: string) =>
        `An indicator can have a 2025 and a 2030 goal, and the sector indicator has goals for each sector: ${goals} goals across ${rows} indicators (and sectors).`,
      groupTargets: (group: string) => `${group} goals`,
      filterOnly: (status: string, count: string) => `Show only indicators with a goal “${status}” (${count})`,
      filterShowing: (status: string) => `Showing only indicators with a goal “${status}”.`,
      filterAll: "Show all",
    },
    card: {
      latest: "Latest province figure",
      approvedOn: (date: string) => `approved on ${date}`,
      coverage: (reported: string, expected: string, share: string) => `${reported} of ${expected} units reported (${share})`,
      lowCoverage: (min: string) => `Coverage under ${min}: this figure is not used for the status.`,
      noFigure: "No approved figure yet",
      noTarget: "Tracked indicator: no programme sets a target for it, so there is no progress verdict.",
      sector: (name: string) => `Sector: ${name}`,
      goal: (year: string) => `${year} goal`,
      meetsNow: "The latest figure meets this goal",
      notMeetsNow: "The latest figure does not meet this goal yet",
      finalVerdict: (quarter: string, value: string) => `Final verdict, on the ${quarter} figure: ${value}`,
      sinceThen: (quarter: string, value: string) => `Since then: ${value} (${quarter}); the verdict stands.`,
      gap: (gap: string) => `Gap to the goal: ${gap}`,
      levelEnded: (level: string, date: string, last: string) =>
        `The ${level} level ceased to exist on ${date}, before the goal was due: no figure can assess this goal any more. Last figure: ${last}.`,
      levelEndedNoFigure: (level: string, date: string) =>
        `The ${level} level ceased to exist on ${date}, before the goal was due, and no figure was ever approved: this goal can no longer be assessed.`,
      levelEndedMet: (level: string, date: string) => `The ${level} level ceased to exist on ${date}: this is its last figure, and it met the goal.`,
      resolutionTerritoryRebuilt: (date: string) =>
        `Assessed on ${P.en} as it was before ${date}, the territory the resolution covers: quarters from that day are recomputed from the communes and wards lying wholly inside the old border.`,
      resolutionTerritoryLast: (date: string) =>
        `Assessed on ${P.en} as it was before ${date}, the territory the resolution covers: figures from that day are the merged province's and cannot be split, so the verdict rests on the old territory's last figure.`,
      trendFrom: (quarter: string) => `The trend is fitted from ${quarter} only, on today's territory; earlier quarters are the old territory's.`,
      yearlyWindow: (first: string, last: string) => `Yearly rate: Σ numerators / Σ denominators of 4 quarters, ${first} to ${last}`,
      referenceYear: (year: string) => `${year} index`,
      rankOf: (rank: string, of: string) => `${rank} of ${of}`,
      nationalLine: (programme: string, target: string) => `National target (${programme}): ${target}`,
      nationalMeets: " — the latest figure meets it.",
      nationalNotMeets: " — the latest figure does not meet it yet.",
      yearlyRule: "This indicator is a yearly rate: each value, and the status, is computed over the 4 quarters ending with its quarter (Σ numerators / Σ denominators); a year's goal is assessed on that whole year's rate.",
      stale: (latest: string, reference: string, quarters: string) =>
        `The latest figure, ${latest}, is more than ${quarters} quarters older than ${reference}: too old to assess the goal on.`,
      unitEnded: (date: string) => `The unit ceased to exist on ${date}, before the goal was due.`,
      unitStale: (quarters: string, reference: string) => `The latest figure is ${quarters} quarters older than ${reference}.`,
      progress: (share: string) => `${share} of the way from the baseline to the goal`,
      progressBehind: "Further from the goal than the baseline",
      trend: (count: string, first: string, last: string) => `Trend of the latest ${count} quarters: from ${first} to ${last}`,
      expectedByNow: (value: string, quarter: string, year: string) => `On the path to the ${year} goal, ${quarter} should have reached ${value}`,
      qualitative: "Qualitative goal, no numeric threshold",
    },
    indicator: {
      goalsHeading: "Goals set by the programmes",
      clauseSourceLabel: "Source (in Vietnamese)",
      baseline: (value: string, date: string) => `Baseline: ${value}, on ${date}`,
      assumedBaselineDate: "the date is assumed: the source document does not give it",
      demoBaseline: "demo baseline, not in the source document",
      firstFigureBaseline: (value: string, quarter: string) =>
        `The source document gives no baseline. The baseline is the first published figure with enough coverage from Q1 2021 on: ${value} (${quarter}); it is fixed, and every page uses this same value.`,
      noBaseline: "No baseline yet: the source document gives none, and no published figure has enough coverage.",
      seriesHeading: "Quarter by quarter",
      tableCaption: (name: string) => `Province figures by quarter: ${name}`,
      quarter: "Quarter",
      value: "Value",
      numerator: "Numerator",
      denominator: "Denominator",
      reported: "Units reporting",
      lowCoverage: "low coverage: not judged",
      pace: (year: string) => `Pace ${year}`,
      approvedOn: "Approved on",
      territoryBreak: h.mergedEn ? `From this quarter: the new ${P.en}, including former ${h.mergedEn}` : `From this quarter: ${P.en} on the two-tier boundaries, without districts`,
      projectionRow: (year: string) => `Projection, end of ${year}`,
      noData: "No figure of this indicator has been approved yet.",
      methodologyHeading: "How it is computed",
      downloadsHeading: "Download this indicator's figures",
      downloadsIntro: "Every published figure of this indicator, for every unit and quarter, with the same columns as the full download.",
      downloadXlsx: "Excel (.xlsx)",
      downloadCsvVi: "CSV for Excel in Vietnamese (decimal comma, semicolon-separated)",
      downloadCsv: "International CSV (decimal point, comma-separated)",
      sourceHeading: "Source",
      responsible: (name: string) => `Responsible agency: ${name}`,
      retired: (quarter: string) => `This indicator is no longer tracked from ${quarter}: no figures from that quarter on; the figures published before stay as they were.`,
      levels: (levels: string) => `Entered at: ${levels} level`,
      status: (year: string) => `Status against the ${year} goal`,
      projection: (year: string, value: string) => `The current trend projects, for the end of ${year}: ${value}`,
      backToHome: "Back to the home page: all goals",
    },
    levels: { PROVINCE: "province", DISTRICT: "district", COMMUNE: "commune" },
    chart: {
      caption: (name: string) => `Chart of the quarterly figures: ${name}`,
      actual: "Approved province figure",
      baseline: "Baseline",
      pace: (year: string) => `Pace to the ${year} goal`,
      target: (year: string) => `${year} goal`,
      projection: "Projected trend",
      merger: h.mergedEn ? `${h.mergedEn} merger (1 Jul 2025)` : "Districts abolished (1 Jul 2025)",
      summary: (first: string, last: string) => `Figures from ${first} to ${last}.`,
      summaryTargets: (targets: string) => `Goals: ${targets}.`,
      summaryProjection: (value: string) => `The current trend projects: ${value}.`,
      tableHint: "The table below holds the same figures.",
      legend: "Legend",
    },
    breakdown: {
      heading: "By district and commune",
      intro:
        `Each quarter is broken down on the administrative boundaries of that quarter: until 2025 Q2 by the former districts and communes; from 2025 Q3 by the ${P.communes} communes and wards of the new ${P.en}.`,
      pick: "Choose a quarter",
      show: "Show",
      province: (name: string) => name,
      formerProvince: (name: string) => `${name} (former, now part of ${P.short})`,
      notInTotal: `Not part of the ${P.en} figure before 1 July 2025.`,
      coverage: (reported: string, expected: string, share: string) =>
        `${reported} of ${expected} units reported (${share})`,
      district: "District",
      unit: "Unit",
      coverageColumn: "Reported / expected",
      notReported: "Not reported",
      unitsList: (count: string) => `List of ${count} units and the figure of each`,
      districtsCaption: (quarter: string) => `By district, ${quarter}`,
      unitsCaption: (quarter: string) => `By unit, ${quarter}`,
      noBreakdown: "This indicator is entered as one figure for the whole province.",
      noQuarters: "No district or commune figure has been approved yet.",
      districtsEnded: "District-level government ended on 1 July 2025: there are no district figures from 2025 Q3.",
    },
    revisions: {
      heading: "Publication history",
      summary: (published: string, revised: string) =>
        `${published} figures published; ${revised} corrected and published again.`,
      none: "No figure has been corrected after publication.",
      caption: "Figures published more than once, every revision",
      revision: "Revision",
      unit: "Unit",
      supersededOn: "Superseded on",
      current: "Current",
    },
    methodology: {
      heading: "Methodology",
      approvedHeading: "Only approved figures are published",
      approved: [
        "Staff of the provincial departments enter figures every quarter and submit them for review; someone else, entrusted with approval, approves them or sends them back. Only an approved figure is written as a publication and appears on these pages and in the downloads.",
        "Figures being entered, awaiting review or sent back are never shown. When a published figure is corrected and approved again, the new revision replaces the old one; the old one stays in the indicator's publication history.",
      ],
      ratesHeading: "How rates are computed and rolled up",
      rates: [
        "Rates are entered as a numerator and a denominator, never as a ready-made percentage. The rate of a district, of the province or of several quarters is the sum of the numerators over the sum of the denominators (Σnumerator / Σdenominator), never an average of rates: a commune with 1 of 2 dossiers and one with 99 of 100 make 100/102 = 98.04%, not (50% + 99%) / 2 = 74.5%.",
        "Counts (digital enterprises, base-station sites, open datasets) are the number on the last day of the quarter; quarters are not added up. A “change against the baseline” indicator is (quarter value − baseline value) / baseline value × 100%. The DTI ranking is a rank among all provinces: lower is better, and it is never rolled up.",
        "Coverage = units that reported / units expected to report. The units expected are the administrative units that existed on the last day of the quarter, at the level the indicator is entered at.",
      ],
      statusHeading: "Status and projection",
      status: [
        "Each goal (2025, 2030) is compared with the latest approved province figure, exactly as the resolution words it: “trên 90%” (more than 90%) is strictly more than 90%, so 90.00% does not meet it; “tối thiểu 10%” (at least 10%) is 10% or more.",
        "The pace line joins the baseline, on the baseline's date, to the goal's value on the last day of the goal year, in a straight line. The baseline is one fixed value, the same on every page (public pages, dashboard, open data): the baseline the article on the resolution gives, dated 31/12/2020 — an assumed date, since the article is undated and its “to date” is read as before the 2021–2025 programme; where there is none, the first published figure with enough coverage (at least 80% of units reporting) from Q1 2021 on, on the last day of its quarter. It does not move with the period a page shows.",
      ],
      projection: (window: string, minimum: string) =>
        `The projection is the least-squares straight line through the latest ${window} quarters with figures at most (at least ${minimum} are needed), extended to the end of the goal year. The ratio r = (projected value − baseline) / (goal − baseline) is the share of the way from the baseline to the goal that the current trend will cover.`,
      feasible: (ratio: string, rank: string, change: string) =>
        `A straight line can run past any value the indicator can take, so the projection is brought back into the feasible range before r is computed: a rate lies within ${ratio}; a count is a whole number, never negative; a rank is a whole number, ${rank} at best; the change of a count against its baseline is never below ${change}. For instance, a trend reaching 108.36% is shown as 100.00%, and r is computed on 100%.`,
      thresholdsCaption: "Statuses, in the order they are checked",
      statusColumn: "Status",
      ruleColumn: "When",
      ruleAchieved: "The latest figure meets the goal.",
      ruleInsufficient: (minimum: string) => `Fewer than ${minimum} quarters with figures: not enough for a trend.`,
      ruleOnTrack: (onTrack: string) => `r ≥ ${onTrack}.`,
      ruleNeedsAcceleration: (low: string, high: string) => `${low} ≤ r < ${high}.`,
      ruleOffTrack: (low: string, high: string) => `${low} ≤ r < ${high}.`,
      ruleRegressing: (low: string) => `r < ${low}: the trend is moving away from the goal.`,
      ruleMissed: "The goal year is over and the latest figure up to Q4 of that year does not meet the goal.",
      ruleUnassessable: (quarters: string) =>
        `The goal's level has had no administrative unit since before the goal was due and its last figure had not met the goal; or the latest figure is more than ${quarters} quarters older than the quarter assessed.`,
      final:
        "Once the goal year is over the verdict is final: Achieved or Missed, on the latest figure up to Q4 of that year, and later figures do not change it. So from 2026 on, the 2025 goals are Achieved, Missed or No longer assessable.",
      unassessable: (quarters: string) =>
        `A verdict needs a figure for the time it speaks of: the quarter shown, or Q4 of the goal year once that year is over. A goal is marked “No longer assessable”, with the reason and its last figure, when (1) the goal's level ceased to exist before the goal was due — district-level government ended on 1 July 2025, so the 2030 district goal cannot be assessed; only when the level's last figure had already met the goal is the verdict Achieved, since no figure can come to change it; or (2) the latest figure is more than ${quarters} quarters older than that time. Such a goal has no projection, no required quarterly gain and no gap to the goal; the same holds for a dissolved unit in a breakdown.`,
      finished:
        "For a goal whose year is over, every page shows the verdict with the figure it rests on (quarter and value). A later figure, if any, is shown apart, on a “Since then” line, and does not change the verdict. The gap to the goal is measured on that same figure and carries its unit (percentage points, enterprises, places) and a + or − sign.",
      coverageRule: (min: string) =>
        `Coverage: a province value summed from communes or districts is shown with the number of units that reported over the number expected that quarter (e.g. 47 of 92 units, 51%). A quarter under ${min} coverage is shown, marked, but not used for status, projection or the required quarterly gain: a rate from half the communes says more about who reported than about the province. A province-level figure (one unit) is there or not.`,
      pending:
        "Verdicts rest on approved figures only. The staff dashboard also shows figures awaiting approval (marked ⏳), but a quarter that still has figures awaiting approval is not used for status, projection or the required quarterly gain until they are approved; the public pages hold approved figures only.",
      yearlyRate:
        "Yearly rates: an indicator whose method defines a rate over a whole year (the share of citizens and businesses satisfied with online public services: Σ numerators / Σ denominators of four quarters) is tracked and judged on that rate: each quarter's value is the four quarters ending with it, exactly the year's rate at Q4, so a year's goal is assessed on the whole year, not on one quarter. It is computed only when all four quarters are on one territory; four quarters with a figure awaiting approval, or with a quarter under the coverage threshold, are not judged.",
      yearlyValues:
        "Yearly values in the open data (/api/v1/aggregates?period=year and the “By year” file): each indicator records which period a quarter's figure describes. Indicators that count what happened in a quarter (dossiers received, work dossiers, ratings) add up the year's published quarters: the yearly rate is Σ numerators / Σ denominators of the quarters, not the mean of their rates; the year is complete with all 4 quarters and its coverage is the least-covered quarter's. States on the quarter's last day (digital enterprises, level-4 services, households with broadband), year-to-date sums (digital economy share of GRDP) and ranks take the year's last published quarter, which is named; the year is complete when that is Q4. For the DTI rank that is the edition published by that quarter, i.e. the one about the year before (see Reference periods). 2025 has two province rows, the former province (Q1–Q2) and the merged one (Q3–Q4): two territories are never added together.",
      editions:
        `Reference periods: an index published once a year about the year before (the DTI of year Y is published during Y + 1) has recorded editions, each with its reference year, publication day and the number of provinces ranked. A figure entered in a quarter is the latest edition published by the quarter's last day, so it is placed at that edition's reference year, not at the reporting quarter: a year's goal is assessed on the edition about that year, and a figure's age counts from the latest quarter that reported it. Ranks among 63 provinces (to DTI 2024) and among 34 (from DTI 2025) are not one series: the trend starts from the first edition of the current ranking. The 2025 goal was set for the former ${P.short} among 63 provinces, so it is assessed on the last edition about the former province (DTI 2024); DTI 2025 ranks the merged province among 34. Quarters before the first recorded edition are not placed at any year and are not used.`,
      comparison: (onTrack: string, acceleration: string) =>
        `Compared with the methods readers may know: Open SDG (after Statistics Canada) and the UN Statistics Division's SDG Progress Chart compare the actual rate of change with the rate needed to meet the target on time, as compound annual growth rates between two points in time. Here r is also the actual rate against the needed one, but on a straight line (the least-squares trend of the latest quarters), because most indicators are shares capped at 100% and one is a rank, where compound growth means nothing. The ${onTrack} threshold is the same as both; ${acceleration} is the UN's (Open SDG uses 60%).`,
      counting:
        "The home page counts goals: an indicator can have a 2025 and a 2030 goal, and the sector digital-economy indicator has a goal for each sector. The dashboard has one row per indicator (per sector), so it has fewer rows than there are goals; it counts goals the same way as the home page, and the number next to each status in its filter is the number of rows with at least one goal in that status.",
      progressShare:
        "The progress shown on the home page is the share of the way covered: (latest figure − baseline) / (goal − baseline).",
      reformHeading: h.mergedEn ? `The 2025 administrative reform and the ${h.mergedEn} merger` : "The 2025 administrative reform",
      reform: [
        h.mergedEn
          ? `On 1 July 2025 district-level government ended and ${h.mergedEn} ${h.province.merged.length > 1 ? "provinces" : "province"} merged into ${P.short}; the communes, wards and townships of ${h.oldProvincesEn === "two" ? "both" : `the ${h.oldProvincesEn}`} provinces were reorganised into the ${P.communes} communes and wards of the new ${P.en}.`
          : `On 1 July 2025 district-level government ended; the communes, wards and townships of ${P.en} were reorganised into ${P.communes} communes and wards.`,
        `Every figure belongs to the administrative unit it was reported for. ${h.mergedEn ? `Figures up to 2025 Q2 roll up to the former ${P.en} (without ${h.mergedEn}); from 2025 Q3 they roll up to the new ${P.short} (including former ${h.mergedEn}). Because the territory changed,` : `Figures up to 2025 Q2 roll up to ${P.en} as it was before 1 July 2025; from 2025 Q3 to ${P.en} on the two-tier boundaries. Because the units changed,`} the province series has a break at 2025 Q3; it is marked on the chart and in the table, never smoothed over.`,
        h.mergedEn
          ? `Trends and projections are therefore fitted to the quarters of today's territory only (from 2025 Q3): earlier quarters are shown but not joined to the trend line, because the jump at the merger (in the number of digital enterprises, say) is not progress. The 2025 goals are assessed on the territory the resolution covers, ${P.en} as it was before 1 July 2025: for indicators entered by commune, 2025 Q3 and Q4 are recomputed from the new communes and wards lying wholly inside the old border (no new commune crosses the old provincial border), so they are exact; for indicators the province reports as one number, the merged province's figures cannot be split, so the verdict rests on the former province's last figure (2025 Q2). Each such verdict says which territory it rests on.`
          : "Trends and projections are therefore fitted to the quarters of today's boundaries only (from 2025 Q3): earlier quarters are shown but not joined to the trend line.",
        "District indicators have figures up to 2025 Q2 only. Commune indicators are entered for the former communes up to 2025 Q2 and for the new ones from 2025 Q3. The public breakdown uses the boundaries of its own quarter. The officials' dashboard also offers a 'From 1 July 2025' view that rebuilds each new commune's history from the former communes it was formed from; a former commune only partly merged into a new one is apportioned by the share an administrator records with its source (numerator, denominator and value times the share); without a share it is counted whole, marked as history for reference, and never used for the new commune's status. The open data gives each succession's share (weight).",
        "On 1 March 2025 the Department of Information and Communications merged into the Department of Science and Technology. Every figure keeps the agency responsible when it was entered.",
      ],
      demoHeading: "Demo data",
      demo: [
        "When the software runs in demo mode, figures are generated by a fixed pseudo-random generator to show how the pages work; they are not official figures.",
        `Every page showing demo figures says so at the top; the downloads have an is_demo column. ${h.ownResolution ? `The indicators, goals and quotations are those of Resolution ${SHIPPED_RESOLUTION.code}; baselines marked as demo are assumed values, because the resolution gives none.` : "The indicators and goals are those of a demo programme; baselines marked as demo are assumed values."}`,
      ],
      indicatorsHeading: "How each indicator is computed",
    },
    data: {
      heading: "Download the data",
      intro:
        "Every approved and published figure, unit by unit and quarter by quarter: each row is the current publication of one figure. Figures not yet approved are not in these files.",
      csv: "Download the CSV file: every published figure",
      json: "Download the JSON file: every published figure",
      counts: (figures: string, indicators: string, latest: string) =>
        `${figures} figures of ${indicators} indicators; latest approval on ${latest}.`,
      empty: "No figure has been published yet.",
      formatHeading: "Format",
      format: [
        "CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese correctly), comma-separated, CRLF line ends, column names on the first line. Numbers use a decimal point and no thousands separator, so machines can read them; an empty cell means no value.",
        "JSON: one object with the schema version, the time it was generated, the list of columns and a figures array whose elements have exactly the columns of the CSV file.",
        "Column names and meanings do not change; new columns, if any, are added at the end.",
      ],
      sdmxHeading: "SDMX-CSV for statistics offices",
      sdmx: "The same published figures in SDMX-CSV 2.0, the format statistics offices and Open SDG exchange: one observation per line of dataflow VN_TN:DF_DX_TRACKER(1.0), with dimensions FREQ, INDICATOR, REF_AREA (the administrative unit's code; a code reused after 1 July 2025 carries its first day, e.g. 01849_20250701), SECTOR (_Z: no sectors), TIME_PERIOD (2026-Q3); OBS_VALUE is the percentage for a ratio; OBS_STATUS is A (normal), P (provisional) or E (estimated). Every code is in the codelists file.",
      sdmxData: "SDMX-CSV data",
      sdmxCodelists: "Codelists",
      aggregatesHeading: "Aggregates, with coverage",
      aggregates:
        `Published figures summed to the province and to each district (districts to 2025 Q2 only), by quarter and by year, with the columns of /api/v1/aggregates: a rate is Σ numerators / Σ denominators of the units that reported, with units reported, units expected and coverage; values under the coverage threshold are flagged. The province is the former ${P.short} to 2025 Q2 and the merged province from 2025 Q3 (the area_* columns). Yearly values follow period_basis: indicators that count what happened in a quarter add the quarters up (complete with all 4); states on the quarter's last day, year-to-date sums and ranks take the last published quarter (complete when it is Q4) — the methodology page has the rule. Every row has is_demo, as in the figures file.`,
      aggregatesQuarterly: "By quarter (CSV)",
      aggregatesYearly: "By year (CSV)",
      columnsCaption: "Columns of the downloads",
      column: "Column",
      type: "Type",
      meaning: "Meaning",
    },
    programmes: {
      shown: "Showing the targets of",
      period: (start: string, end: string, vision: string | null) => (vision ? `${start}–${end}, with a vision to ${vision}` : `${start}–${end}`),
      status: { IN_FORCE: "in force", ENDED: "ended", SUPERSEDED: "superseded" },
      supersededBy: (code: string) => `superseded by ${code}`,
      targets: (count: string) => `${count} targets`,
      others: "The province's other programmes",
      othersNote: "An ended programme stays readable, with each target's final verdict.",
      national: "National programmes (reference lines, not judged here)",
      nationalNote: "Where a provincial target answers a national one, its card shows the national line beside it.",
      backHome: "Back to the programme in force",
      metaDescription: (code: string, title: string) => `Progress of the targets of ${code}: ${title}. Approved figures only.`,
    },
    values: {
      changeUp: (percent: string) => `up ${percent} on the baseline`,
      changeDown: (percent: string) => `down ${percent} on the baseline`,
      rank: (rank: string) => `rank ${rank}`,
      goalTop: (count: string) => `among the top ${count} provinces`,
      goalChangeUp: (percent: string) => `up at least ${percent}`,
      goalChangeDown: (percent: string) => `down at least ${percent}`,
      gapPoints: "percentage points",
      gapPlaces: "places",
    },
    notFound: {
      heading: "This page was not found",
      body: "This address is not one of the public pages, or the indicator code in it is not in the indicator catalogue.",
    },
  };
}

/** Both languages' words for a province served (default: DX_PROVINCE_CODE). */
export function dictionariesFor(home: HomeWords = homeWords()): Readonly<Record<Locale, Dictionary>> {
  return { vi: viWords(home), en: enWords(home) };
}

/** The words of the province this installation serves, built once. */
export const DICTIONARIES: Readonly<Record<Locale, Dictionary>> = dictionariesFor();

export function getDictionary(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}
