import { DataPage, dataMetadata } from "@/components/public/data-page";

export const generateMetadata = () => dataMetadata("vi");

export default function Page() {
  return <DataPage locale="vi" />;
}
