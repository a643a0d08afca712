import type { GetStaticPaths } from "next";

/**
 * getStaticPaths of every cached public page (ADR 012): nothing is rendered
 * at build time (the build has no database); each page of a generation is
 * rendered on its first request, the request waits for it ("blocking"), and
 * it is then kept without a timeout — a new generation replaces it.
 */
export const renderOnFirstRequest: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });
