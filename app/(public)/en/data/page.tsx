import { DataPage, dataMetadata } from "@/components/public/data-page";

export const generateMetadata = () => dataMetadata("en");

export default function Page() {
  return <DataPage locale="en" />;
}
