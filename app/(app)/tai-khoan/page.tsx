import { redirect } from "next/navigation";

/** The account section has one page for now. */
export default function AccountPage() {
  redirect("/tai-khoan/mat-khau");
}
