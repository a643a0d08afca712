import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoAccountsHint } from "@/components/auth/demo-accounts-hint";
import { SignInForm } from "@/components/auth/sign-in-form";
import { signInNotice } from "@/components/auth/sign-in-messages";
import { getCurrentActor } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getDictionary } from "@/lib/i18n/dictionary";
import { STAFF_AREA } from "@/lib/auth/landing";
import { safeCallbackUrl } from "@/lib/security/callback-url";

export const metadata: Metadata = { title: "Đăng nhập" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  // No page to return to (or a foreign one): the work of the role, through the staff area.
  const callbackUrl = safeCallbackUrl(params.callbackUrl, STAFF_AREA);
  // Already signed in (and the session still valid): straight on.
  if (await getCurrentActor()) redirect(callbackUrl);
  const notice = signInNotice(params.thongBao);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <p className="text-sm font-medium text-brand-700">{getDictionary("vi").home.heading}</p>
      <h1 className="mt-1 text-2xl font-bold text-brand-800">Đăng nhập</h1>
      <p className="mt-2 text-sm text-slate-700">Dành cho cán bộ nhập liệu, người duyệt và lãnh đạo các sở, ngành.</p>
      {notice && (
        <p role="status" className="mt-4 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      )}
      <div className="mt-6 rounded border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm callbackUrl={callbackUrl} />
      </div>
      {getEnv().DEMO_DATA && <DemoAccountsHint />}
    </main>
  );
}
