import { AdminNav } from "@/components/admin/admin-nav";

/** The administration section: its menu above every page (each page checks the permission itself). */
export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
