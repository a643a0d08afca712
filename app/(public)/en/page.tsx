import { HomePage, homeMetadata } from "@/components/public/home-page";

export const generateMetadata = () => homeMetadata("en");

export default function Page() {
  return <HomePage locale="en" />;
}
