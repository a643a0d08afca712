import { ApiPage, apiMetadata } from "@/components/public/api-page";

export const generateMetadata = () => apiMetadata("vi");

export default function Page() {
  return <ApiPage locale="vi" />;
}
