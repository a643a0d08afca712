import { NotFoundPage } from "@/components/public/not-found-page";

export default function NotFound() {
  return <NotFoundPage locale="en" />;
}
