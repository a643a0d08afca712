import { RootDocument } from "@/components/root-document";

/** Root layout of the Vietnamese public pages: its own <html lang> (ADR 008). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <RootDocument lang="vi">{children}</RootDocument>;
}
