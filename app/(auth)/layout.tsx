import type { Metadata } from "next";
import { RootDocument, STAFF_METADATA } from "@/components/root-document";

export const metadata: Metadata = STAFF_METADATA;

/** Root layout of sign-in (the app has one root layout per language and audience, ADR 008). */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <RootDocument lang="vi">{children}</RootDocument>;
}
