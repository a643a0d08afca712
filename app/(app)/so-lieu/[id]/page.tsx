import { Suspense } from "react";
import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { z } from "zod";
import { DemoNotice } from "@/components/demo-notice";
import { FigureHistoryView } from "@/components/review/figure-history";
import { NoPermission } from "@/components/app-shell/no-permission";
import { getCurrentActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getFigureHistory } from "@/lib/data/figure-history";

export const metadata: Metadata = { title: "Lịch sử số liệu" };

type Params = Promise<{ id: string }>;

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

export default function FigureHistoryPage({ params }: { params: Params }) {
  return (
    <Suspense fallback={<p>Đang tải lịch sử số liệu…</p>}>
      <History params={params} />
    </Suspense>
  );
}

async function History({ params }: { params: Params }) {
  await connection();
  const { id: raw } = await params;
  const actor = await getCurrentActor();
  if (!actor) redirect(`/dang-nhap?callbackUrl=${encodeURIComponent(`/so-lieu/${encodeURIComponent(raw)}`)}`);
  if (!can(actor.role, "figure.history")) return <NoPermission what="xem lịch sử số liệu" />;
  const id = idSchema.safeParse(raw);
  if (!id.success) notFound();
  const history = await getFigureHistory(actor, id.data);
  if (!history) notFound();
  return (
    <>
      {history.figure.isDemo && <DemoNotice />}
      <FigureHistoryView history={history} canWithdraw={can(actor.role, "figure.review")} />
    </>
  );
}
