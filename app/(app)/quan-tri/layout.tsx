import { AdminNav } from "@/components/admin/admin-nav";
import { adminSectionsFor } from "@/lib/admin/sections";
import { getCurrentActor } from "@/lib/auth/session";

/**
 * The administration section: its menu above every page, listing only the sections the role may
 * open, and none at all for a role that may open none (each page checks the permission itself).
 * The session is the one the (app) layout has already read (memoised per request).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const sections = adminSectionsFor((await getCurrentActor())?.role).map(({ href, label }) => ({ href, label }));
  return (
    <>
      {sections.length > 0 && <AdminNav sections={sections} />}
      {children}
    </>
  );
}
