/** The public pages' app (Pages Router, ADR 012): the global styles, nothing else. */
import type { AppProps } from "next/app";
import "@/app/globals.css";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
