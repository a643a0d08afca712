/** Request headers proxy.ts sets for the server components behind it (it overwrites any a client sent). */

/** Path + query of the page requested, for the signed-in shell's "sign in and come back" redirect. */
export const PATHNAME_HEADER = "x-dx-pathname";
