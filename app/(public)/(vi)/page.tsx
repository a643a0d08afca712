import { HomePage, homeMetadata } from "@/components/public/home-page";

export const generateMetadata = () => homeMetadata("vi");

export default function Page() {
  return <HomePage locale="vi" />;
}
