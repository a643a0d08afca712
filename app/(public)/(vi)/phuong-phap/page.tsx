import { MethodologyPage, methodologyMetadata } from "@/components/public/methodology-page";

export const generateMetadata = () => methodologyMetadata("vi");

export default function Page() {
  return <MethodologyPage locale="vi" />;
}
