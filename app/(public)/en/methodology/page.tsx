import { MethodologyPage, methodologyMetadata } from "@/components/public/methodology-page";

export const generateMetadata = () => methodologyMetadata("en");

export default function Page() {
  return <MethodologyPage locale="en" />;
}
