import { ROLE_LABELS } from "@/lib/auth/permissions";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/demo-accounts";

/** Demo mode only: the published demo accounts, so visitors can try each role. */
export function DemoAccountsHint() {
  return (
    <aside aria-labelledby="tai-khoan-demo" className="mt-6 rounded border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <h2 id="tai-khoan-demo" className="font-semibold">
        Tài khoản dùng thử (chế độ dữ liệu demo)
      </h2>
      <p className="mt-1">
        Mật khẩu chung: <code className="font-mono">{DEMO_PASSWORD}</code>
      </p>
      <ul className="mt-2 space-y-1">
        {DEMO_ACCOUNTS.map((account) => (
          <li key={account.email}>
            <code className="font-mono">{account.email}</code> — {ROLE_LABELS[account.role].vi}
          </li>
        ))}
      </ul>
    </aside>
  );
}
