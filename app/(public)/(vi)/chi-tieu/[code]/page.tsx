import { IndicatorPage, indicatorMetadata, type CodeParams, type SearchParams } from "@/components/public/indicator-page";

export const generateMetadata = ({ params }: { params: CodeParams }) => indicatorMetadata("vi", params);

export default function Page({ params, searchParams }: { params: CodeParams; searchParams: SearchParams }) {
  return <IndicatorPage locale="vi" params={params} searchParams={searchParams} />;
}
