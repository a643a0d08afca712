import { IndicatorPage, indicatorMetadata, type CodeParams, type SearchParams } from "@/components/public/indicator-page";

export const generateMetadata = ({ params }: { params: CodeParams }) => indicatorMetadata("en", params);

export default function Page({ params, searchParams }: { params: CodeParams; searchParams: SearchParams }) {
  return <IndicatorPage locale="en" params={params} searchParams={searchParams} />;
}
