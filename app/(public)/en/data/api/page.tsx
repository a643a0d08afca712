import { ApiPage, apiMetadata } from "@/components/public/api-page";

export const generateMetadata = () => apiMetadata("en");

export default function Page() {
  return <ApiPage locale="en" />;
}
